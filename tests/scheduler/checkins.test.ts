import { registry } from "../../features/index.ts";
import { openOutboxPayload } from "../../src/store/outbox.ts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadSchedule } from "../../src/scheduler/schedule.ts";
import { runJob } from "../../src/scheduler/runner.ts";
import { createScheduler } from "../../src/scheduler/scheduler.ts";
import { addCaseMentor, openCase, saveCheckin } from "../../src/store/cases.ts";
import { checkinsDue, checkinsMissed } from "../../src/store/checkins.ts";
import type { Db } from "../../src/store/client.ts";
import { chatTag } from "../../src/store/keyring.ts";
import { addUnit } from "../../src/store/units.ts";
import { freshDb } from "../support/db.ts";
import { captureLogger } from "../support/logger.ts";
import { addPerson, queuedTexts } from "../support/people.ts";

const TZ = "Asia/Ho_Chi_Minh";
const schedule = loadSchedule({}, registry.jobs);
// Monday 23/11/2026 08:00, Thursday 26/11 08:00 and the next Monday 30/11 08:00 in Hà Nội.
const MONDAY = new Date("2026-11-23T01:00:00Z");
const THURSDAY = new Date("2026-11-26T01:00:00Z");
const NEXT_MONDAY = new Date("2026-11-30T01:00:00Z");

