import { registry } from "../../features/index.ts";
import { afterEach, describe, expect, it } from "vitest";
import { dueItems } from "../../src/scheduler/due.ts";
import { loadWorld } from "../../src/scheduler/world.ts";
import { loadSchedule, theJob } from "../../src/scheduler/schedule.ts";
import { createInvite, inviteExpiry } from "../../src/store/invites.ts";
import { getReport, revisionsOf, saveReport } from "../../src/store/reports.ts";
import { adminOn } from "../admin/harness.ts";
import { openTestCase, texts, WEDNESDAY } from "../support/cases.ts";
import { joinAs, lastText, openChat, seedUnit, type ChatDriver } from "../support/chat.ts";

const TZ = "Asia/Ho_Chi_Minh";

describe("roles add up", () => {
  let chat: ChatDriver;
  afterEach(async () => chat.close());
  const invite = (role: "head" | "mentor" | "officer", unitId: number | null) =>
    createInvite(chat.db, { role, unitId, createdBy: "test", expiresAt: inviteExpiry(chat.clock.now) });

  it("a head who takes a mentor invite can report and check in, and is told both roles", async () => {
    chat = await openChat("simulator", { now: WEDNESDAY });
    const unit = await seedUnit(chat.db);
    await joinAs(chat, "officer", "officer", null);
    await joinAs(chat, "ba", "head", unit.id);
    const rehab = await openTestCase(chat, "NT-01", unit.id);
    const code = await createInvite(chat.db, { role: "mentor", unitId: unit.id, caseId: rehab.id, createdBy: "test", expiresAt: inviteExpiry(chat.clock.now) });
    const joined = texts(await chat.send("ba", `/join ${code}`));
    expect(joined).toContain("Bạn đang giữ các vai trò:\n• trưởng (người báo cáo) Khu phố Nguyễn Trãi\n• người giúp đỡ");
    expect(texts(await chat.send("ba", "/baocao"))).toContain("Báo cáo tháng 11/2026 của Khu phố Nguyễn Trãi");
    await chat.send("ba", "/huy");
    expect(texts(await chat.send("ba", "/xacnhan"))).toContain("NT-01");
    // The same invite role again: said so, and the code stays unused.
    const again = await invite("head", unit.id);
    expect(lastText(await chat.send("ba", `/join ${again}`))).toContain("Bạn đã là người báo cáo cho Khu phố Nguyễn Trãi rồi");
    expect((await chat.db.invite.findUniqueOrThrow({ where: { code: again } })).usedAt).toBeNull();
  });

  it("an officer who takes a head invite stays an officer and reports too", async () => {
    chat = await openChat("simulator", { now: WEDNESDAY });
    const unit = await seedUnit(chat.db);
    await joinAs(chat, "officer", "officer", null);
    await joinAs(chat, "officer", "head", unit.id);
    expect(texts(await chat.send("officer", "/tonghop"))).not.toContain("không có quyền");
    expect(texts(await chat.send("officer", "/tonghop"))).toMatch(/11\/2026/);
    expect(texts(await chat.send("officer", "/baocao"))).toContain("Báo cáo tháng 11/2026 của Khu phố Nguyễn Trãi");
    await chat.send("officer", "/huy");
    // Help leads with the officer's commands and adds the head's.
    const help = texts(await chat.send("officer", "/trogiup"));
    expect(help).toContain("Xin chào cán bộ!");
    expect(help).toContain("• /baocao — báo cáo tháng của khu phố");
  });

  it("asks before a head invite changes who reports, and adds it only on yes; reminders reach every reporter", async () => {
    chat = await openChat("simulator", { now: WEDNESDAY });
    const a = await seedUnit(chat.db);
    const b = await seedUnit(chat.db, "Khu phố Chí Linh", 100, "has_cases");
    await joinAs(chat, "officer", "officer", null);
    await joinAs(chat, "ba", "head", a.id);
    const deputy = await invite("head", a.id);
    const asked = await chat.send("pho", `/join ${deputy}`);
    expect(lastText(asked)).toContain("Khu phố Nguyễn Trãi đã có 1 người báo cáo");
    expect(asked.at(-1)!.choices.map((c) => c.value)).toEqual([`/join ${deputy} co`, `/join ${deputy} khong`]);
    expect((await chat.db.invite.findUniqueOrThrow({ where: { code: deputy } })).usedAt).toBeNull();
    expect(lastText(await chat.send("pho", `/join ${deputy} khong`))).toContain("Đã hủy");
    expect(texts(await chat.send("pho", `/join ${deputy} co`))).toContain("Bạn đã là trưởng Khu phố Nguyễn Trãi");
    // The first head takes a second unit: asked (they report for A already), then picks which unit.
    const second = await invite("head", b.id);
    expect(lastText(await chat.send("ba", `/join ${second}`))).toContain("Bạn vẫn báo cáo cho Khu phố Nguyễn Trãi");
    await chat.send("ba", `/join ${second} có`);
    const pick = await chat.send("ba", "/baocao");
    expect(lastText(pick)).toContain("Bạn báo cáo cho khu phố nào?");
    expect(texts(await chat.send("ba", "chi linh"))).toContain("Báo cáo tháng 11/2026 của Khu phố Chí Linh");
    await chat.send("ba", "/huy");

    const at = new Date("2026-11-23T01:00:00Z");
    const schedule = loadSchedule({}, registry.jobs);
    const world = await loadWorld(chat.db, theJob(schedule, "report-reminder"), at, TZ);
    const items = dueItems("report-reminder", at, TZ, world, schedule);
    expect(items.map((i) => i.key).sort()).toEqual(
      expect.arrayContaining([expect.stringMatching(/:p\d+$/), expect.stringMatching(/:p\d+:u\d+$/)]),
    );
    // Both reporters of A, and B's reporter once more: three reminders.
    expect(items).toHaveLength(3);
    expect(new Set(items.map((i) => i.personId)).size).toBe(2);
  });

  it("an officer lists who reports for a unit and removes one role by its number; the other roles stay", async () => {
    chat = await openChat("simulator", { now: WEDNESDAY });
    const unit = await seedUnit(chat.db);
    await joinAs(chat, "officer", "officer", null);
    await joinAs(chat, "ba", "head", unit.id);
    await joinAs(chat, "ba", "mentor", unit.id);
    const list = lastText(await chat.send("officer", "/nguoi nguyen trai"));
    expect(list).toMatch(/1\. trưởng khu phố Khu phố Nguyễn Trãi — người #\d+, qua simulator/);
    expect(list).toMatch(/2\. người giúp đỡ Khu phố Nguyễn Trãi/);
    expect(lastText(await chat.send("ba", "/boquyen nguyen trai 1"))).toContain("không có quyền");
    expect(lastText(await chat.send("officer", "/boquyen nguyen trai 1"))).toContain("Đã bỏ vai trò");
    expect(lastText(await chat.send("ba", "/baocao"))).toContain("Chỉ trưởng khu phố mới làm báo cáo tháng");
    expect(lastText(await chat.send("officer", "/boquyen 1"))).toContain("cán bộ cuối cùng");
  });

  it("a deputy corrects the head's report: still one report, and the history says who did what", async () => {
    chat = await openChat("simulator", { now: WEDNESDAY });
    const unit = await seedUnit(chat.db);
    await joinAs(chat, "officer", "officer", null);
    await joinAs(chat, "ba", "head", unit.id);
    const headId = (await chat.db.personRole.findFirstOrThrow({ where: { role: "head" } })).personId;
    const values = { addicts: 12, suspected: 4, newCases: 2, familyRehab: 5, compulsoryReferrals: 1, relapses: 1, householdsCommitted: 80, propagandaSessions: 3, incidents: 1, suspectedSpots: 2, notes: null };
    await saveReport(chat.db, { unitId: unit.id, period: "2026-11", values, warnings: [], personId: headId, now: chat.clock.now });
    const deputy = await invite("head", unit.id);
    await chat.send("pho", `/join ${deputy} có`);
    expect(lastText(await chat.send("pho", "/baocao"))).toContain("đã gửi báo cáo tháng 11/2026");
    await chat.send("pho", "sửa mục 2");
    await chat.send("pho", "bảy");
    expect(lastText(await chat.send("pho", "gửi đi"))).toContain("Đã sửa báo cáo tháng 11/2026 của Khu phố Nguyễn Trãi (1 mục thay đổi)");
    const deputyId = (await chat.db.personRole.findFirstOrThrow({ where: { role: "head", personId: { not: headId } } })).personId;
    expect(await chat.db.monthlyReport.count()).toBe(1);
    expect((await chat.db.monthlyReport.findFirstOrThrow()).submittedById).toBe(headId);
    expect((await getReport(chat.db, unit.id, "2026-11"))?.values.suspected).toBe(7);
    expect(await revisionsOf(chat.db, unit.id, "2026-11")).toMatchObject([{ field: "suspected", oldValue: "4", newValue: "7", changedById: deputyId }]);
  });

  it("the admin lists every role held and removes one; the other roles stay", async () => {
    chat = await openChat("simulator", { now: WEDNESDAY });
    const unit = await seedUnit(chat.db);
    await joinAs(chat, "officer", "officer", null);
    await joinAs(chat, "ba", "head", unit.id);
    await joinAs(chat, "ba", "officer", null);
    const admin = adminOn(chat.db, { now: chat.clock.now });
    const ba = (await chat.db.personRole.findFirstOrThrow({ where: { role: "head" } })).personId;
    const listed = await admin("roles", "list", "--unit", "nguyen trai");
    expect(listed.lines).toEqual([`${String(ba).padStart(5)}  head     Khu phố Nguyễn Trãi  (simulator)`]);
    expect((await admin("roles", "list")).lines.filter((l) => l.includes(`${ba}  `))).toHaveLength(2);
    expect((await admin("roles", "remove", String(ba), "head")).stderr).toContain("needs --unit");
    const removed = await admin("roles", "remove", String(ba), "head", "--unit", "nguyen trai");
    expect(removed.code).toBe(0);
    expect(removed.lines[0]).toBe(`removed: person ${ba} is no longer head of Khu phố Nguyễn Trãi; their other roles stay`);
    expect(lastText(await chat.send("ba", "/baocao"))).toContain("Chỉ trưởng khu phố mới làm báo cáo tháng");
    expect(texts(await chat.send("ba", "/tonghop"))).not.toContain("không có quyền");
    expect((await admin("roles", "remove", String(ba), "head", "--unit", "nguyen trai")).code).toBe(2);
  });
});
