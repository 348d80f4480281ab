import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openConversationData } from "../../src/store/conversations.ts";
import { lockHistory, saveReport } from "../../src/store/reports.ts";
import { addUnit, classChangesOf, listUnits, unitsActiveIn } from "../../src/store/units.ts";
import { joinAs, lastText, openChat, type ChatDriver } from "../support/chat.ts";

const values = { addicts: 3, suspected: 1, newCases: 0, familyRehab: 1, compulsoryReferrals: 0, relapses: 0, householdsCommitted: 50, propagandaSessions: 1, incidents: 0, suspectedSpots: 0, notes: null };

describe("officers' details", () => {
  let chat: ChatDriver;
  beforeEach(async () => {
    // 21 November 2026, 10:00 in Vietnam.
    chat = await openChat("simulator", { now: new Date("2026-11-21T03:00:00Z") });
  });
  afterEach(async () => chat.close());

  it("shows a tip sent at 13:40 in Vietnam as 13:40, in the list and in the tip", async () => {
    await joinAs(chat, "officer", "officer", null);
    chat.clock.now = new Date("2026-11-21T06:40:00Z");
    await chat.send("resident", "/tobao");
    await chat.press("resident", "dealing");
    await chat.send("resident", "Có người bán ma túy ở quán nước đầu ngõ");
    await chat.send("resident", "Ngõ 5");
    await chat.send("resident", "bỏ qua");
    await chat.send("resident", "bỏ qua");
    await chat.press("resident", "anonymous");
    const code = /Mã tin báo: (TB-[A-Z0-9]{6})/.exec(lastText(await chat.press("resident", "yes")))?.[1];
    expect(code).toBeDefined();
    chat.clock.now = new Date("2026-11-21T09:00:00Z");
    expect(lastText(await chat.send("officer", "/tinbao"))).toContain(`${code} · Mua bán · mới nhận · 13:40 21/11/2026`);
    expect(lastText(await chat.send("officer", `/tobao ${code}`))).toContain("gửi lúc 13:40 21/11/2026");
  });

  it("/khoaso refuses a month that has not ended; /mokhoa asks why, keeps it, and the head can correct again", async () => {
    const unit = await addUnit(chat.db, { name: "Khu phố Chí Linh", households: 100, classification: "has_cases" });
    await joinAs(chat, "officer", "officer", null);
    await joinAs(chat, "head", "head", unit.id);
    await saveReport(chat.db, { unitId: unit.id, period: "2026-10", personId: 2, now: new Date("2026-10-25T01:00:00Z"), warnings: [], values });

    expect(lastText(await chat.send("officer", "/khoaso 2026-11"))).toContain("Tháng 11/2026 chưa kết thúc");
    expect(lastText(await chat.send("officer", "/lock 12/2026"))).toContain("Tháng 12/2026 chưa kết thúc");
    expect(lastText(await chat.send("officer", "/khoaso"))).toContain("Cách dùng: /khoaso THÁNG/NĂM, ví dụ /khoaso 10/2026");
    expect(await chat.db.periodLock.count()).toBe(0);
    expect(lastText(await chat.send("officer", "/khoaso 10/2026"))).toContain("Đã khóa sổ tháng 10/2026");
    expect(lastText(await chat.send("head", "/baocao 10/2026"))).toContain("Tháng 10/2026 đã khóa sổ");

    expect(lastText(await chat.send("officer", "/mokhoa 2026-09"))).toContain("Tháng 09/2026 chưa khóa sổ");
    expect(lastText(await chat.send("officer", "/mokhoa"))).toContain("Cách dùng: /mokhoa THÁNG/NĂM LÝ DO");
    expect(lastText(await chat.send("head", "/mokhoa 2026-10"))).toContain("không có quyền");
    expect(lastText(await chat.send("officer", "/mokhoa 2026-10"))).toContain("Vì sao mở lại sổ tháng 10/2026?");
    expect(lastText(await chat.send("officer", "   "))).toContain("Vui lòng gõ lý do");
    expect(lastText(await chat.send("officer", "Chí Linh nhập sai số hộ cam kết"))).toContain("Đã mở lại sổ tháng 10/2026");
    expect(await chat.db.periodLock.count()).toBe(0);

    expect(lastText(await chat.send("head", "/baocao 10/2026"))).toContain("đã gửi báo cáo tháng 10/2026. Đây là báo cáo đã gửi");
    await chat.send("head", "/huy");

    // Locked again, and reopened with the reason on the same line.
    await chat.send("officer", "/lock 2026-10");
    expect(lastText(await chat.send("officer", "/unlock 2026-10 one more correction"))).toContain("Đã mở lại sổ tháng 10/2026");
    const history = await lockHistory(chat.db, "2026-10");
    expect(history.map((e) => [e.action, e.by, e.reason])).toEqual([
      ["lock", "person:1", null],
      ["unlock", "person:1", "Chí Linh nhập sai số hộ cam kết"],
      ["lock", "person:1", null],
      ["unlock", "person:1", "one more correction"],
    ]);
  });

  it("/donvi renames a unit, sets its households, reclassifies it with its history kept, and retires it", async () => {
    const unit = await addUnit(chat.db, { name: "Khu phố Chí Linh", households: 100, classification: "has_cases" });
    await addUnit(chat.db, { name: "Khu phố Bắc Sơn", households: 90, classification: "clean" });
    await joinAs(chat, "officer", "officer", null);
    await joinAs(chat, "head", "head", unit.id);
    expect(lastText(await chat.send("head", "/donvi chi linh"))).toContain("không có quyền");

    expect(lastText(await chat.send("officer", "/donvi"))).toContain("Đang theo dõi 2 khu phố: 0 trọng điểm, 1 đã có người nghiện, 1 chưa có người nghiện.");
    expect(lastText(await chat.send("officer", "/donvi Khu pho Khong Co"))).toContain("Không tìm thấy khu phố “Khu pho Khong Co”");

    const card = await chat.send("officer", "/donvi chi linh");
    expect(lastText(card)).toContain("Khu phố Chí Linh: 100 hộ; phân loại: Đã có người nghiện.");
    expect(card.at(-1)!.choices.map((c) => c.value)).toEqual(["rename", "households", "class", "retire"]);
    expect(lastText(await chat.send("officer", "xoá"))).toContain("Vui lòng bấm một nút");
    expect(lastText(await chat.press("officer", "rename"))).toContain("Tên mới của Khu phố Chí Linh?");
    expect(lastText(await chat.send("officer", "khu pho bac son"))).toContain("Đã có khu phố tên “khu pho bac son”");
    await chat.send("officer", "/donvi chi linh");
    await chat.send("officer", "đổi tên");
    expect(lastText(await chat.send("officer", "Khu phố Chí Linh Mới"))).toContain("Đã đổi tên “Khu phố Chí Linh” thành “Khu phố Chí Linh Mới”.");

    await chat.send("officer", "/donvi chi linh moi");
    await chat.send("officer", "so ho");
    expect(lastText(await chat.send("officer", "nhiều"))).toContain("Bạn gõ số cụ thể nhé");
    expect(lastText(await chat.send("officer", "120"))).toContain("Đã sửa số hộ của Khu phố Chí Linh Mới: 100 → 120.");

    await chat.send("officer", "/donvi chi linh moi");
    await chat.press("officer", "class");
    expect(lastText(await chat.send("officer", "xanh"))).toContain("Vui lòng bấm một nút, hoặc gõ: trọng điểm");
    expect(lastText(await chat.send("officer", "trọng điểm"))).toContain("Đã phân loại lại Khu phố Chí Linh Mới từ tháng 11/2026: Đã có người nghiện → Trọng điểm, phức tạp.");
    expect(await classChangesOf(chat.db, unit.id)).toEqual([
      { fromClass: "has_cases", toClass: "priority", period: "2026-11", by: "person:1", at: chat.clock.now },
    ]);
    expect(lastText(await chat.send("officer", "/donvi chi linh moi"))).toContain("• từ tháng 11/2026: Đã có người nghiện → Trọng điểm, phức tạp");

    await chat.press("officer", "retire");
    expect(lastText(await chat.send("officer", "không"))).toContain("vẫn được theo dõi");
    await chat.send("officer", "/donvi chi linh moi");
    await chat.send("officer", "ngừng theo dõi");
    expect(lastText(await chat.press("officer", "yes"))).toContain("Đã ngừng theo dõi Khu phố Chí Linh Mới từ tháng 11/2026");

    // Kept in history, out of this month's list and summary, still in October's.
    expect((await listUnits(chat.db)).map((u) => u.name)).toEqual(["Khu phố Bắc Sơn"]);
    expect((await unitsActiveIn(chat.db, "2026-10")).map((u) => u.name)).toEqual(["Khu phố Bắc Sơn", "Khu phố Chí Linh Mới"]);
    const summary = lastText(await chat.send("officer", "/tonghop"));
    expect(summary).toContain("Đã báo cáo: 0/1 khu phố.");
    expect(summary).not.toContain("Chí Linh");
    expect(lastText(await chat.send("officer", "/tonghop 10/2026"))).toContain("Đã báo cáo: 0/2 khu phố.");
    const retired = lastText(await chat.send("officer", "/donvi chi linh moi"));
    expect(retired).toContain("Đã ngừng theo dõi từ tháng 11/2026");
    expect((await chat.db.conversation.findMany()).map((c) => openConversationData(c.data).flow)).not.toContain("units");
    expect(lastText(await chat.send("head", "/baocao"))).toContain("Khu phố Chí Linh Mới đã ngừng theo dõi từ tháng 11/2026: không cần báo cáo nữa.");
    expect(lastText(await chat.send("head", "/baocao 10/2026"))).toContain("(1/11)");
  });

  it("/tonghop <unit> gives one unit's figures, with the time it reported in Vietnam's time", async () => {
    const unit = await addUnit(chat.db, { name: "Khu phố Chí Linh", households: 100, classification: "has_cases" });
    await addUnit(chat.db, { name: "Khu phố Bắc Sơn", households: 90, classification: "clean" });
    await joinAs(chat, "officer", "officer", null);
    await saveReport(chat.db, { unitId: unit.id, period: "2026-10", personId: 2, now: new Date("2026-10-20T01:00:00Z"), warnings: [], values });
    await saveReport(chat.db, { unitId: unit.id, period: "2026-11", personId: 2, now: new Date("2026-11-20T06:40:00Z"), warnings: [], values: { ...values, addicts: 5, notes: "Cần thêm tờ rơi" } });

    const text = lastText(await chat.send("officer", "/tonghop chi linh"));
    expect(text).toContain("📊 Khu phố Chí Linh — tháng 11/2026");
    expect(text).toContain("Phân loại: Đã có người nghiện; 100 hộ.");
    expect(text).toContain("Đã báo cáo lúc 13:40 20/11/2026");
    expect(text).toContain("• Số người nghiện có hồ sơ quản lý: 5 (+2)");
    expect(text).toContain("• Kiến nghị, đề xuất: Cần thêm tờ rơi");
    expect(lastText(await chat.send("officer", "/tonghop chi linh 10/2026"))).toContain("• Số người nghiện có hồ sơ quản lý: 3 (chưa có số tháng trước)");
    expect(lastText(await chat.send("officer", "/tonghop bac son"))).toContain("khu phố chưa có trưởng khu phố");
    const unknown = lastText(await chat.send("officer", "/tonghop Khu pho Khong Co"));
    expect(unknown).toContain("Không tìm thấy khu phố “Khu pho Khong Co”");
    expect(unknown).toContain("Cách dùng: /tonghop");
  });
});

