import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { caseName, saveCheckin, sealerFor } from "../../src/store/cases.ts";
import { adminOn } from "../admin/harness.ts";
import { joinTestCase, labels, openCaseChat, openTestCase, texts } from "../support/cases.ts";
import { CHANNELS, joinAs, lastText, type ChatDriver, type Reply } from "../support/chat.ts";
import { TEST_DATA_KEY } from "../support/db.ts";


describe.each(CHANNELS)("officers' rehab cases over %s", (channel) => {
  let chat: ChatDriver;
  let unitA: number;
  let unitB: number;

  const newCase = (code: string, unitId: number, name: string | null = null) => openTestCase(chat, code, unitId, { name });
  const joinCase = (user: string, caseId: number, unitId: number) => joinTestCase(chat, user, caseId, unitId);
  async function checkIn(user: string, answers: string[]) {
    for (const a of ["/checkin", ...answers]) await chat.send(user, a);
  }

  beforeEach(async () => {
    ({ chat, unitA, unitB } = await openCaseChat(channel));
  });
  afterEach(async () => chat.close());

  it("opens a case in a conversation, refusing every bad answer, with the name sealed and a mentor invite", async () => {
    await newCase("NT-01", unitA);
    const start = await chat.send("officer", "/moca");
    expect(lastText(start)).toContain("Mã hồ sơ mới (chữ và số, ví dụ NT-01; không dùng họ tên)?");
    for (const bad of ["Nguyễn Văn A", "NguyenVanA", "-NT1", "NT 01", "x1".repeat(11)]) {
      expect(lastText(await chat.send("officer", bad))).toMatch(/Mã gồm chữ, số \(ít nhất một chữ số\)[\s\S]*Mã hồ sơ mới/);
    }
    expect(lastText(await chat.send("officer", "nt-01"))).toMatch(/Đã có trường hợp mã NT-01[\s\S]*Mã hồ sơ mới/);
    expect(lastText(await chat.sendOther("officer", "sticker"))).toMatch(/Vui lòng trả lời bằng chữ[\s\S]*Mã hồ sơ mới/);

    const unit = await chat.send("officer", "nt-02");
    expect(lastText(unit)).toContain("Trường hợp thuộc khu phố nào?");
    expect(labels(unit)).toEqual(["Khu phố Chí Linh", "Khu phố Nguyễn Trãi"]);
    expect(lastText(await chat.send("officer", "Hoàng Hoa Thám"))).toContain("Không tìm thấy khu phố “Hoàng Hoa Thám”. Các khu phố: Khu phố Chí Linh, Khu phố Nguyễn Trãi");
    expect(lastText(await chat.send("officer", "tất cả"))).toContain("Vui lòng bấm một nút bên dưới, hoặc gõ tên khu phố.");

    const startDate = await chat.send("officer", "nguyen trai");
    expect(lastText(startDate)).toContain("Ngày bắt đầu giúp đỡ? Bấm “Hôm nay” hoặc gõ ngày, ví dụ 23/11/2026.");
    expect(labels(startDate)).toEqual(["Hôm nay"]);
    for (const bad of ["31/02/2026", "mai", "2026-13-01"]) {
      expect(lastText(await chat.send("officer", bad))).toMatch(/Vui lòng gõ ngày, ví dụ 23\/11\/2026 hoặc “hôm qua”[\s\S]*Ngày bắt đầu/);
    }
    const end = await chat.press("officer", "today");
    expect(lastText(end)).toContain("Ngày dự kiến kết thúc (ví dụ 23/05/2027)? Bấm “Bỏ qua” nếu chưa định.");
    expect(lastText(await chat.send("officer", "1/11/2026"))).toMatch(/Ngày kết thúc phải từ 25\/11\/2026 trở đi[\s\S]*Ngày dự kiến kết thúc/);
    const summary = await chat.send("officer", "25/5/2027");
    expect(lastText(summary)).toContain("Mở hồ sơ NT-02:\n• Khu phố: Khu phố Nguyễn Trãi\n• Từ 25/11/2026 đến 25/05/2027");
    expect(lastText(await chat.send("officer", "hmm"))).toContain("Mở hồ sơ này? (Có / Không)");
    const name = await chat.send("officer", "có");
    expect(lastText(name)).toContain("Họ tên người được giúp đỡ (tối đa 100 ký tự)? Chỉ cán bộ xem được, lưu mã hóa.");
    expect(lastText(await chat.send("officer", "x".repeat(101)))).toContain("Nội dung quá dài (tối đa 100 ký tự)");
    expect(await chat.db.rehabCase.count()).toBe(1);

    const opened = await chat.send("officer", "Lê Thị Thu Trang");
    const text = lastText(opened);
    expect(text).toContain("✅ Đã mở hồ sơ NT-02 (Khu phố Nguyễn Trãi), từ 25/11/2026 đến 25/05/2027.");
    expect(text).toContain("Họ tên đã được lưu mã hóa; chỉ cán bộ xem được (/xemca).");
    expect(text).not.toContain("Thu Trang");
    const invite = /Mã mời người giúp đỡ trường hợp NT-02: ([A-Z0-9]{8})/.exec(text)?.[1];
    expect(invite).toBeDefined();
    const row = await chat.db.rehabCase.findUniqueOrThrow({ where: { code: "NT-02" } });
    expect(row).toMatchObject({ unitId: unitA, startDate: "2026-11-25", endDate: "2027-05-25", status: "active" });
    expect(row.nameEnc).toMatch(/^v2:/);
    expect(await caseName(chat.db, row.id, sealerFor(TEST_DATA_KEY))).toBe("Lê Thị Thu Trang");
    // The conversation never kept the name.
    expect(await chat.db.conversation.count()).toBe(0);

    const joined = await chat.send("mentor", `/join ${invite}`);
    expect(joined[0]!.text).toContain("Bạn được phân công giúp đỡ trường hợp NT-02.");
    // Joined on a Wednesday: the week's check-in prompt follows the welcome at once.
    expect(lastText(joined)).toContain("🤝 Tuần 23/11/2026: bạn cần xác nhận đã liên hệ 1 trường hợp (NT-02)");
    expect(await chat.db.caseMentor.count({ where: { caseId: row.id } })).toBe(1);
    expect(lastText(await chat.send("mentor", "/checkin"))).toContain("Trường hợp NT-02 — tuần 23/11/2026.");
  });

  it("opens nothing when the officer says no, skips the name, and lets only officers open cases", async () => {
    await chat.send("officer", "/newcase");
    await chat.send("officer", "NT-05");
    await chat.send("officer", "Khu phố Chí Linh");
    await chat.send("officer", "2026-11-01");
    await chat.press("officer", "skip");
    expect(lastText(await chat.send("officer", "không"))).toContain("Đã hủy, chưa mở hồ sơ nào.");
    expect(await chat.db.rehabCase.count()).toBe(0);

    await chat.send("officer", "/moca");
    await chat.send("officer", "NT-05");
    await chat.send("officer", "chi linh");
    await chat.send("officer", "01/11/2026");
    await chat.send("officer", "bỏ qua");
    await chat.send("officer", "có");
    const opened = await chat.press("officer", "skip");
    expect(lastText(opened)).toContain("✅ Đã mở hồ sơ NT-05 (Khu phố Chí Linh), từ 01/11/2026 đến chưa định.");
    expect(lastText(opened)).not.toContain("Họ tên đã được lưu");
    expect(await chat.db.rehabCase.findUniqueOrThrow({ where: { code: "NT-05" } })).toMatchObject({ nameEnc: null, endDate: null, unitId: unitB });

    await joinAs(chat, "mentor", "mentor", unitA);
    for (const who of ["head", "mentor", "resident"]) {
      for (const command of ["/moca", "/hoso", "/xemca NT-05", "/trangthaica NT-05 completed", "/moigiupdo NT-05"]) {
        expect(lastText(await chat.send(who, command))).toBe("Bạn không có quyền dùng lệnh này.");
      }
    }
    expect((await chat.db.rehabCase.findUniqueOrThrow({ where: { code: "NT-05" } })).status).toBe("active");
    expect(await chat.db.invite.count({ where: { caseId: { not: null } } })).toBe(1);
  });

  it("shows the officers the cases due, overdue and needing attention this week", async () => {
    expect(lastText(await chat.send("officer", "/hoso"))).toContain("Không có trường hợp nào đang giúp đỡ tuần này.");
    const a = await newCase("NT-01", unitA, "Vũ Minh Tuấn");
    const b = await newCase("NT-02", unitA);
    const c = await newCase("CL-01", unitB);
    await newCase("CL-02", unitB); // no mentor yet
    await joinCase("mentor", a.id, unitA);
    await joinCase("mentor", b.id, unitA);
    await joinCase("mentor-b", c.id, unitB);
    const mentorId = (await chat.db.caseMentor.findFirstOrThrow({ where: { caseId: a.id } })).personId;
    // Last week: NT-01 stable, NT-02 worrying; nobody confirmed the Chí Linh cases.
    for (const [caseId, code, state] of [[a.id, "NT-01", "stable"], [b.id, "NT-02", "worrying"]] as const) {
      await saveCheckin(chat.db, { entry: { caseId, code, contacted: true, method: "phone", state, note: null }, mentorId, week: "2026-11-16", now: new Date("2026-11-17T03:00:00Z") }, null);
    }
    // This week: NT-01 suspected relapse.
    await checkIn("mentor", ["NT-01", "có", "1", "3", "-", "có", "finish"]);

    const list = lastText(await chat.send("officer", "/hoso"));
    expect(list).toContain("📁 Hồ sơ giúp đỡ — tuần 23/11/2026: 4 trường hợp cần xác nhận, 1 đã xác nhận.");
    expect(list).toContain(
      "Chưa xác nhận tuần này (3):\n• CL-01 (Khu phố Chí Linh)\n• CL-02 (Khu phố Chí Linh) — chưa có người giúp đỡ\n• NT-02 (Khu phố Nguyễn Trãi)",
    );
    expect(list).toContain("Quá hạn — tuần trước không ai xác nhận (2):\n• CL-01 (Khu phố Chí Linh)\n• CL-02 (Khu phố Chí Linh) — chưa có người giúp đỡ");
    expect(list).toContain("Cần chú ý (2):\n• NT-01 (Khu phố Nguyễn Trãi): Nghi tái nghiện\n• NT-02 (Khu phố Nguyễn Trãi): Có dấu hiệu đáng lo");
    expect(list).not.toContain("Vũ Minh Tuấn");

    const one = lastText(await chat.send("officer", "/cases chi linh"));
    expect(one).toContain("tuần 23/11/2026: 2 trường hợp cần xác nhận, 0 đã xác nhận.");
    expect(one).not.toContain("NT-0");
    expect(lastText(await chat.send("officer", "/hoso Hoàng Hoa Thám"))).toContain("Không tìm thấy khu phố “Hoàng Hoa Thám”.");
  });

  it("shows one case's history, with the name and notes only to officers", async () => {
    const a = await newCase("NT-01", unitA, "Đỗ Văn Lực");
    await joinCase("mentor", a.id, unitA);
    await checkIn("mentor", ["có", "2", "2", "Hay đi đêm", "có"]);

    expect(lastText(await chat.send("officer", "/xemca"))).toBe("Cách dùng: /xemca MÃ (ví dụ: /xemca NT-01)");
    expect(lastText(await chat.send("officer", "/xemca NT-99"))).toBe("Không có trường hợp “NT-99”.");
    const view = lastText(await chat.send("officer", "/case nt-01"));
    expect(view).toContain("📁 Trường hợp NT-01 — Khu phố Nguyễn Trãi — Đang giúp đỡ");
    expect(view).toContain("Họ tên (chỉ cán bộ xem): Đỗ Văn Lực");
    expect(view).toContain("Từ 01/09/2026 đến 01/03/2027; 1 người giúp đỡ.");
    expect(view).toContain("Các lần xác nhận gần nhất:\n• Tuần 23/11/2026: Có dấu hiệu đáng lo (Điện thoại). Ghi chú: Hay đi đêm");

    for (const who of ["mentor", "head"]) {
      expect(lastText(await chat.send(who, "/xemca NT-01"))).toBe("Bạn không có quyền dùng lệnh này.");
      expect(texts(await chat.history(who))).not.toContain("Đỗ Văn Lực");
    }
  });

  it("changes a case's status at once or in a small conversation, keeping each change", async () => {
    const a = await newCase("NT-01", unitA);
    await newCase("NT-02", unitA);
    await joinCase("mentor", a.id, unitA);
    const officerId = (await chat.db.person.findFirstOrThrow({ where: { role: "officer" } })).id;

    expect(lastText(await chat.send("officer", "/trangthaica NT-01 đã xong"))).toContain("Vui lòng chọn: Đang giúp đỡ, Hoàn thành, Tái nghiện hoặc Cai nghiện bắt buộc.");
    expect(lastText(await chat.send("officer", "/trangthaica NT-09 completed"))).toBe("Không có trường hợp “NT-09”.");
    expect(lastText(await chat.send("officer", "/trangthaica NT-01 active"))).toBe("NT-01 đã ở trạng thái “Đang giúp đỡ”. Không đổi gì.");
    expect(lastText(await chat.send("officer", "/casestatus nt-01 tái nghiện"))).toBe("Đã đổi trạng thái NT-01: Đang giúp đỡ → Tái nghiện.");

    const ask = await chat.send("officer", "/trangthaica");
    expect(lastText(ask)).toContain("Đổi trạng thái trường hợp nào? Gõ mã: NT-01, NT-02");
    expect(labels(ask)).toEqual(["NT-01", "NT-02"]);
    expect(lastText(await chat.send("officer", "NT-07"))).toContain("Không có trường hợp “NT-07”. Các trường hợp: NT-01, NT-02");
    const status = await chat.press("officer", "NT-01");
    expect(lastText(status)).toContain("Trạng thái mới của NT-01?");
    expect(labels(status)).toEqual(["Đang giúp đỡ", "Hoàn thành", "Tái nghiện", "Cai nghiện bắt buộc"]);
    expect(lastText(await chat.send("officer", "khỏi"))).toContain("Vui lòng chọn: Đang giúp đỡ, Hoàn thành");
    expect(lastText(await chat.send("officer", "cai nghien bat buoc"))).toBe("Đã đổi trạng thái NT-01: Tái nghiện → Cai nghiện bắt buộc.");

    const changes = await chat.db.caseStatusChange.findMany({ where: { caseId: a.id }, orderBy: { id: "asc" } });
    expect(changes.map((c) => [c.fromStatus, c.toStatus, c.byPersonId])).toEqual([
      ["active", "relapsed", officerId],
      ["relapsed", "compulsory", officerId],
    ]);
    // No longer followed: no check-in, and no new mentor.
    expect(lastText(await chat.send("mentor", "/checkin"))).toContain("bạn không có trường hợp nào cần xác nhận");
    expect(lastText(await chat.send("officer", "/moigiupdo NT-01"))).toContain("Trường hợp NT-01 đang ở trạng thái “Cai nghiện bắt buộc”");
    const more = lastText(await chat.send("officer", "/moigiupdo nt-02"));
    expect(more).toMatch(/^Mã mời người giúp đỡ trường hợp NT-02: [A-Z0-9]{8} \(người được mời gửi \/join [A-Z0-9]{8}; dùng một lần, đến \d\d:\d\d \d\d\/\d\d\/\d{4}\)\.$/);
    expect(lastText(await chat.send("officer", "/moigiupdo"))).toContain("Cách dùng: /moigiupdo MÃ");
  });

  it("keeps names out of the database file in plain text and out of every message but an officer's /case", async () => {
    const admin = adminOn(chat.db);
    const added = await admin("cases", "add", "NT-01", "--unit", "nguyen trai", "--name", "Hoàng Thị Mai Phương");
    expect(added.code).toBe(0);
    const a = await chat.db.rehabCase.findUniqueOrThrow({ where: { code: "NT-01" } });
    await joinCase("mentor", a.id, unitA);
    await checkIn("mentor", ["có", "1", "1", "Gặp ở chợ", "có"]);
    await chat.send("officer", "/moca");
    for (const answer of ["NT-02", "nguyen trai", "today", "-", "có", "Bùi Xuân Trường"]) await chat.send("officer", answer);
    await chat.send("officer", "/hoso");
    await chat.send("head", "/xemca NT-01");
    await chat.send("mentor", "/xemca NT-02");
    const names = ["Hoàng Thị Mai Phương", "Bùi Xuân Trường"];

    const file = ((await chat.db.$queryRawUnsafe("PRAGMA database_list")) as { file: string }[])[0]!.file;
    const bytes = Buffer.concat([fs.readFileSync(file), ...(fs.existsSync(`${file}-wal`) ? [fs.readFileSync(`${file}-wal`)] : [])]);
    // The right file: what is not secret is there in plain text.
    expect(bytes.includes(Buffer.from("Khu phố Nguyễn Trãi", "utf8"))).toBe(true);
    expect(bytes.includes(Buffer.from("NT-02", "utf8"))).toBe(true);
    for (const name of names) {
      for (const form of [name, name.normalize("NFD"), "Mai Phương", "Xuân Trường"]) expect(bytes.includes(Buffer.from(form, "utf8"))).toBe(false);
    }
    for (const who of ["mentor", "head", "officer"]) {
      const all = texts(await chat.history(who));
      for (const name of names) expect(all).not.toContain(name);
    }
    // Shown to an officer who asks, decrypted.
    expect(lastText(await chat.send("officer", "/xemca NT-01"))).toContain("Họ tên (chỉ cán bộ xem): Hoàng Thị Mai Phương");
    expect(lastText(await chat.send("officer", "/xemca NT-02"))).toContain("Họ tên (chỉ cán bộ xem): Bùi Xuân Trường");
    // Even after that, the replies that showed the names are sealed in the outbox.
    const after = Buffer.concat([fs.readFileSync(file), ...(fs.existsSync(`${file}-wal`) ? [fs.readFileSync(`${file}-wal`)] : [])]);
    for (const name of names) expect(after.includes(Buffer.from(name, "utf8"))).toBe(false);
  });
});
