import { registry } from "../../features/index.ts";
import { afterEach, describe, expect, it } from "vitest";
import { loadSchedule } from "../../src/scheduler/schedule.ts";
import { runJob } from "../../src/scheduler/runner.ts";
import { createScheduler } from "../../src/scheduler/scheduler.ts";
import { openDb, type Db } from "../../src/store/client.ts";
import { createInvite, inviteExpiry } from "../../src/store/invites.ts";
import { saveReport } from "../../src/store/reports.ts";
import { addUnit } from "../../src/store/units.ts";
import { adminOn } from "../admin/harness.ts";
import { openChat, seedUnit, type ChatDriver } from "../support/chat.ts";
import { openTestCase } from "../support/cases.ts";
import { freshDb } from "../support/db.ts";
import { captureLogger } from "../support/logger.ts";
import { addPerson, queuedTexts } from "../support/people.ts";

// "Once" is once per person and due item: people who come after a job ran are still reached,
// and nobody gets anything twice, whatever runs again.

const TZ = "Asia/Ho_Chi_Minh";
const schedule = loadSchedule({}, registry.jobs);
const VALUES = { addicts: 1, suspected: 0, newCases: 0, familyRehab: 0, compulsoryReferrals: 0, relapses: 0, householdsCommitted: 0, propagandaSessions: 0, incidents: 0, suspectedSpots: 0, notes: null };
const PROMPT = "📋 Đã đến kỳ báo cáo tháng 11/2026 của Khu phố Nguyễn Trãi";

