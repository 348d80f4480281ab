import { afterEach, describe, expect, it } from "vitest";
import JSZip from "jszip";
import { gatherReview, reviewDocx } from "../../src/admin/review.ts";
import { runAdmin } from "../../src/admin/run.ts";
import { joinAs, lastText, openChat, type ChatDriver } from "../support/chat.ts";
import { databaseBytes, TEST_DATA_KEY } from "../support/db.ts";


describe.each(["zalo", "simulator"] as const)("an anonymous tipster over %s stays unknown", (channel) => {
  let chat: ChatDriver;
  afterEach(async () => chat.close());

  it("appears nowhere: not in the database file, the logs, the export, or any officer's messages", async () => {
    chat = await openChat(channel);
    await joinAs(chat, "officer", "officer", null);
    const tipster = "nguoi-to-giac-an-danh";
    await chat.send(tipster, "/tobao");
    await chat.press(tipster, "using");
    await chat.send(tipster, "Tụ tập sử dụng ma túy ở nhà hoang cuối xóm");
    await chat.send(tipster, "Nhà hoang cuối xóm");
    await chat.send(tipster, "bỏ qua");
    await chat.send(tipster, "bỏ qua");
    await chat.press(tipster, "anonymous");
    const done = lastText(await chat.press(tipster, "yes"));
    const code = /Mã tin báo: (TB-[A-Z0-9]{6})/.exec(done)![1]!;
    // The dialogue through the bot, both ways.
    await chat.send("officer", `/hoi ${code} Có mấy người?`);
    await chat.send(tipster, "Khoảng năm người");
    await chat.send("officer", `/xuly ${code} checking`);
    await chat.send("officer", `/tobao ${code}`);
    await chat.send("officer", "/tinbao");

    // Whatever the channel calls this person: the simulator's name, Zalo's 18-digit user id.
    const ids = channel === "zalo" ? [chat.zalo!.sent.find((m) => m.text.includes(code) && m.text.includes("Mã bí mật"))!.userId] : [tipster];
    expect(ids[0]).toBeTruthy();

    const officerSaw = (await chat.history("officer")).map((m) => m.text).join("\n");
    expect(officerSaw).toContain("Khoảng năm người");
    const csv: string[] = [];
    await runAdmin(["export", "--month", "2026-11"], { db: chat.db, out: (l) => csv.push(l), err: () => {}, now: chat.clock.now });
    // The review report counts the tip, and says nothing more of it.
    const review = await gatherReview(chat.db, { from: "2026-11", to: "2026-11" }, { timeZone: "Asia/Ho_Chi_Minh", now: chat.clock.now });
    expect(review.tips.total).toBe(1);
    const docx = await reviewDocx(review, {}, {}, { issuedAt: chat.clock.now, timeZone: "Asia/Ho_Chi_Minh" });
    const reviewXml = await (await JSZip.loadAsync(docx)).file("word/document.xml")!.async("string");
    expect(reviewXml).not.toContain("Nhà hoang cuối xóm");
    await chat.server.inbox.idle();
    await chat.server.dispatcher.flush();
    const haystacks = { database: databaseBytes(chat.dbFile), logs: chat.logLines.join("\n"), export: csv.join("\n"), officer: officerSaw, review: reviewXml };
    for (const id of ids) {
      for (const [where, text] of Object.entries(haystacks)) expect(text.includes(id), `${where} holds ${id}`).toBe(false);
    }
    // Nor the key that would open the sealed link.
    expect(haystacks.database.includes(TEST_DATA_KEY)).toBe(false);
    expect(haystacks.logs.includes(TEST_DATA_KEY)).toBe(false);
  });
});