describe("check-in jobs on a real database", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  const { log } = captureLogger();
  const deps = () => ({ db, schedule, timeZone: TZ, log });
  type Who = { id: number; chatId: string; channel: string };
  let m1: Who, m2: Who, m3: Who, former: Who, officer: Who, head: Who;
  const ids: Record<string, number> = {};

  async function open(code: string, unitId: number, startDate = "2026-09-01", endDate: string | null = "2027-03-01", mentors: Who[] = []) {
    const c = await openCase(db, { code, unitId, name: null, startDate, endDate }, null);
    for (const m of mentors) await addCaseMentor(db, c.id, m.id);
    ids[code] = c.id;
    return c;
  }
  const checkIn = (code: string, mentor: Who, week: string, contacted = true) =>
    saveCheckin(
      db,
      { entry: { caseId: ids[code]!, code, contacted, method: contacted ? "phone" : null, state: contacted ? "stable" : "unreachable", note: null }, mentorId: mentor.id, week, now: new Date() },
      null,
    );
  const payloads = async (who: Who) =>
    (await db.outboxMessage.findMany({ where: { chatId: chatTag(who.channel, who.chatId) }, orderBy: { id: "asc" } })).map(
      (r) => openOutboxPayload(r.payload) as { text: string; choices?: { label: string; value: string }[] },
    );

  beforeEach(async () => {
    ({ db, cleanup } = await freshDb());
    const a = await addUnit(db, { name: "Khu phố Nguyễn Trãi", households: 100, classification: "priority" });
    const b = await addUnit(db, { name: "Khu phố Chí Linh", households: 100, classification: "has_cases" });
    m1 = await addPerson(db, { role: "mentor", unitId: a.id });
    m2 = await addPerson(db, { role: "mentor", unitId: a.id });
    m3 = await addPerson(db, { role: "mentor", unitId: b.id });
    former = await addPerson(db, { role: "resident", unitId: a.id });
    officer = await addPerson(db, { role: "officer" });
    head = await addPerson(db, { role: "head", unitId: a.id });
    await open("NT-01", a.id, undefined, undefined, [m1]);
    await open("NT-02", a.id, undefined, undefined, [m1, m2]); // two mentors
    await open("NT-03", a.id, undefined, undefined, [former]); // its mentor is no longer one
    await open("NT-04", a.id, "2026-12-02", null, [m1]); // starts the week after
    await open("NT-05", a.id, "2026-06-01", "2026-11-22", [m1]); // ended the Sunday before
    await open("CL-01", b.id, undefined, undefined, [m3]);
    await open("CL-02", b.id); // no mentor yet
    await db.rehabCase.update({ where: { id: ids["CL-01"]! }, data: { status: "completed" } });
  });
  afterEach(() => cleanup());

  it("prompts each mentor on Monday 08:00 with the codes of their cases due, and a button that starts the check-in", async () => {
    await createScheduler({ ...deps(), clock: () => new Date("2026-11-23T00:59:00Z") }).tick();
    expect(await queuedTexts(db, m1)).toEqual([]);
    await createScheduler({ ...deps(), clock: () => MONDAY }).tick();

    const [prompt, ...more] = await payloads(m1);
    expect(more).toEqual([]);
    expect(prompt!.text).toBe("🤝 Tuần 23/11/2026: bạn cần xác nhận đã liên hệ 2 trường hợp (NT-01, NT-02). Bấm “Xác nhận liên hệ” để bắt đầu.");
    expect(prompt!.choices).toEqual([{ label: "✅ Xác nhận liên hệ", value: "/xacnhan" }]);
    expect(await queuedTexts(db, m2)).toEqual(["🤝 Tuần 23/11/2026: bạn cần xác nhận đã liên hệ 1 trường hợp (NT-02). Bấm “Xác nhận liên hệ” để bắt đầu."]);
    // A completed case, a former mentor: nothing to confirm.
    for (const who of [m3, former]) expect(await queuedTexts(db, who)).toEqual([]);
    expect((await queuedTexts(db, head)).join("\n")).not.toContain("🤝");
    expect((await db.person.findUniqueOrThrow({ where: { id: m1.id } })).pendingFlow).toBe("checkin");
    expect((await db.person.findUniqueOrThrow({ where: { id: m3.id } })).pendingFlow).toBeNull();

    // Again, by hand: it runs, and finds every prompt sent already: nothing twice.
    const again = await runJob(deps(), "checkin-prompt", MONDAY, "manual", new Date());
    expect(again).toMatchObject({ ran: true, due: 2, queued: 0, alreadySent: 2 });
    const other = await runJob(deps(), "checkin-prompt", new Date("2026-11-23T05:00:00Z"), "manual", new Date());
    expect(other).toMatchObject({ ran: true, due: 2, queued: 0 });
    expect(await queuedTexts(db, m1)).toHaveLength(1);
  });

  it("reminds on Thursday only of the cases each mentor has not confirmed yet", async () => {
    await checkIn("NT-01", m1, "2026-11-23");
    await checkIn("NT-02", m2, "2026-11-23");
    const outcome = await runJob(deps(), "checkin-reminder", THURSDAY, "schedule", THURSDAY);
    expect(outcome).toMatchObject({ ran: true, due: 1, queued: 1 });
    // NT-02 was confirmed by its other mentor: m1 still owes their own confirmation of it.
    expect(await queuedTexts(db, m1)).toEqual(["⏰ Nhắc: tuần 23/11/2026 bạn còn 1 trường hợp chưa xác nhận liên hệ (NT-02)."]);
    expect(await queuedTexts(db, m2)).toEqual([]);
  });

  it("tells the officers on the next Monday which cases nobody confirmed, including one with no mentor", async () => {
    await checkIn("NT-01", m1, "2026-11-23");
    await checkIn("NT-02", m2, "2026-11-23", false);
    const outcome = await runJob(deps(), "checkin-escalation", NEXT_MONDAY, "schedule", NEXT_MONDAY);
    expect(outcome).toMatchObject({ ran: true, due: 1, queued: 1 });
    expect(await queuedTexts(db, officer)).toEqual([
      "🚨 Tuần 23/11/2026 có 2 trường hợp chưa được xác nhận liên hệ:\n• CL-02 (Khu phố Chí Linh)\n• NT-03 (Khu phố Nguyễn Trãi)",
    ]);
    // The same Monday's prompt is about the new week: NT-04 has begun, NT-05 has ended.
    await runJob(deps(), "checkin-prompt", NEXT_MONDAY, "schedule", NEXT_MONDAY);
    expect((await queuedTexts(db, m1)).at(-1)).toContain("3 trường hợp (NT-01, NT-02, NT-04)");
  });

  it("tells the officers nothing when every case was confirmed", async () => {
    for (const [code, who] of [["NT-01", m1], ["NT-02", m1], ["NT-03", former], ["CL-02", m3]] as const) await checkIn(code, who, "2026-11-23");
    expect(await runJob(deps(), "checkin-escalation", NEXT_MONDAY, "schedule", NEXT_MONDAY)).toMatchObject({ ran: true, due: 0, queued: 0 });
    expect(await db.outboxMessage.count()).toBe(0);
  });

  it("takes a case's period by whole weeks, from the week of its start to the week of its end", async () => {
    const due = async (week: string) => (await checkinsDue(db, week)).find((m) => m.mentorId === m1.id)?.cases ?? [];
    expect(await due("2026-11-16")).toEqual(["NT-01", "NT-02", "NT-05"]);
    expect(await due("2026-11-23")).toEqual(["NT-01", "NT-02"]);
    expect(await due("2026-11-30")).toEqual(["NT-01", "NT-02", "NT-04"]);
    // NT-01 ends on Monday 01/03/2027: that week is its last.
    expect(await due("2027-03-01")).toEqual(["NT-01", "NT-02", "NT-04"]);
    expect(await due("2027-03-08")).toEqual(["NT-04"]);
    // Cases starting on Tuesday 01/09/2026 are due from the week of Monday 31/08.
    expect((await checkinsMissed(db, "2026-08-24")).map((c) => c.code)).toEqual(["NT-05"]);
    expect((await checkinsMissed(db, "2026-08-31")).map((c) => c.code)).toEqual(["CL-02", "NT-01", "NT-02", "NT-03", "NT-05"]);
    expect((await checkinsMissed(db, "2026-11-16")).map((c) => c.code)).toEqual(["CL-02", "NT-01", "NT-02", "NT-03", "NT-05"]);

    // The job's week is Hà Nội's: Monday 00:00 there is still Sunday 17:00 UTC.
    await runJob(deps(), "checkin-prompt", new Date("2026-11-29T16:59:00Z"), "manual", new Date());
    await runJob(deps(), "checkin-prompt", new Date("2026-11-29T17:00:00Z"), "manual", new Date());
    const texts = await queuedTexts(db, m1);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain("Tuần 23/11/2026: bạn cần xác nhận đã liên hệ 2 trường hợp (NT-01, NT-02)");
    expect(texts[1]).toContain("Tuần 30/11/2026: bạn cần xác nhận đã liên hệ 3 trường hợp (NT-01, NT-02, NT-04)");
  });
});
