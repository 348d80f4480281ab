import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { displayDateTime } from "../../src/domain/time.ts";
import { joinAs, openChat, seedUnit, type ChatDriver } from "../support/chat.ts";
import { consoleFetch, openConsoleSession, type ConsoleBrowser } from "../support/console.ts";
import { telegramPersonId, tipFrom } from "../support/tips.ts";

const MINUTE = 60_000;

/**
 * Nothing on a console page identifies an anonymous tipster (issue 14, item 4). Residents tip and
 * answer over the fake Telegram, with a clock that moves minutes between their actions; an officer
 * acts from the console; then every console page reachable from the tips queue is fetched, and none
 * may hold a tipster's person id, Telegram id, name or the time (finer than the day) they acted.
 */
describe("console tips: anonymity", () => {
  let chat: ChatDriver;
  let officer: ConsoleBrowser;
  const tipsters: { user: string; code: string; personId: number; telegramId: string; acted: Date[] }[] = [];
  const pages = new Map<string, string>();
  const step = () => (chat.clock.now = new Date(chat.clock.now.getTime() + 7 * MINUTE));

  beforeAll(async () => {
    chat = await openChat("telegram", { now: new Date("2026-11-21T03:00:00Z") });
    await seedUnit(chat.db, "Khu phố Lê Lợi", 150, "priority");
    await joinAs(chat, "officer", "officer", null);
    // Bystanders first, so the tipsters' person ids are two digits and cannot hide among small numbers in markup.
    for (let i = 0; i < 9; i++) await chat.send(`r${i}`, "xin chào");
    for (const [user, pin] of [["an", false], ["binh", true]] as const) {
      step();
      const acted = [new Date(chat.clock.now)];
      const code = await tipFrom(chat, user, { pin, description: "Có người tụ tập sử dụng ma túy ban đêm" });
      tipsters.push({ user, code, personId: await telegramPersonId(chat, user), telegramId: chat.idOf(user), acted });
    }
    officer = await openConsoleSession(chat.db, await telegramPersonId(chat, "officer"), chat.clock.now);
    const post = (path: string, form: Record<string, string>) => consoleFetch(chat.base, path, { browser: officer, form: { _csrf: officer.csrf, ...form } });
    for (const t of tipsters) {
      step();
      await post(`/console/tips/${t.code}/move`, { to: "checking" });
      await post(`/console/tips/${t.code}/ask`, { text: "Bạn thấy họ ở đó mấy lần rồi?" });
      await chat.server.dispatcher.flush();
      step();
      t.acted.push(new Date(chat.clock.now));
      await chat.send(t.user, "Ba lần trong tuần này");
    }
    // Crawl every console page the tips queue leads to (links only, GET only).
    const queue = ["/console/tips", "/console/tips?status=checking", "/console/tips?category=using", ...tipsters.map((t) => `/console/tips/${t.code}`)];
    while (queue.length > 0 && pages.size < 80) {
      const path = queue.shift()!;
      if (pages.has(path)) continue;
      const res = await consoleFetch(chat.base, path, { browser: officer });
      pages.set(path, res.body);
      for (const m of res.body.matchAll(/href="(\/console[^"#]*)"/g)) {
        const href = m[1]!.replace(/&amp;/g, "&");
        if (!href.endsWith(".css") && !pages.has(href)) queue.push(href);
      }
    }
  });
  afterAll(async () => chat.close());

  it("fetched the tips pages and more", () => {
    expect([...pages.keys()]).toEqual(expect.arrayContaining(["/console/tips", "/console", "/console/cases", ...tipsters.map((t) => `/console/tips/${t.code}`)]));
    for (const t of tipsters) expect(pages.get(`/console/tips/${t.code}`)).toContain("Ba lần trong tuần này");
  });

  it("shows no tipster's person id, Telegram id or name on any page", () => {
    for (const [path, body] of pages) {
      for (const t of tipsters) {
        // On a tip's pages, no number standing on its own (not part of a date, a decimal or a
        // longer number) is a tipster's id; other pages are full of month numbers and counts.
        if (path.startsWith("/console/tips")) expect(body, path).not.toMatch(new RegExp(`(?<![\\d.,:/-])${t.personId}(?![\\d.,:/])`));
        expect(body, path).not.toContain(t.telegramId);
      }
      // The fake Bot API's first name of every user, and the words a page would use for ids.
      expect(body, path).not.toMatch(/\bTest\b/);
      // ("person" alone is a tip category: the words for an id or a link to someone are what must not appear)
      expect(body, path).not.toMatch(/person_?id|data-person|\/people\/\d|tipster|chat_?id/i);
    }
  });

  it("shows the tips' times to the day only, on every tips page", () => {
    for (const [path, body] of pages) {
      for (const t of tipsters) for (const at of t.acted) expect(body, path).not.toContain(displayDateTime(at, "Asia/Ho_Chi_Minh").slice(0, 5));
      expect(body, path).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}/);
      if (path.startsWith("/console/tips")) expect(body, path).not.toMatch(/\b\d{1,2}:\d{2}\b/);
    }
  });

  it("writes no tipster's id into the console's log lines", () => {
    const consoleLines = chat.logLines.filter((l) => l.includes("console"));
    expect(consoleLines.some((l) => l.includes("console tip action"))).toBe(true);
    for (const line of consoleLines) {
      for (const t of tipsters) {
        expect(line).not.toContain(t.telegramId);
        expect(line).not.toMatch(new RegExp(`"personId":${t.personId}\\b`));
      }
    }
  });
});
