import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTip } from "../../src/store/tips.ts";
import { joinAs, openChat, seedUnit, type ChatDriver } from "../support/chat.ts";
import { consoleFetch, openConsoleSession, type ConsoleBrowser } from "../support/console.ts";
import type { FakeTelegram } from "../support/fake-telegram.ts";
import { addPerson } from "../support/people.ts";
import { telegramPersonId, tipFrom } from "../support/tips.ts";

/** A JPEG's first bytes and some more: what the fake Bot API serves as the tipster's photo. */
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from("tipster photo bytes")]);
const UNAVAILABLE = "lúc này không lấy được ảnh từ kênh chat";

/**
 * A tip's photo on the console: fetched from the channel it came through (Telegram's getFile and
 * file URL on the fake Bot API), shown as an image, and a plain message when it cannot be had.
 */
describe("console tip photo", () => {
  let chat: ChatDriver;
  let fake: FakeTelegram;
  let officer: ConsoleBrowser;
  let head: ConsoleBrowser;
  let withPhoto: string;
  let withoutPhoto: string;
  let fromSimulator: string;
  const get = (path: string, browser = officer) => consoleFetch(chat.base, path, { browser });
  const image = async (code: string, browser = officer) => {
    const res = await fetch(`${chat.base}/console/tips/${code}/photo`, { headers: { cookie: browser.cookie }, redirect: "manual" });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  };

  beforeAll(async () => {
    chat = await openChat("telegram", { photoTimeoutMs: 300 });
    fake = chat.fake!;
    fake.setFile("p", JPEG);
    const unit = await seedUnit(chat.db, "Khu phố Lê Lợi", 150, "priority");
    await joinAs(chat, "officer", "officer", null);
    withPhoto = await tipFrom(chat, "an", { photo: true });
    withoutPhoto = await tipFrom(chat, "binh");
    // The simulator has no way to attach a file; a tip holding one from it is all the page can meet.
    const simulated = await createTip(
      chat.db,
      { category: "using", description: "Thử trên trình mô phỏng", placeText: "Ngõ 3", location: null, whenText: null, photo: { channel: "simulator", fileId: "sim-1" }, anonymous: true, contact: null },
      (await telegramPersonId(chat, "binh")),
      chat.clock.now,
    );
    if (!simulated.ok) throw new Error("no simulator tip");
    fromSimulator = simulated.code;
    officer = await openConsoleSession(chat.db, await telegramPersonId(chat, "officer"), chat.clock.now);
    head = await openConsoleSession(chat.db, (await addPerson(chat.db, { role: "head", unitId: unit.id })).id, chat.clock.now);
  });
  afterAll(async () => chat.close());
  beforeEach(() => fake.release());

  it("shows the photo on the tip's page as an image with an alt text, and the route gives its bytes", async () => {
    const page = await get(`/console/tips/${withPhoto}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<img src="/console/tips/${withPhoto}/photo" alt="Ảnh kèm tin báo ${withPhoto}`);
    expect(page.body).not.toContain(UNAVAILABLE);
    expect(page.headers.get("content-security-policy")).toContain("img-src 'self'");
    const got = await image(withPhoto);
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("image/jpeg");
    expect(got.headers.get("cache-control")).toBe("no-store");
    expect(got.bytes.equals(JPEG)).toBe(true);
    // Asked again without the page (a reload of the image alone), it is fetched again.
    expect((await image(withPhoto)).bytes.equals(JPEG)).toBe(true);
    expect(fake.calls.filter((c) => c.method === "getFile").every((c) => c.body.file_id === "p")).toBe(true);
  });

  it("names the tip's code only: no token, no file id, nothing of the sender in headers or logs", async () => {
    const got = await image(withPhoto);
    const headers = JSON.stringify([...got.headers.entries()]);
    expect(headers).not.toContain(fake.token);
    expect(headers).not.toMatch(/photos\//);
    fake.failNext("getFile", fake.serverError());
    await get(`/console/tips/${withPhoto}`);
    const logs = chat.logLines.join("\n");
    expect(logs).toContain("tip photo unavailable");
    expect(logs).not.toContain(fake.token.split(":")[1]!);
    const line = chat.logLines.find((l) => l.includes("tip photo unavailable"))!;
    expect(line).toContain(withPhoto);
    expect(line).not.toContain(String(chat.idOf("an")));
    expect(line).not.toMatch(/"fileId"|"ref"/);
  });

  it("says so on the page, not a crash, when the Bot API fails (500) or the download fails", async () => {
    fake.failNext("getFile", fake.serverError());
    const page = await get(`/console/tips/${withPhoto}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(UNAVAILABLE);
    expect(page.body).not.toContain("<img");
    fake.failNext("getFile", fake.serverError());
    const direct = await get(`/console/tips/${withPhoto}/photo`);
    expect(direct.status).toBe(502);
    expect(direct.body).toContain(UNAVAILABLE);
    fake.failNext("file", { status: 500, body: null });
    expect((await get(`/console/tips/${withPhoto}`)).body).toContain(UNAVAILABLE);
    // An expired file id: Telegram answers 400.
    fake.dropFile("p");
    expect((await get(`/console/tips/${withPhoto}`)).body).toContain(UNAVAILABLE);
    fake.setFile("p", JPEG);
  });

  it("refuses a photo over 10 MB rather than stream it", async () => {
    fake.setFile("p", Buffer.alloc(10 * 1024 * 1024 + 1, 0xff));
    expect((await get(`/console/tips/${withPhoto}`)).body).toContain(UNAVAILABLE);
    expect((await get(`/console/tips/${withPhoto}/photo`)).status).toBe(502);
    fake.setFile("p", JPEG);
  });

  it("says so when the Bot API does not answer in time", async () => {
    await image(withPhoto); // takes what an earlier page view left for its <img>, if anything
    fake.stall("getFile");
    const page = await get(`/console/tips/${withPhoto}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(UNAVAILABLE);
    fake.release();
    fake.stall("file");
    expect((await get(`/console/tips/${withPhoto}/photo`)).status).toBe(502);
    fake.release();
    expect((await image(withPhoto)).status).toBe(200);
  });

  it("says a photo from the simulator has no file to show; a tip without one says so", async () => {
    const page = (await get(`/console/tips/${fromSimulator}`)).body;
    expect(page).toContain("gửi từ trình mô phỏng nên không có tệp ảnh để xem");
    expect(page).not.toContain("<img");
    expect((await get(`/console/tips/${fromSimulator}/photo`)).status).toBe(404);
    expect((await get(`/console/tips/${withoutPhoto}`)).body).toContain("Tin không kèm ảnh.");
    expect((await get(`/console/tips/${withoutPhoto}/photo`)).status).toBe(404);
    expect((await get("/console/tips/TB-ZZZZZZ/photo")).status).toBe(404);
  });

  it("refuses a head (403) and sends a visitor without a session to sign in, giving no bytes", async () => {
    const refused = await image(withPhoto, head);
    expect(refused.status).toBe(403);
    expect(refused.bytes.includes(JPEG)).toBe(false);
    const anonymous = await consoleFetch(chat.base, `/console/tips/${withPhoto}/photo`);
    expect(anonymous.status).toBe(303);
    expect(anonymous.location).toBe("/console/signin");
  });
});
