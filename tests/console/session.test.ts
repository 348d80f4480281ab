import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { joinAs, openChat, seedUnit, type ChatDriver } from "../support/chat.ts";
import { consoleFetch, cookieFrom, csrfIn, openConsoleSession } from "../support/console.ts";
import { addPerson } from "../support/people.ts";

/** The path of the console link in the bot's answer to /web. */
function linkPath(text: string): string {
  const m = /https?:\/\/[^\s]+(\/console\/login\/[A-Za-z0-9_-]+)/.exec(text);
  if (!m) throw new Error(`no console link in: ${text}`);
  return m[1]!;
}

describe("console sign-in through /web (fake Telegram)", () => {
  let chat: ChatDriver;
  beforeEach(async () => {
    chat = await openChat("telegram");
  });
  afterEach(async () => chat.close());

  it("gives an officer a link that opens a session once", async () => {
    await joinAs(chat, "officer", "officer", null);
    const replies = await chat.send("officer", "/web");
    const text = replies.at(-1)!.text;
    expect(text).toContain("Mở trang quản lý");
    expect(text).toContain("một lần");
    const path = linkPath(text);

    const first = await consoleFetch(chat.base, path);
    expect(first.status).toBe(303);
    expect(first.location).toBe("/console");
    const setCookie = first.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\/console/);
    expect(setCookie).not.toMatch(/Secure/i);
    const cookie = cookieFrom(first)!;

    const home = await consoleFetch(chat.base, "/console", { browser: { cookie, csrf: "" } });
    expect(home.status).toBe(200);
    expect(home.body).toContain("Tổng quan");
    expect(home.body).toContain("Tin báo");
    expect(home.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(home.headers.get("cache-control")).toBe("no-store");

    const again = await consoleFetch(chat.base, path);
    expect(again.status).toBe(410);
    expect(again.body).toContain("đã được dùng");
    expect(again.body).toContain("/trangweb");
    expect(cookieFrom(again)).toBeNull();
  });

  it("refuses a link older than 10 minutes", async () => {
    await joinAs(chat, "officer", "officer", null);
    const path = linkPath((await chat.send("officer", "/trangweb")).at(-1)!.text);
    chat.clock.now = new Date(chat.clock.now.getTime() + 10 * 60_000 + 1000);
    const res = await consoleFetch(chat.base, path);
    expect(res.status).toBe(410);
    expect(res.body).toContain("hết hạn");
    expect(cookieFrom(res)).toBeNull();
  });

  it("does not spend the link on a chat app's link preview", async () => {
    await joinAs(chat, "officer", "officer", null);
    const path = linkPath((await chat.send("officer", "/web")).at(-1)!.text);
    const preview = await consoleFetch(chat.base, path, { headers: { "user-agent": "TelegramBot (like TwitterBot)" } });
    expect(preview.status).toBe(200);
    expect(cookieFrom(preview)).toBeNull();
    expect((await consoleFetch(chat.base, path)).status).toBe(303);
  });

  it("gives a head a link too, and a resident none", async () => {
    const unit = await seedUnit(chat.db);
    await joinAs(chat, "head", "head", unit.id);
    expect(linkPath((await chat.send("head", "trang web")).at(-1)!.text)).toMatch(/^\/console\/login\//);
    const resident = await chat.send("resident", "/web");
    expect(resident.at(-1)!.text).toContain("không có quyền");
    expect(resident.at(-1)!.text).not.toContain("/console/login/");
  });

  it("answers an unknown token with a page saying to send /web again", async () => {
    const res = await consoleFetch(chat.base, "/console/login/not-a-real-token-at-all-000000");
    expect(res.status).toBe(404);
    expect(res.body).toContain("/trangweb");
  });
});

describe("console sessions", () => {
  let chat: ChatDriver;
  beforeEach(async () => {
    chat = await openChat("simulator");
  });
  afterEach(async () => chat.close());

  it("redirects every page to the sign-in page without a session", async () => {
    for (const path of ["/console", "/console/green", "/console/anything"]) {
      const res = await consoleFetch(chat.base, path);
      expect(res.status, path).toBe(303);
      expect(res.location).toBe("/console/signin");
    }
    const signin = await consoleFetch(chat.base, "/console/signin");
    expect(signin.status).toBe(200);
    expect(signin.body).toContain("/trangweb");
    const forged = await consoleFetch(chat.base, "/console", { browser: { cookie: "vx_console=forged-session-id-000000000000", csrf: "" } });
    expect(forged.location).toBe("/console/signin");
  });

  it("ends a session after 12 hours idle", async () => {
    const officer = await addPerson(chat.db, { role: "officer" });
    const browser = await openConsoleSession(chat.db, officer.id, chat.clock.now);
    expect((await consoleFetch(chat.base, "/console", { browser })).status).toBe(200);
    chat.clock.now = new Date(chat.clock.now.getTime() + 11 * 3_600_000);
    expect((await consoleFetch(chat.base, "/console", { browser })).status).toBe(200);
    chat.clock.now = new Date(chat.clock.now.getTime() + 12 * 3_600_000);
    expect((await consoleFetch(chat.base, "/console", { browser })).location).toBe("/console/signin");
  });

  it("refuses a POST without the session's CSRF token, and signs out with it", async () => {
    const officer = await addPerson(chat.db, { role: "officer" });
    const browser = await openConsoleSession(chat.db, officer.id, chat.clock.now);
    const page = await consoleFetch(chat.base, "/console", { browser });
    expect(csrfIn(page.body)).toBe(browser.csrf);

    const none = await consoleFetch(chat.base, "/console/logout", { browser, method: "POST" });
    expect(none.status).toBe(403);
    const wrong = await consoleFetch(chat.base, "/console/logout", { browser, form: { _csrf: "x".repeat(browser.csrf.length) } });
    expect(wrong.status).toBe(403);
    expect(wrong.body).toContain("không có gì thay đổi");
    expect((await consoleFetch(chat.base, "/console", { browser })).status).toBe(200);

    const out = await consoleFetch(chat.base, "/console/logout", { browser, form: { _csrf: browser.csrf } });
    expect(out.status).toBe(200);
    expect(out.body).toContain("Đã đăng xuất");
    expect((await consoleFetch(chat.base, "/console", { browser })).location).toBe("/console/signin");
  });

  it("shows a head only the overview and the green zone, and refuses officers' pages", async () => {
    const unit = await seedUnit(chat.db);
    const head = await addPerson(chat.db, { role: "head", unitId: unit.id });
    const browser = await openConsoleSession(chat.db, head.id, chat.clock.now);
    const home = await consoleFetch(chat.base, "/console", { browser });
    expect(home.status).toBe(200);
    expect(home.body).toContain("Vùng xanh");
    expect(home.body).not.toContain("/console/tips");
    expect(home.body).not.toContain("Quản trị");
  });

  it("refuses the console to a person who holds no officer or head role", async () => {
    const resident = await addPerson(chat.db, { role: "resident" });
    const browser = await openConsoleSession(chat.db, resident.id, chat.clock.now);
    expect((await consoleFetch(chat.base, "/console", { browser })).status).toBe(403);
  });
});
