import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { saveReport } from "../../src/store/reports.ts";
import { addUnit } from "../../src/store/units.ts";
import { joinAs, lastText, openChat, type ChatDriver } from "../support/chat.ts";

const base = { suspected: 1, compulsoryReferrals: 0, relapses: 0, propagandaSessions: 1, incidents: 0, suspectedSpots: 0, notes: null };

describe("officer commands", () => {
  let chat: ChatDriver;
  beforeEach(async () => {
    chat = await openChat("simulator");
  });
  afterEach(async () => chat.close());

  it("/tonghop shows reports in X of N, totals with the change, missing units and warnings", async () => {
    const a = await addUnit(chat.db, { name: "Khu phố Nguyễn Trãi", households: 150, classification: "priority" });
    const b = await addUnit(chat.db, { name: "Khu phố Chí Linh", households: 100, classification: "has_cases" });
    await addUnit(chat.db, { name: "Khu phố Bắc Sơn", households: 90, classification: "clean" });
    const now = new Date("2026-11-20T00:00:00Z");
    await saveReport(chat.db, { unitId: a.id, period: "2026-10", personId: 1, now, warnings: [], values: { ...base, addicts: 10, newCases: 1, familyRehab: 2, householdsCommitted: 100 } });
    await saveReport(chat.db, { unitId: a.id, period: "2026-11", personId: 1, now, warnings: [{ rule: "big-change", field: "addicts", previous: 10, value: 16 }], values: { ...base, addicts: 16, newCases: 2, familyRehab: 3, householdsCommitted: 120 } });
    await saveReport(chat.db, { unitId: b.id, period: "2026-11", personId: 1, now, warnings: [], values: { ...base, addicts: 4, newCases: 0, familyRehab: 1, householdsCommitted: 80 } });
    await joinAs(chat, "officer", "officer", null);

    const text = lastText(await chat.send("officer", "/tonghop"));
    expect(text).toContain("📊 Tổng hợp tháng 11/2026");
    expect(text).toContain("Đã báo cáo: 2/3 khu phố.");
    expect(text).toContain("• Số người nghiện có hồ sơ quản lý: 20 (+10)");
    expect(text).toContain("• Số hộ đã ký cam kết: 200 (+100)");
    // Bắc Sơn has no head: nobody can report for it, which is not the same as a late head.
    expect(text).toContain("Chưa có trưởng khu phố nên không ai báo cáo (1): Khu phố Bắc Sơn.");
    expect(text).not.toContain("Chưa báo cáo (");
    expect(text).toContain("• Khu phố Nguyễn Trãi: Số người nghiện có hồ sơ quản lý thay đổi nhiều so với tháng trước: 10 → 16.");

    const october = lastText(await chat.send("officer", "/summary 10/2026"));
    expect(october).toContain("Đã báo cáo: 1/3");
    expect(october).toContain("chưa có số tháng trước");
    expect(lastText(await chat.send("officer", "/summary tháng trước"))).toContain("Cách dùng: /tonghop");
  });

  it("/invite makes a one-time code for a unit that a new head joins with", async () => {
    await addUnit(chat.db, { name: "Khu phố Chiềng Trãi", households: 150, classification: "priority" });
    await joinAs(chat, "officer", "officer", null);
    expect(lastText(await chat.send("officer", "/invite head"))).toContain("Cách dùng: /moi trưởng TÊN KHU PHỐ");
    expect(lastText(await chat.send("officer", "/invite head Khu pho Khong Co"))).toContain("Không tìm thấy khu phố “Khu pho Khong Co”. Các khu phố: Khu phố Chiềng Trãi");
    const created = lastText(await chat.send("officer", "/invite head chieng trai"));
    const code = /\/join ([A-Z0-9]{8})/.exec(created)?.[1];
    expect(created).toContain("Mã mời trưởng khu phố Khu phố Chiềng Trãi");
    expect(code).toBeDefined();
    const joined = await chat.send("new-head", `join ${code!.toLowerCase()}`);
    expect(joined[0]!.text).toContain("Bạn đã là trưởng Khu phố Chiềng Trãi");
    // After the 20th, the month's prompt follows the welcome.
    expect(lastText(joined)).toContain("📋 Đã đến kỳ báo cáo tháng 11/2026 của Khu phố Chiềng Trãi");
    expect(lastText(await chat.send("other", `/join ${code}`))).toContain("Mã mời này đã được dùng");
    expect(lastText(await chat.send("other", "/join"))).toContain("Cách dùng: /join MÃ");
    expect(lastText(await chat.send("new-head", "/invite officer"))).toContain("không có quyền");
    expect(lastText(await chat.send("new-head", "/help"))).toContain("Xin chào trưởng Khu phố Chiềng Trãi");
  });

  it("speaks English after /lang en, and Vietnamese is the default", async () => {
    expect(lastText(await chat.send("u", "/start"))).toContain("Xin chào");
    expect(lastText(await chat.send("u", "/lang fr"))).toContain("Cách dùng: /lang vi");
    expect(lastText(await chat.send("u", "/lang en"))).toBe("Switched to English.");
    expect(lastText(await chat.send("u", "hello"))).toContain("I did not understand");
    expect(lastText(await chat.send("u", "/report"))).toContain("Only a neighbourhood head");
  });

  it("accepts commands without a slash on channels that allow it, but not inside free text", async () => {
    expect(lastText(await chat.send("u", "trogiup"))).toContain("Xin chào");
    expect(lastText(await chat.send("u", "huy"))).toContain("không có thao tác nào");
    expect(lastText(await chat.send("u", "Huy động thêm người"))).toContain("Tôi chưa hiểu");
  });
});