describe("people who join after a job ran, through the real chat", () => {
  let chat: ChatDriver;
  afterEach(async () => chat.close());

  // "có" answers the question a head invite asks when the unit already has someone reporting.
  const join = async (user: string, input: { role: "head" | "mentor"; unitId: number; caseId?: number }, answer = "") =>
    (await chat.send(user, `/join ${await createInvite(chat.db, { ...input, createdBy: "test", expiresAt: inviteExpiry(chat.clock.now) })}${answer}`)).map((r) => r.text);

  it("prompts a head who joins after the catch-up ran on an empty database, reminds them on the 23rd, and a re-run by hand sends nothing twice", async () => {
    // Started on Saturday 21/11 with no unit and nobody: the catch-up records the prompt of the 20th with nobody to send to.
    chat = await openChat("simulator", { now: new Date("2026-11-21T03:00:00Z"), scheduler: true });
    chat.server.scheduler.stop();
    expect(await chat.db.jobRun.findFirst({ where: { job: "report-prompt" } })).toMatchObject({ occurrence: new Date("2026-11-20T01:00:00Z"), trigger: "catch-up", queued: 0 });

    const unit = await seedUnit(chat.db);
    const joined = await chat.send("head", `/join ${await createInvite(chat.db, { role: "head", unitId: unit.id, createdBy: "test", expiresAt: inviteExpiry(chat.clock.now) })}`);
    expect(joined.map((r) => r.text)).toEqual(["Bạn đã là trưởng Khu phố Nguyễn Trãi. Gõ /baocao để làm báo cáo tháng.", expect.stringContaining(PROMPT)]);
    expect(joined[1]!.text).toContain("Hạn chót: 26/11/2026.");
    expect(joined[1]!.choices).toEqual([{ label: "📝 Làm báo cáo", value: "/baocao" }]);

    // The next scheduled job, the reminder of the 23rd, reaches them; the prompt is not sent again.
    chat.clock.now = new Date("2026-11-23T01:00:00Z");
    await chat.server.scheduler.tick();
    await chat.server.dispatcher.flush();
    const texts = async () => (await chat.history("head")).map((r) => r.text);
    expect((await texts()).filter((t) => t.startsWith("📋"))).toHaveLength(1);
    expect((await texts()).filter((t) => t.startsWith("⏰ Nhắc: Khu phố Nguyễn Trãi chưa gửi báo cáo tháng 11/2026"))).toHaveLength(1);

    // By hand, at the same instants: they run, and say the head has had both.
    const admin = adminOn(chat.db, { timeZone: TZ, schedule, now: chat.clock.now });
    expect((await admin("jobs", "run", "report-prompt", "--at", "2026-11-20T08:00:00+07:00")).lines[0]).toBe(
      "report-prompt as at 2026-11-20 08:00 (Asia/Ho_Chi_Minh), month 2026-11: 1 due, 0 newly queued, 1 already sent, 0 unreachable",
    );
    expect((await admin("jobs", "run", "report-reminder", "--at", "2026-11-23T08:00:00+07:00")).lines[0]).toBe(
      "report-reminder as at 2026-11-23 08:00 (Asia/Ho_Chi_Minh), month 2026-11: 1 due, 0 newly queued, 1 already sent, 0 unreachable",
    );
    await chat.server.dispatcher.flush();
    expect(await texts()).toHaveLength(3);
    // Any reply to the prompt starts the report.
    expect((await chat.send("head", "vâng")).at(-1)!.text).toContain("(1/11)");
  });

  it("prompts at join only what is due: not a head whose unit has reported, not after the deadline, a mentor the week's check-in", async () => {
    chat = await openChat("simulator", { now: new Date("2026-11-21T03:00:00Z") });
    const a = await seedUnit(chat.db);
    const b = await seedUnit(chat.db, "Khu phố Chí Linh", 100, "has_cases");
    const head = await chat.db.person.create({ data: { role: "head", unitId: a.id } });
    await saveReport(chat.db, { unitId: a.id, period: "2026-11", values: VALUES, warnings: [], personId: head.id, now: chat.clock.now });

    // A deputy of a unit that has reported: only the welcome.
    expect(await join("deputy", { role: "head", unitId: a.id }, " có")).toEqual(["Bạn đã là trưởng Khu phố Nguyễn Trãi. Gõ /baocao để làm báo cáo tháng."]);

    // A mentor of a case due this week (the week of Monday 16/11) gets the week's prompt; a case starting later asks nothing yet.
    const due = await openTestCase(chat, "NT-01", a.id);
    const later = await openTestCase(chat, "CL-01", b.id, { start: "2026-12-01" });
    const mentor = await join("mentor", { role: "mentor", unitId: a.id, caseId: due.id });
    expect(mentor).toHaveLength(2);
    expect(mentor[1]).toBe("🤝 Tuần 16/11/2026: bạn cần xác nhận đã liên hệ 1 trường hợp (NT-01). Bấm “Xác nhận liên hệ” để bắt đầu.");
    const notYet = await join("mentor-later", { role: "mentor", unitId: b.id, caseId: later.id });
    expect(notYet).toHaveLength(1);
    expect(notYet[0]).toContain("Bạn được phân công giúp đỡ trường hợp CL-01.");

    // The 27th, after the officers were told who is missing: a new head of Chí Linh is not asked any more.
    chat.clock.now = new Date("2026-11-27T03:00:00Z");
    expect(await join("head-b", { role: "head", unitId: b.id })).toEqual(["Bạn đã là trưởng Khu phố Chí Linh. Gõ /baocao để làm báo cáo tháng."]);
    expect(await chat.db.outboxMessage.count({ where: { idempotencyKey: { startsWith: "report-" } } })).toBe(0);
  });
});