describe("/tonghop at 10,000 units", () => {
  let chat: ChatDriver;
  beforeEach(async () => {
    chat = await openChat("telegram", { now: new Date("2026-11-21T03:00:00Z") });
  });
  afterEach(async () => chat.close());

  it("fits in at most 4 Telegram messages of at most 4,096 characters, naming 30 missing units and counting the rest", async () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `Khu phố Tân Thành ${String(i + 1).padStart(5, "0")}`);
    await chat.db.unit.createMany({ data: names.map((name) => ({ name, searchName: name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").toLowerCase() })) });
    const units = await chat.db.unit.findMany({ orderBy: { id: "asc" } });
    // Units 1–6,000 have a head; 1–3,000 reported, every one with a warning.
    await chat.db.person.createMany({ data: units.slice(0, 6000).map((u) => ({ role: "head", unitId: u.id })) });
    const warning = JSON.stringify([{ rule: "big-change", field: "addicts", previous: 1, value: 3 }]);
    await chat.db.monthlyReport.createMany({
      data: units.slice(0, 3000).map((u) => ({ unitId: u.id, period: "2026-11", ...values, warnings: warning, submittedById: 1, submittedAt: chat.clock.now })),
    });
    await joinAs(chat, "officer", "officer", null);

    const replies = await chat.send("officer", "/tonghop");
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.length).toBeLessThanOrEqual(4);
    for (const r of replies) expect(r.text.length).toBeLessThanOrEqual(4096);
    const text = replies.map((r) => r.text).join("\n");
    expect(text).toContain("Đã báo cáo: 3.000/10.000 khu phố.");
    expect(text).toContain("• Số người nghiện có hồ sơ quản lý: 9.000");
    expect(text).toContain("Chưa báo cáo (3.000): Khu phố Tân Thành 03001, Khu phố Tân Thành 03002");
    expect(text).toContain("Khu phố Tân Thành 03030 và 2.970 khu phố khác.");
    expect(text).not.toContain("Khu phố Tân Thành 03031");
    expect(text).toContain("Chưa có trưởng khu phố nên không ai báo cáo (4.000): Khu phố Tân Thành 06001");
    expect(text).toContain("và 3.970 khu phố khác.");
    expect(text).toContain("… và 2.980 cảnh báo khác");
  });
});
