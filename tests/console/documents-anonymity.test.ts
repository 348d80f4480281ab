import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { joinAs, lastText, openChat, seedUnit, type ChatDriver } from "../support/chat.ts";
import { tipFrom } from "../support/tips.ts";
import { consoleFetch, cookieFrom, csrfIn } from "../support/console.ts";
import { docxText, xlsxText } from "./documents-files.ts";

/**
 * The anonymity of the tips issue, extended to the console's downloads: a tip played over the fake
 * Telegram, a dialogue through the bot, then the officer (signed in through /web) downloads the
 * month's XLSX and CSV and the review .docx. None holds the tipster's Telegram id, chat or name,
 * nor what the tip said of the place.
 */
describe("the console's downloads name no tipster", () => {
  let chat: ChatDriver;
  let cookie = "";
  let csrf = "";
  const tipster = "nguoi-to-giac";

  beforeAll(async () => {
    chat = await openChat("telegram", { now: new Date("2026-11-21T03:00:00Z") });
    await seedUnit(chat.db, "Khu phố Nguyễn Trãi", 120, "priority");
    await joinAs(chat, "officer", "officer", null);
    // Through the real /tobao, whatever questions it asks (tests/support/tips.ts keeps up with them).
    const code = await tipFrom(chat, tipster, { description: "Tụ tập sử dụng ma túy ở nhà hoang cuối xóm", place: "Nhà hoang cuối xóm Đồi Thông" });
    await chat.send("officer", `/hoi ${code} Có mấy người?`);
    await chat.send(tipster, "Khoảng năm người");
    await chat.send("officer", `/xuly ${code} checking`);

    const link = /(\/console\/login\/[A-Za-z0-9_-]+)/.exec(lastText(await chat.send("officer", "/trangweb")))![1]!;
    cookie = cookieFrom(await consoleFetch(chat.base, link))!;
    csrf = csrfIn((await consoleFetch(chat.base, "/console/documents", { headers: { cookie } })).body)!;
  }, 60_000);
  afterAll(async () => chat?.close());

  const get = async (url: string, form?: Record<string, string>) => {
    const res = await fetch(`${chat.base}${url}`, {
      method: form ? "POST" : "GET",
      headers: { cookie, ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    expect(res.status, url).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };

  it("holds neither the tipster's id, chat, name nor the place in the XLSX, the CSV or the docx", async () => {
    const xlsx = await get("/console/documents/monthly?month=2026-11&format=xlsx");
    const csv = await get("/console/documents/monthly?month=2026-11&format=csv");
    const docx = await get("/console/documents/review", { _csrf: csrf, from: "2026-06", to: "2026-11" });
    const docxXml = await (await JSZip.loadAsync(docx)).file("word/document.xml")!.async("string");
    const texts = {
      xlsx: await xlsxText(xlsx),
      csv: csv.toString("utf8"),
      docx: await docxText(docx),
      docxXml,
    };
    // The review counts the tip, so the tip is in the period the documents cover.
    expect(texts.docx).toMatch(/Tiếp nhận 1 tin báo/);
    expect(texts.xlsx).toContain("Khu phố Nguyễn Trãi");

    const id = chat.idOf(tipster);
    expect(id).toMatch(/^\d+$/);
    expect((await chat.history(tipster)).map((r) => r.text).join("\n")).toContain("Có mấy người?");
    // Telegram's user id is its private chat's id; the fake names every user "Test".
    for (const [where, text] of Object.entries(texts)) {
      expect(new RegExp(`(^|\\D)${id}(\\D|$)`).test(text), `${where} holds the tipster's id ${id}`).toBe(false);
      expect(text.includes("Test"), `${where} holds the tipster's name`).toBe(false);
      expect(text.includes("Đồi Thông"), `${where} holds the tip's place`).toBe(false);
      expect(text.includes("Khoảng năm người"), `${where} holds the tipster's answer`).toBe(false);
    }
  });
});
