import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTip } from "../../src/store/tips.ts";
import { joinAs, openChat, type ChatDriver } from "../support/chat.ts";
import { consoleFetch, openConsoleSession, type ConsoleBrowser } from "../support/console.ts";
import { addPerson } from "../support/people.ts";

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.from("zalo photo")]);

/**
 * A Zalo tip's photo is the image URL its event carried (bots/zalo/translate.ts): the console
 * downloads it from there, and refuses what is not an image it may show (an SVG can carry script).
 */
describe("console tip photo over Zalo", () => {
  let chat: ChatDriver;
  let officer: ConsoleBrowser;
  let images: http.Server;
  let imageBase: string;
  const tipWith = async (fileId: string) => {
    const made = await createTip(
      chat.db,
      { category: "using", description: "Ảnh qua Zalo", placeText: "Ngõ 5", location: null, whenText: null, photo: { channel: "zalo", fileId }, anonymous: true, contact: null },
      (await addPerson(chat.db, { role: "resident" })).id,
      chat.clock.now,
    );
    if (!made.ok) throw new Error("no tip");
    return made.code;
  };

  beforeAll(async () => {
    images = http.createServer((req, res) => {
      if (req.url === "/a.png") return void res.writeHead(200, { "content-type": "image/png" }).end(PNG);
      if (req.url === "/a.svg") return void res.writeHead(200, { "content-type": "image/svg+xml" }).end("<svg xmlns='http://www.w3.org/2000/svg'/>");
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => images.listen(0, "127.0.0.1", resolve));
    imageBase = `http://127.0.0.1:${(images.address() as { port: number }).port}`;
    chat = await openChat("zalo");
    await joinAs(chat, "officer", "officer", null);
    const identity = await chat.db.channelIdentity.findFirstOrThrow({ where: { channel: "zalo" }, orderBy: { id: "asc" } });
    officer = await openConsoleSession(chat.db, identity.personId, chat.clock.now);
  });
  afterAll(async () => {
    await chat.close();
    images.closeAllConnections();
    await new Promise<void>((resolve) => images.close(() => resolve()));
  });

  it("shows the image its URL gives, with the type the server said", async () => {
    const code = await tipWith(`${imageBase}/a.png`);
    expect((await consoleFetch(chat.base, `/console/tips/${code}`, { browser: officer })).body).toContain(`<img src="/console/tips/${code}/photo"`);
    const res = await fetch(`${chat.base}/console/tips/${code}/photo`, { headers: { cookie: officer.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it("says the photo cannot be had when the URL is gone, or is not an image it may show", async () => {
    for (const ref of [`${imageBase}/gone.png`, `${imageBase}/a.svg`, "not-a-url"]) {
      const code = await tipWith(ref);
      const page = (await consoleFetch(chat.base, `/console/tips/${code}`, { browser: officer })).body;
      expect(page).toContain("lúc này không lấy được ảnh từ kênh chat");
      expect(page).not.toContain("<img");
    }
  });
});
