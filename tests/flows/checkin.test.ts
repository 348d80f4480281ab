import { registry } from "../../features/index.ts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadSchedule } from "../../src/scheduler/schedule.ts";
import { runJob } from "../../src/scheduler/runner.ts";
import { saveCheckin } from "../../src/store/cases.ts";
import { CHANNELS, joinAs, lastText, type ChatDriver, type Reply } from "../support/chat.ts";
import { captureLogger } from "../support/logger.ts";
import { CHANNELS as CHANNEL_TABLE } from "../../bots/channels.ts";
import { joinTestCase, labels, openCaseChat, openTestCase, texts } from "../support/cases.ts";

const WEEK = "2026-11-23";
const ASK_CONTACTED = (code: string) => `Tuần này bạn có liên hệ được với ${code} không?`;
const ASK_METHOD = (code: string) => `Bạn liên hệ với ${code} bằng cách nào?`;
const ASK_STATE = (code: string) => `Tình trạng của ${code} tuần này?`;
const ASK_NOTE = "Ghi chú thêm (tối đa 500 ký tự; không ghi họ tên)?";
const CONFIRM = "Đúng chưa? (Có / Không)";

describe.each(CHANNELS)("/checkin over %s", (channel) => {
  let chat: ChatDriver;
  let unitA: number;
  let unitB: number;

  const newCase = (code: string, unitId: number, options: { start?: string; end?: string | null; name?: string } = {}) =>
    openTestCase(chat, code, unitId, options);
  const joinCase = (user: string, caseId: number, unitId: number) => joinTestCase(chat, user, caseId, unitId);
  const stored = () => chat.db.checkin.findMany({ orderBy: [{ caseId: "asc" }] });

  beforeEach(async () => {
    ({ chat, unitA, unitB } = await openCaseChat(channel));
  });
  afterEach(async () => chat.close());

  it("asks each question, answers every bad input with a short message and the same question, and stores once confirmed", async () => {
    const c = await newCase("NT-01", unitA);
    await joinCase("mentor", c.id, unitA);

    // One case: no choice to make.
    const start = await chat.send("mentor", "/checkin");
    expect(lastText(start)).toContain("Trường hợp NT-01 — tuần 23/11/2026.");
    expect(lastText(start)).toContain(ASK_CONTACTED("NT-01"));
    expect(labels(start)).toEqual(["Có", "Không"]);
    for (const bad of ["có lẽ", "3", "x".repeat(5000)]) {
      const r = await chat.send("mentor", bad);
      expect(r).toHaveLength(1);
      expect(lastText(r)).toContain(ASK_CONTACTED("NT-01"));
    }
    expect(lastText(await chat.sendOther("mentor", "sticker"))).toContain(ASK_CONTACTED("NT-01"));
    expect(lastText(await chat.send("mentor", "/trogiup"))).toMatch(/\/xacnhan[\s\S]*Tuần này bạn có liên hệ được với NT-01 không\?/);
    expect(lastText(await chat.send("mentor", "/baocao"))).toMatch(/Bạn đang làm dở một việc[\s\S]*liên hệ được với NT-01/);

    const method = await chat.send("mentor", "co");
    expect(lastText(method)).toContain(ASK_METHOD("NT-01"));
    expect(labels(method)).toEqual(["Gặp trực tiếp", "Điện thoại", "Thăm gia đình"]);
    for (const bad of ["bay", "4", "0", "stable"]) {
      const r = await chat.send("mentor", bad);
      expect(lastText(r)).toContain("Vui lòng bấm một nút bên dưới, gõ chữ trên nút hoặc số thứ tự:\n1. Gặp trực tiếp\n2. Điện thoại\n3. Thăm gia đình");
      expect(lastText(r)).toContain(ASK_METHOD("NT-01"));
    }
    await chat.sendOther("mentor", "location");

    // The button's text typed without diacritics.
    const state = await chat.send("mentor", "dien thoai");
    expect(lastText(state)).toContain(ASK_STATE("NT-01"));
    // Having reached the person, "could not reach" is not offered, nor accepted.
    expect(labels(state)).toEqual(["Ổn định", "Có dấu hiệu đáng lo", "Nghi tái nghiện"]);
    for (const bad of ["không liên lạc được", "4", "hôm qua", "in_person"]) {
      const r = await chat.send("mentor", bad);
      expect(lastText(r)).toContain("1. Ổn định\n2. Có dấu hiệu đáng lo\n3. Nghi tái nghiện");
      expect(lastText(r)).toContain(ASK_STATE("NT-01"));
    }
    const note = await chat.press("mentor", "worrying");
    expect(lastText(note)).toContain(ASK_NOTE);
    expect(labels(note)).toEqual(["Bỏ qua"]);
    expect(lastText(await chat.send("mentor", "x".repeat(501)))).toMatch(/Nội dung quá dài \(tối đa 500 ký tự\)[\s\S]*Ghi chú thêm/);
    expect(lastText(await chat.sendOther("mentor", "photo"))).toMatch(/(Vui lòng trả lời bằng chữ|Tôi chưa nghe được tin nhắn thoại)[\s\S]*Ghi chú thêm/);

    const summary = await chat.send("mentor", "Gặp ở nhà, có vẻ mệt");
    expect(lastText(summary)).toContain(
      "Trường hợp NT-01 — tuần 23/11/2026:\n• Liên hệ được: Có\n• Cách liên hệ: Điện thoại\n• Tình trạng: Có dấu hiệu đáng lo\n• Ghi chú: Gặp ở nhà, có vẻ mệt",
    );
    expect(lastText(summary)).toContain(CONFIRM);
    expect(lastText(await chat.send("mentor", "chắc vậy"))).toContain(CONFIRM);
    expect(await stored()).toEqual([]);

    // "Không" answers the case again, from the first question.
    const redo = await chat.send("mentor", "không");
    expect(lastText(redo)).toContain("Trả lời lại cho NT-01.");
    expect(lastText(redo)).toContain(ASK_CONTACTED("NT-01"));
    // Not reached: no "how", and fewer states.
    const unreached = await chat.press("mentor", "no");
    expect(lastText(unreached)).toContain("Không liên hệ được với NT-01. Bạn có nghe tin gì về tình trạng của người này không?");
    expect(labels(unreached)).toEqual(["Không liên lạc được", "Nghi tái nghiện"]);
    expect(lastText(await chat.send("mentor", "ổn định"))).toContain("1. Không liên lạc được\n2. Nghi tái nghiện");
    expect(lastText(await chat.send("mentor", "1"))).toContain(ASK_NOTE);
    const summary2 = await chat.send("mentor", "bo qua");
    expect(lastText(summary2)).toContain("• Liên hệ được: Không\n• Cách liên hệ: không liên hệ được\n• Tình trạng: Không liên lạc được\n• Ghi chú: (không có)");

    const saved = await chat.press("mentor", "yes");
    expect(lastText(saved)).toContain("✅ Đã lưu xác nhận tuần 23/11/2026 (1 trường hợp):\n• NT-01: Không liên lạc được (không liên hệ được)");
    expect(lastText(saved)).toContain("Bạn đã xác nhận đủ các trường hợp tuần 23/11/2026. Cảm ơn bạn!");
    expect(await stored()).toMatchObject([{ caseId: c.id, week: WEEK, contacted: false, method: null, state: "unreachable", noteEnc: null }]);
    // The conversation is over: a stale button is closed.
    expect(lastText(await chat.press("mentor", "yes"))).toContain("Câu hỏi này đã kết thúc");
  });

  it("takes several cases in one conversation, one after the other, storing each as it is confirmed", async () => {
    const cases = [await newCase("NT-01", unitA), await newCase("NT-02", unitA), await newCase("NT-03", unitA)];
    for (const c of cases) await joinCase("mentor", c.id, unitA);

    const start = await chat.send("mentor", "/xacnhan");
    expect(lastText(start)).toContain("Xác nhận liên hệ tuần 23/11/2026. Chọn trường hợp:\n• NT-01 — chưa xác nhận\n• NT-02 — chưa xác nhận\n• NT-03 — chưa xác nhận");
    expect(start.at(-1)!.choices).toEqual(cases.map((c) => ({ label: c.code, value: `case:${c.id}` })));
    const unknown = await chat.send("mentor", "NT-09");
    expect(lastText(unknown)).toContain("Không có trường hợp “NT-09” trong danh sách của bạn. Các trường hợp: NT-01, NT-02, NT-03");
    expect(lastText(unknown)).toContain("Chọn trường hợp:");
    expect(lastText(await chat.sendOther("mentor", "sticker"))).toContain("Vui lòng bấm một nút bên dưới, hoặc gõ mã trường hợp.");
    // Stopping before any case is recorded stores nothing.
    expect(lastText(await chat.send("mentor", "xong"))).toContain("Chưa ghi trường hợp nào, không lưu gì.");
    expect(lastText(await chat.send("mentor", "/xacnhan"))).toContain("Chọn trường hợp:");

    expect(lastText(await chat.press("mentor", `case:${cases[1]!.id}`))).toContain(ASK_CONTACTED("NT-02"));
    await chat.send("mentor", "có");
    await chat.press("mentor", "in_person");
    await chat.press("mentor", "stable");
    await chat.press("mentor", "skip");
    const next = await chat.send("mentor", "có");
    expect(lastText(next)).toContain("✅ Đã lưu xác nhận tuần 23/11/2026 (1 trường hợp):\n• NT-02: Ổn định (Gặp trực tiếp)");
    expect(lastText(next)).not.toContain("Gõ /xacnhan để tiếp tục");
    expect(lastText(next)).toContain("Đã lưu 1 trường hợp trong lần này. Chọn trường hợp tiếp theo, hoặc bấm “Xong”:");
    expect(lastText(next)).toContain("• NT-02 — vừa lưu ✓");
    expect(labels(next)).toEqual(["NT-01", "NT-03", "NT-02", "Xong"]);
    expect((await stored()).map((r) => r.caseId)).toEqual([cases[1]!.id]);

    // A code typed in lower case, then another case.
    expect(lastText(await chat.send("mentor", "nt-01"))).toContain(ASK_CONTACTED("NT-01"));
    await chat.send("mentor", "có");
    await chat.send("mentor", "3");
    await chat.send("mentor", "nghi tai nghien");
    await chat.send("mentor", "Nghe hàng xóm nói");
    const third = await chat.send("mentor", "có");
    expect(lastText(third)).toContain("• NT-01: Nghi tái nghiện (Thăm gia đình)");
    expect(labels(third)).toEqual(["NT-03", "NT-01", "NT-02", "Xong"]);
    // The suspected relapse reached the officers at once, while the mentor goes on.
    expect(texts(await chat.history("officer"))).toContain("🚨 Trường hợp NT-01 (Khu phố Nguyễn Trãi): người giúp đỡ báo NGHI TÁI NGHIỆN");

    const done = await chat.press("mentor", "finish");
    expect(lastText(done)).toBe("Xong. Đã lưu 2 trường hợp của tuần 23/11/2026. Cảm ơn bạn!");
    const rows = await stored();
    expect(rows.map((r) => [r.caseId, r.state, r.method])).toEqual([
      [cases[0]!.id, "suspected_relapse", "family_visit"],
      [cases[1]!.id, "stable", "in_person"],
    ]);
    // The note is sealed: not the words typed.
    expect(rows[0]!.noteEnc).toMatch(/^v2:/);
    expect(rows[0]!.noteEnc).not.toContain("hàng xóm");

    // Again: "có" goes on with the one left, and its confirmation ends the conversation.
    const again = await chat.send("mentor", "/checkin");
    expect(lastText(again)).toContain("• NT-01 — đã xác nhận ✓\n• NT-02 — đã xác nhận ✓\n• NT-03 — chưa xác nhận");
    expect(labels(again)).toEqual(["NT-03", "NT-01", "NT-02"]);
    expect(lastText(await chat.send("mentor", "co"))).toContain(ASK_CONTACTED("NT-03"));
    await chat.send("mentor", "không");
    await chat.send("mentor", "không liên lạc được");
    await chat.send("mentor", "-");
    const last = await chat.send("mentor", "ok");
    expect(lastText(last)).toContain("(1 trường hợp):\n• NT-03: Không liên lạc được");
    expect(lastText(last)).toContain("Bạn đã xác nhận đủ các trường hợp tuần 23/11/2026.");
    expect(await chat.db.checkin.count()).toBe(3);

    // A case checked again the same week replaces its check-in.
    await chat.send("mentor", "/checkin NT-02");
    await chat.send("mentor", "có");
    await chat.send("mentor", "1");
    await chat.send("mentor", "2");
    await chat.send("mentor", "-");
    await chat.send("mentor", "có");
    expect(await chat.db.checkin.count()).toBe(3);
    expect((await chat.db.checkin.findFirstOrThrow({ where: { caseId: cases[1]!.id } })).state).toBe("worrying");
  });

  it("starts from the Monday prompt: its button, or any reply", async () => {
    const c = await newCase("NT-01", unitA);
    await joinCase("mentor", c.id, unitA);
    await joinCase("mentor-2", c.id, unitA);
    const { log } = captureLogger();
    const deps = { db: chat.db, schedule: loadSchedule({}, registry.jobs), timeZone: "Asia/Ho_Chi_Minh", log };
    // They joined on Wednesday, after Monday's prompt: each got it at join, and the run sends nothing twice.
    expect(await runJob(deps, "checkin-prompt", new Date("2026-11-23T01:00:00Z"), "manual", chat.clock.now)).toMatchObject({ due: 2, queued: 0, alreadySent: 2 });
    await chat.server.dispatcher.flush();
    for (const who of ["mentor", "mentor-2"]) {
      const prompt = (await chat.history(who)).at(-1)!;
      expect(prompt.text).toBe("🤝 Tuần 23/11/2026: bạn cần xác nhận đã liên hệ 1 trường hợp (NT-01). Bấm “Xác nhận liên hệ” để bắt đầu.");
      expect(prompt.choices).toEqual([{ label: "✅ Xác nhận liên hệ", value: "/xacnhan" }]);
    }
    expect(lastText(await chat.press("mentor", "/xacnhan"))).toContain(ASK_CONTACTED("NT-01"));
    expect(lastText(await chat.send("mentor-2", "ok"))).toContain(ASK_CONTACTED("NT-01"));
  });

  it("offers every case however many, as buttons up to the channel's limit and the rest to type", async () => {
    const maxButtons = CHANNEL_TABLE.find((c) => c.name === channel)!.limits.maxButtons;
    for (let i = 1; i <= 6; i++) await joinCase("mentor", (await newCase(`KP-${i}`, unitB)).id, unitB);
    const start = await chat.send("mentor", "/checkin");
    expect(lastText(start)).toContain("• KP-6 — chưa xác nhận");
    const codes = ["KP-1", "KP-2", "KP-3", "KP-4", "KP-5", "KP-6"];
    expect(labels(start)).toEqual(codes.slice(0, maxButtons));
    // What has no button is offered as words to type (Zalo: five buttons).
    if (maxButtons < codes.length) expect(lastText(start)).toContain(`(Hoặc gõ: ${codes.slice(maxButtons).join(" / ")})`);
    expect(lastText(await chat.send("mentor", "kp-6"))).toContain(ASK_CONTACTED("KP-6"));
    await chat.send("mentor", "không");
    await chat.send("mentor", "1");
    await chat.send("mentor", "-");
    const next = await chat.send("mentor", "có");
    expect(lastText(next)).toContain("• KP-6 — vừa lưu ✓");
    // Six cases and "Xong": the checked one last, "Xong" after it.
    const offered = ["KP-1", "KP-2", "KP-3", "KP-4", "KP-5", "KP-6", "Xong"];
    expect(labels(next)).toEqual(offered.slice(0, maxButtons));
    if (maxButtons < offered.length) expect(lastText(next)).toContain(`(Hoặc gõ: ${offered.slice(maxButtons).join(" / ")})`);
    // "Xong" typed, button or not, ends the check-in.
    expect(texts(await chat.send("mentor", "Xong"))).toContain("Đã lưu 1 trường hợp");
    expect(await stored()).toHaveLength(1);
  });

  it("keeps a case confirmed before a cancel, and stores nothing of the case half-answered", async () => {
    const a = await newCase("NT-01", unitA);
    const b = await newCase("NT-02", unitA);
    await joinCase("mentor", a.id, unitA);
    await joinCase("mentor", b.id, unitA);
    await chat.send("mentor", "/checkin");
    await chat.send("mentor", "NT-01");
    await chat.send("mentor", "có");
    await chat.send("mentor", "phone");
    await chat.send("mentor", "nghi tái nghiện");
    await chat.send("mentor", "bỏ qua");
    await chat.send("mentor", "có");
    await chat.send("mentor", "NT-02");
    await chat.send("mentor", "có");
    expect(lastText(await chat.send("mentor", "/huy"))).toContain("Đã hủy. Không có gì được lưu.");
    // NT-01 was confirmed (and its suspected relapse told to the officers at once); NT-02 was not.
    expect((await stored()).map((r) => r.caseId)).toEqual([a.id]);
    expect(texts(await chat.history("officer"))).toContain("người giúp đỡ báo NGHI TÁI NGHIỆN");
    expect(lastText(await chat.send("mentor", "có"))).toContain("Tôi chưa hiểu");
  });

  it("lets only a mentor of the case check it in", async () => {
    const mine = await newCase("NT-01", unitA);
    const theirs = await newCase("NT-02", unitA);
    await joinCase("mentor", mine.id, unitA);
    await joinCase("other", theirs.id, unitA);
    await joinAs(chat, "unit-mentor", "mentor", unitA);

    const refused = await chat.send("other", "/checkin NT-01");
    expect(lastText(refused)).toContain("Bạn không giúp đỡ trường hợp “NT-01”. Các trường hợp của bạn: NT-02");
    expect(lastText(await chat.send("unit-mentor", "/checkin"))).toContain("Tuần 23/11/2026 bạn không có trường hợp nào cần xác nhận.");
    for (const who of ["head", "officer", "resident"]) {
      expect(lastText(await chat.send(who, "/checkin"))).toContain("Chỉ người được phân công giúp đỡ mới xác nhận liên hệ.");
    }
    // In a conversation, another mentor's case cannot be picked by its code either.
    const a2 = await newCase("NT-03", unitA);
    await joinCase("other", a2.id, unitA);
    await chat.send("other", "/checkin");
    expect(lastText(await chat.send("other", "NT-01"))).toContain("Không có trường hợp “NT-01” trong danh sách của bạn. Các trường hợp: NT-02, NT-03");
    await chat.send("other", "/huy");

    // The case closed while the mentor was answering: refused when it would be stored.
    await chat.send("mentor", "/checkin");
    await chat.send("mentor", "có");
    await chat.send("mentor", "1");
    await chat.send("mentor", "1");
    await chat.send("mentor", "-");
    await chat.db.rehabCase.update({ where: { id: mine.id }, data: { status: "completed" } });
    const late = await chat.send("mentor", "có");
    expect(lastText(late)).toContain("Không lưu: NT-01");
    expect(await chat.db.checkin.count({ where: { caseId: mine.id } })).toBe(0);
    expect(lastText(await chat.send("mentor", "/checkin"))).toContain("Tuần 23/11/2026 bạn không có trường hợp nào cần xác nhận.");
  });

  it("alerts the officers at once of a suspected relapse, and not the head or the mentor's others", async () => {
    const c = await newCase("NT-01", unitA, { name: "Phạm Quốc Khánh" });
    await joinCase("mentor", c.id, unitA);
    await chat.send("mentor", "/checkin");
    await chat.send("mentor", "có");
    await chat.send("mentor", "gap truc tiep");
    await chat.send("mentor", "nghi tái nghiện");
    await chat.send("mentor", "-");
    const saved = await chat.send("mentor", "có");
    expect(lastText(saved)).toContain("Cán bộ công an đã được báo ngay.");
    const officer = texts(await chat.history("officer"));
    expect(officer).toContain(
      "🚨 Trường hợp NT-01 (Khu phố Nguyễn Trãi): người giúp đỡ báo NGHI TÁI NGHIỆN (tuần 23/11/2026). Gõ /xemca NT-01 để xem.",
    );
    expect(officer).not.toContain("Phạm Quốc Khánh");
    expect(texts(await chat.history("head"))).not.toContain("TÁI NGHIỆN");

    // Corrected the same week with the same state: told once.
    await chat.send("mentor", "/checkin");
    await chat.send("mentor", "có");
    await chat.send("mentor", "1");
    await chat.send("mentor", "3");
    await chat.send("mentor", "-");
    expect(lastText(await chat.send("mentor", "có"))).not.toContain("Cán bộ công an đã được báo ngay.");
    expect((await chat.history("officer")).filter((m) => m.text.includes("NGHI TÁI NGHIỆN"))).toHaveLength(1);
  });

  it("alerts the officers when nobody reached the person two weeks in a row", async () => {
    const twice = await newCase("NT-01", unitA);
    const once = await newCase("NT-02", unitA);
    await joinCase("mentor", twice.id, unitA);
    await joinCase("mentor", once.id, unitA);
    const mentorId = (await chat.db.caseMentor.findFirstOrThrow({ where: { caseId: twice.id } })).personId;
    const lastWeek = { contacted: false, method: null, state: "unreachable" as const, note: null };
    await saveCheckin(chat.db, { entry: { caseId: twice.id, code: "NT-01", ...lastWeek }, mentorId, week: "2026-11-16", now: new Date("2026-11-18T03:00:00Z") }, null);
    await saveCheckin(
      chat.db,
      { entry: { caseId: once.id, code: "NT-02", contacted: true, method: "phone", state: "stable", note: null }, mentorId, week: "2026-11-16", now: new Date("2026-11-18T03:00:00Z") },
      null,
    );

    await chat.send("mentor", "/checkin");
    for (const code of ["NT-01", "NT-02"]) {
      await chat.send("mentor", code);
      await chat.send("mentor", "không");
      await chat.send("mentor", "không liên lạc được");
      await chat.send("mentor", "-");
      await chat.send("mentor", "có");
    }
    const officer = (await chat.history("officer")).map((m) => m.text).filter((t) => t.startsWith("⚠️"));
    expect(officer).toEqual([
      "⚠️ Trường hợp NT-01 (Khu phố Nguyễn Trãi): hai tuần liền không liên lạc được (tuần 16/11/2026 và tuần 23/11/2026). Gõ /xemca NT-01 để xem.",
    ]);
  });

  it("counts a check-in in the week of Hà Nội time: Sunday 23:59 is last week, Monday 00:00 the next", async () => {
    const running = await newCase("NT-01", unitA);
    // Starts on Monday 30/11: not due on Sunday 29/11, due from Monday.
    const starting = await newCase("NT-02", unitA, { start: "2026-11-30" });
    await joinCase("mentor", running.id, unitA);
    await joinCase("mentor", starting.id, unitA);

    chat.clock.now = new Date("2026-11-29T16:59:00Z"); // Sunday 23:59 in Hà Nội
    const sunday = await chat.send("mentor", "/checkin");
    expect(lastText(sunday)).toContain("Trường hợp NT-01 — tuần 23/11/2026.");
    await chat.send("mentor", "có");
    await chat.send("mentor", "1");
    await chat.send("mentor", "1");
    await chat.send("mentor", "-");
    await chat.send("mentor", "có");

    chat.clock.now = new Date("2026-11-29T17:00:00Z"); // Monday 00:00 in Hà Nội
    const monday = await chat.send("mentor", "/checkin");
    expect(lastText(monday)).toContain("Xác nhận liên hệ tuần 30/11/2026. Chọn trường hợp:\n• NT-01 — chưa xác nhận\n• NT-02 — chưa xác nhận");
    await chat.send("mentor", "NT-01");
    await chat.send("mentor", "có");
    await chat.send("mentor", "1");
    await chat.send("mentor", "1");
    await chat.send("mentor", "-");
    await chat.send("mentor", "có");
    await chat.press("mentor", "finish");
    expect((await stored()).map((r) => [r.caseId, r.week])).toEqual([
      [running.id, "2026-11-23"],
      [running.id, "2026-11-30"],
    ]);
  });
});