describe("runs again on a real database", () => {
  let db: Db;
  let url: string;
  let cleanup: () => Promise<void>;
  const { log } = captureLogger();
  afterEach(() => cleanup());
  const schedulerAt = (now: string, on: Db = db) => createScheduler({ db: on, schedule, timeZone: TZ, log, clock: () => new Date(now) });

  async function twoUnits() {
    ({ db, url, cleanup } = await freshDb());
    const a = await addUnit(db, { name: "Khu phố Nguyễn Trãi", households: 100, classification: "has_cases" });
    const b = await addUnit(db, { name: "Khu phố Chí Linh", households: 100, classification: "has_cases" });
    return { a, b, heads: [await addPerson(db, { role: "head", unitId: a.id }), await addPerson(db, { role: "head", unitId: b.id })] };
  }

  it("sends the escalation to an officer who joined after it ran, when it is run again by hand, and to nobody twice", async () => {
    await twoUnits();
    const first = await addPerson(db, { role: "officer" });
    await schedulerAt("2026-11-26T01:00:00Z").tick();
    expect(await queuedTexts(db, first)).toEqual(["🚨 Còn 2/2 khu phố chưa gửi báo cáo tháng 11/2026:\n• Khu phố Chí Linh\n• Khu phố Nguyễn Trãi"]);

    const late = await addPerson(db, { role: "officer" });
    // A restart the next day finds the escalation run: nothing new, and the late officer waits for a run by hand.
    const restarted = schedulerAt("2026-11-27T01:00:00Z");
    await restarted.start();
    restarted.stop();
    expect(await db.outboxMessage.count()).toBe(1);
    const admin = adminOn(db, { timeZone: TZ, schedule, now: new Date("2026-11-27T02:00:00Z") });
    expect((await admin("jobs", "run", "report-escalation", "--at", "2026-11-26T08:00:00+07:00")).lines[0]).toBe(
      "report-escalation as at 2026-11-26 08:00 (Asia/Ho_Chi_Minh), month 2026-11: 2 due, 1 newly queued, 1 already sent, 0 unreachable",
    );
    expect(await queuedTexts(db, late)).toEqual(["🚨 Còn 2/2 khu phố chưa gửi báo cáo tháng 11/2026:\n• Khu phố Chí Linh\n• Khu phố Nguyễn Trãi"]);
    expect(await queuedTexts(db, first)).toHaveLength(1);
    expect((await admin("jobs", "run", "report-escalation", "--at", "2026-11-26T08:00:00+07:00")).lines[0]).toMatch(/: 2 due, 0 newly queued, 2 already sent, 0 unreachable$/);
    expect(await db.outboxMessage.count()).toBe(2);
  });

  it("does not send a prompt or reminder caught up after the deadline, only the officers' escalation", async () => {
    const { heads } = await twoUnits();
    const officer = await addPerson(db, { role: "officer" });
    // Down from the 19th to the 27th.
    const s = schedulerAt("2026-11-27T03:00:00Z");
    await s.start();
    s.stop();
    for (const h of heads) expect(await queuedTexts(db, h)).toEqual([]);
    expect(await queuedTexts(db, officer)).toHaveLength(1);
  });

  it("with two scheduler instances on one database, prompts each head once, and a run by hand on either reaches only a head who came since", async () => {
    const { b, heads } = await twoUnits();
    const other = await openDb(url);
    try {
      await Promise.all([schedulerAt("2026-11-20T01:00:00Z").tick(), schedulerAt("2026-11-20T01:00:00Z", other).tick()]);
      for (const h of heads) expect(await queuedTexts(db, h)).toHaveLength(1);
      const late = await addPerson(db, { role: "head", unitId: b.id });
      const deps = (on: Db) => ({ db: on, schedule, timeZone: TZ, log });
      const at = new Date("2026-11-20T01:00:00Z");
      // (One after the other: two connections in one process would wait on each other's lock.)
      expect(await runJob(deps(other), "report-prompt", at, "manual", new Date())).toMatchObject({ ran: true, due: 3, queued: 1, alreadySent: 2 });
      await Promise.all([schedulerAt("2026-11-20T01:01:00Z").tick(), schedulerAt("2026-11-20T01:01:00Z", other).tick()]);
      expect(await runJob(deps(db), "report-prompt", at, "manual", new Date())).toMatchObject({ ran: true, due: 3, queued: 0, alreadySent: 3 });
      for (const h of [...heads, late]) expect(await queuedTexts(db, h)).toHaveLength(1);
      expect(await db.outboxMessage.count()).toBe(3);
    } finally {
      await other.$disconnect();
    }
  });
});
