import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getReport, revisionsOf, saveReport } from "../../src/store/reports.ts";
import { CHANNELS, joinAs, lastText, openChat, seedUnit, type ChatDriver } from "../support/chat.ts";

const VALUES = ["12", "4", "2", "5", "1", "1", "120", "3", "1", "2"];
const NOTES = "Cần thêm kinh phí tuyên truyền";

describe.each(CHANNELS)("monthly report over %s", (channel) => {
  let chat: ChatDriver;
  let unitId: number;
  beforeEach(async () => {
    chat = await openChat(channel);
    unitId = (await seedUnit(chat.db)).id;
    await joinAs(chat, "head", "head", unitId);
  });
  afterEach(async () => chat.close());

  async function answerAll(values = VALUES, notes = NOTES) {
    for (const v of values) await chat.send("head", v);
    return chat.send("head", notes);
  }

  it("asks every field in order, shows a summary and stores the report once confirmed", async () => {
    const first = await chat.send("head", "/baocao");
    expect(lastText(first)).toContain("Báo cáo tháng 11/2026 của Khu phố Nguyễn Trãi");
    expect(lastText(first)).toContain("(1/11) Số người nghiện có hồ sơ quản lý?");
    const second = await chat.send("head", "12");
    expect(lastText(second)).toContain("(2/11) Số người nghi nghiện?");
    for (const v of VALUES.slice(1)) await chat.send("head", v);
    const summary = await chat.send("head", NOTES);
    const text = lastText(summary);
    expect(text).toContain("Tóm tắt báo cáo tháng 11/2026");
    expect(text).toContain("1. Số người nghiện có hồ sơ quản lý: 12");
    expect(text).toContain(`11. Kiến nghị, đề xuất: ${NOTES}`);
    expect(text).toContain("Gửi báo cáo này?");
    expect(summary.at(-1)!.choices.map((c) => c.label)).toEqual(["Có", "Không"]);
    expect(await getReport(chat.db, unitId, "2026-11")).toBeNull();

    const done = await chat.press("head", "yes");
    expect(lastText(done)).toContain("Đã gửi báo cáo tháng 11/2026 của Khu phố Nguyễn Trãi");
    const stored = await getReport(chat.db, unitId, "2026-11");
    expect(stored?.values).toEqual({
      addicts: 12, suspected: 4, newCases: 2, familyRehab: 5, compulsoryReferrals: 1, relapses: 1,
      householdsCommitted: 120, propagandaSessions: 3, incidents: 1, suspectedSpots: 2, notes: NOTES,
    });
  });

  it("answers every bad input with a short message and the same question, storing nothing", async () => {
    await chat.send("head", "/report");
    await chat.send("head", "12");
    const q2 = "(2/11) Số người nghi nghiện?";
    const cases: [string | (() => Promise<unknown>), RegExp][] = [
      ["vài người", /gõ số cụ thể/],
      ["2-3", /không gõ khoảng/],
      ["-3", /Số không được âm/],
      ["99999999999999999999", /Số này lớn quá/],
      ["250000", /Số này lớn quá/],
      ["2.5", /số nguyên/],
      ["   ", /Bạn gõ một số nhé[\s\S]*Không có thì gõ 0/],
      ["x".repeat(5000), /Bạn gõ một số nhé/],
      ["/foo", /Không có lệnh “\/foo”/],
      ["/baocao", /Bạn đang làm dở một việc/],
      ["/join ABCDEFGH", /Mã mời “ABCDEFGH” không đúng/],
    ];
    for (const [input, expected] of cases) {
      const replies = await chat.send("head", input as string);
      expect(replies, String(input).slice(0, 20)).toHaveLength(1);
      expect(lastText(replies)).toMatch(expected);
      expect(lastText(replies)).toContain(q2);
    }
    for (const kind of ["sticker", "photo", "location"] as const) {
      if (channel === "simulator" && kind !== "sticker") continue;
      const replies = await chat.sendOther("head", kind);
      expect(lastText(replies)).toMatch(kind === "sticker" ? /Tôi chưa nghe được tin nhắn thoại/ : /Bạn gõ một số nhé/);
      expect(lastText(replies)).toContain(q2);
    }
    const help = await chat.send("head", "/trogiup");
    expect(lastText(help)).toContain("/baocao");
    expect(lastText(help)).toContain(q2);
    const english = await chat.send("head", "/lang en");
    expect(lastText(english)).toContain("Switched to English");
    expect(lastText(english)).toContain("(2/11) People suspected of drug use?");
    await chat.send("head", "/lang vi");
    // The answers given before the bad inputs are kept.
    const next = await chat.send("head", "4");
    expect(lastText(next)).toContain("(3/11)");
    expect(await getReport(chat.db, unitId, "2026-11")).toBeNull();
  });

  it("refuses numbers that break a hard rule and asks the question just answered again", async () => {
    await chat.send("head", "/report");
    await chat.send("head", "3");
    await chat.send("head", "1");
    const tooMany = await chat.send("head", "4");
    expect(lastText(tooMany)).toContain("Số người nghiện phát sinh mới (4) không thể lớn hơn số người nghiện có hồ sơ quản lý (3)");
    expect(lastText(tooMany)).toContain("(3/11)");
    await chat.send("head", "1");
    const rehab = await chat.send("head", "9");
    expect(lastText(rehab)).toContain("(4/11)");
    expect(lastText(rehab)).toContain("không thể lớn hơn");
    await chat.send("head", "2"); // familyRehab
    await chat.send("head", "0"); // compulsory
    const relapses = await chat.send("head", "5");
    expect(lastText(relapses)).toContain("(6/11)");
    await chat.send("head", "0");
    const households = await chat.send("head", "151");
    expect(lastText(households)).toContain("Số hộ đã ký cam kết (151) không thể lớn hơn số hộ của khu phố (150)");
    expect(lastText(households)).toContain("(7/11)");
    const ok = await chat.send("head", "150");
    expect(lastText(ok)).toContain("(8/11)");
  });

  it("asks the head to confirm a big change against last month, and tells the officers", async () => {
    await saveReport(chat.db, {
      unitId, period: "2026-10", personId: 1, now: new Date("2026-10-25T00:00:00Z"), warnings: [],
      values: { addicts: 10, suspected: 4, newCases: 1, familyRehab: 3, compulsoryReferrals: 0, relapses: 0, householdsCommitted: 100, propagandaSessions: 2, incidents: 1, suspectedSpots: 2, notes: null },
    });
    await joinAs(chat, "officer", "officer", null);
    await chat.send("head", "/report");
    const warn = await chat.send("head", "20");
    expect(lastText(warn)).toContain("Số người nghiện có hồ sơ quản lý thay đổi nhiều so với tháng trước: 10 → 20");
    expect(lastText(warn)).toContain("Bạn có chắc số này đúng không?");
    const again = await chat.press("head", "no");
    expect(lastText(again)).toContain("(1/11) Số người nghiện có hồ sơ quản lý?");
    await chat.send("head", "20");
    const bad = await chat.send("head", "có lẽ");
    expect(lastText(bad)).toContain("Bạn gõ “có” hoặc “không”");
    const go = await chat.send("head", "co");
    expect(lastText(go)).toContain("(2/11)");
    for (const v of ["4", "1", "3", "0", "0", "100", "2", "1", "2"]) await chat.send("head", v);
    const summary = await chat.send("head", "bo qua");
    expect(lastText(summary)).toContain("11. Kiến nghị, đề xuất: (không có)");
    expect(lastText(summary)).toContain("Lưu ý (sẽ báo cho cán bộ)");
    await chat.send("head", "dong y");
    const stored = await getReport(chat.db, unitId, "2026-11");
    expect(stored?.warnings).toEqual([{ rule: "big-change", field: "addicts", previous: 10, value: 20 }]);
    const officerSaw = await chat.history("officer");
    expect(officerSaw.at(-1)?.text).toContain("⚠️ Khu phố Nguyễn Trãi gửi báo cáo tháng 11/2026 có điểm cần lưu ý");
    expect(officerSaw.at(-1)?.text).toContain("10 → 20");
  });

  it("warns about new cases in a clean unit", async () => {
    const clean = await seedUnit(chat.db, "Khu phố Bắc Sơn", 100, "clean");
    await joinAs(chat, "head2", "head", clean.id);
    await chat.send("head2", "/report");
    await chat.send("head2", "1");
    await chat.send("head2", "0");
    const warn = await chat.send("head2", "1");
    expect(lastText(warn)).toContain("chưa có người nghiện” nhưng có 1 người nghiện phát sinh mới");
  });

  it("stores nothing when the head cancels, and says so", async () => {
    await chat.send("head", "/report");
    await chat.send("head", "5");
    const cancelled = await chat.send("head", "/huy");
    expect(lastText(cancelled)).toBe("Đã hủy. Không có gì được lưu.");
    expect(await getReport(chat.db, unitId, "2026-11")).toBeNull();
    const nothing = await chat.send("head", "5");
    expect(lastText(nothing)).toContain("Tôi chưa hiểu");
    expect(lastText(await chat.send("head", "/cancel"))).toContain("không có thao tác nào");
  });

  it("lets the head correct one item from the summary before sending", async () => {
    await chat.send("head", "/report");
    await answerAll();
    const pick = await chat.send("head", "không");
    expect(lastText(pick)).toContain("Bạn muốn sửa mục nào?");
    expect(lastText(await chat.send("head", "12"))).toContain("từ 1 đến 11");
    const field = await chat.send("head", "2");
    expect(lastText(field)).toContain("(2/11) Số người nghi nghiện?");
    expect(lastText(field)).toContain("Số đã báo: 4");
    const back = await chat.send("head", "6");
    expect(lastText(back)).toContain("2. Số người nghi nghiện: 6");
    // Lowering the addicts below the new cases sends the head to the item that now breaks.
    await chat.send("head", "không");
    await chat.send("head", "1");
    const broken = await chat.send("head", "1");
    expect(lastText(broken)).toContain("Số người nghiện phát sinh mới (2) không thể lớn hơn");
    expect(lastText(broken)).toContain("(3/11)");
    const rehab = lastText(await chat.send("head", "1"));
    expect(rehab).toContain("(4/11)"); // familyRehab 5 > 1 also breaks
    expect(rehab).toContain("Số người cai nghiện tại gia đình, cộng đồng (5) không thể lớn hơn");
    const summary = await chat.send("head", "1");
    expect(lastText(summary)).toContain("Gửi báo cáo này?");
    await chat.send("head", "yes");
    expect((await getReport(chat.db, unitId, "2026-11"))?.values).toMatchObject({ addicts: 1, suspected: 6, newCases: 1, familyRehab: 1, relapses: 1 });
  });

  it("corrects a sent report with a second /report, keeping the history of changes", async () => {
    await joinAs(chat, "officer", "officer", null);
    await chat.send("head", "/report");
    await answerAll();
    await chat.send("head", "có");
    // The stored report and "which one?", then one field and back: four messages in all.
    const again = await chat.send("head", "/baocao");
    expect(lastText(again)).toContain("đã gửi báo cáo tháng 11/2026. Đây là báo cáo đã gửi");
    expect(lastText(again)).toContain(`11. Kiến nghị, đề xuất: ${NOTES}`);
    const field = await chat.send("head", "sửa mục 2");
    expect(lastText(field)).toContain("(2/11) Số người nghi nghiện?");
    expect(lastText(field)).toContain("Số đã báo: 4");
    const summary = await chat.send("head", "bảy"); // suspected 4 → 7
    expect(lastText(summary)).toContain("2. Số người nghi nghiện: 7");
    expect(lastText(summary)).toContain(`11. Kiến nghị, đề xuất: ${NOTES}`);
    const done = await chat.send("head", "dạ gửi đi");
    expect(lastText(done)).toContain("Đã sửa báo cáo tháng 11/2026 của Khu phố Nguyễn Trãi (1 mục thay đổi)");
    const revisions = await revisionsOf(chat.db, unitId, "2026-11");
    expect(revisions).toMatchObject([{ field: "suspected", oldValue: "4", newValue: "7" }]);
    expect((await chat.history("officer")).at(-1)?.text).toContain("Số người nghi nghiện");
  });

  it("refuses a report for a locked month", async () => {
    await joinAs(chat, "officer", "officer", null);
    // Only a month that has ended can be locked (it is November now).
    expect(lastText(await chat.send("head", "/lock 2026-10"))).toContain("không có quyền");
    expect(lastText(await chat.send("officer", "/lock 2026-10"))).toContain("Đã khóa sổ tháng 10/2026");
    expect(lastText(await chat.send("head", "/baocao 10/2026"))).toContain("Tháng 10/2026 đã khóa sổ");
  });

  it("takes a report locked while the head was answering as refused, not stored", async () => {
    await joinAs(chat, "officer", "officer", null);
    await chat.send("head", "/report 10/2026");
    await answerAll();
    await chat.send("officer", "/lock 10/2026");
    expect(lastText(await chat.send("head", "có"))).toContain("đã khóa sổ");
    expect(await getReport(chat.db, unitId, "2026-10")).toBeNull();
  });

  it("continues at the same question after a restart, with the answers kept", async () => {
    await chat.send("head", "/report");
    await chat.send("head", "12");
    await chat.send("head", "4");
    await chat.restart();
    const next = await chat.send("head", "2");
    expect(lastText(next)).toContain("(4/11)");
    for (const v of VALUES.slice(3)) await chat.send("head", v);
    await chat.send("head", "-");
    await chat.send("head", "y");
    expect((await getReport(chat.db, unitId, "2026-11"))?.values).toMatchObject({ addicts: 12, suspected: 4, newCases: 2, notes: null });
  });

  it("lets only heads report, and treats a stale button as closed", async () => {
    expect(lastText(await chat.send("someone", "/report"))).toContain("Chỉ trưởng khu phố mới làm báo cáo tháng");
    expect(lastText(await chat.press("someone", "yes"))).toContain("Câu hỏi này đã kết thúc");
    expect(lastText(await chat.send("someone", "/summary"))).toContain("không có quyền");
  });
});
