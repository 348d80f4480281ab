import { registry } from "../../features/index.ts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadSchedule } from "../../src/scheduler/schedule.ts";
import { createScheduler } from "../../src/scheduler/scheduler.ts";
import { runJob } from "../../src/scheduler/runner.ts";
import { openDb, type Db } from "../../src/store/client.ts";
import { saveReport } from "../../src/store/reports.ts";
import { addUnit } from "../../src/store/units.ts";
import { freshDb } from "../support/db.ts";
import { captureLogger } from "../support/logger.ts";
import { addPerson, queuedTexts } from "../support/people.ts";

const TZ = "Asia/Ho_Chi_Minh";
const schedule = loadSchedule({}, registry.jobs);
const values = { addicts: 1, suspected: 0, newCases: 0, familyRehab: 0, compulsoryReferrals: 0, relapses: 0, householdsCommitted: 0, propagandaSessions: 0, incidents: 0, suspectedSpots: 0, notes: null };

describe("scheduled jobs on a real database", () => {
  let db: Db;
  let url: string;
  let cleanup: () => Promise<void>;
  let heads: { id: number; chatId: string; channel: string }[];
  let officer: { id: number; chatId: string; channel: string };
  let reported: { id: number; chatId: string; channel: string };
  const { log } = captureLogger();
  const schedulerAt = (now: string, on: Db = db) =>
    createScheduler({ db: on, schedule, timeZone: TZ, log, clock: () => new Date(now) });

  beforeEach(async () => {
    ({ db, url, cleanup } = await freshDb());
    const units = [];
    for (const name of ["Khu phố Nguyễn Trãi", "Khu phố Chí Linh", "Khu phố Bắc Sơn"]) {
      units.push(await addUnit(db, { name, households: 100, classification: "has_cases" }));
    }
    heads = [await addPerson(db, { role: "head", unitId: units[0]!.id }), await addPerson(db, { role: "head", unitId: units[1]!.id })];
    reported = await addPerson(db, { role: "head", unitId: units[2]!.id });
    officer = await addPerson(db, { role: "officer" });
    await saveReport(db, { unitId: units[2]!.id, period: "2026-11", values, warnings: [], personId: reported.id, now: new Date("2026-11-10T00:00:00Z") });
  });
  afterEach(() => cleanup());

  it("prompts each head on the 20th at 08:00, not a head who already reported, not before the time", async () => {
    await schedulerAt("2026-11-20T00:59:00Z").tick();
    expect(await db.outboxMessage.count()).toBe(0);
    await schedulerAt("2026-11-20T01:00:00Z").tick();
    for (const h of heads) {
      const texts = await queuedTexts(db, h);
      expect(texts).toHaveLength(1);
      expect(texts[0]).toContain("📋 Đã đến kỳ báo cáo tháng 11/2026");
      expect(texts[0]).toContain("Hạn chót: 26/11/2026");
    }
    expect(await queuedTexts(db, reported)).toEqual([]);
    expect(await queuedTexts(db, officer)).toEqual([]);
    expect((await db.person.findUniqueOrThrow({ where: { id: heads[0]!.id } })).pendingFlow).toBe("report");
  });

  it("sends nothing twice across restarts, repeated ticks and manual runs", async () => {
    for (let i = 0; i < 3; i++) await schedulerAt("2026-11-20T01:05:00Z").tick();
    await schedulerAt("2026-11-20T02:00:00Z").tick();
    const manual = await runJob({ db, schedule, timeZone: TZ, log }, "report-prompt", new Date("2026-11-20T03:00:00Z"), "manual", new Date());
    expect(manual).toMatchObject({ ran: true, due: 2, queued: 0 });
    expect(await db.outboxMessage.count()).toBe(2);
    expect(await db.jobRun.count({ where: { job: "report-prompt" } })).toBe(2);
  });

  it("lets two scheduler instances on one database send each prompt once", async () => {
    const other = await openDb(url);
    try {
      await Promise.all([schedulerAt("2026-11-20T01:00:00Z").tick(), schedulerAt("2026-11-20T01:00:00Z", other).tick(), schedulerAt("2026-11-20T01:00:30Z", other).tick()]);
      for (const h of heads) expect(await queuedTexts(db, h)).toHaveLength(1);
      expect(await db.jobRun.count({ where: { job: "report-prompt" } })).toBe(1);
    } finally {
      await other.$disconnect();
    }
  });

  it("catches up at start on a run missed while down, for the month still open only", async () => {
    // Down from the 19th to the 22nd: the prompt of the 20th goes out at start, once.
    const s = schedulerAt("2026-11-22T03:00:00Z");
    await s.start();
    s.stop();
    expect(await queuedTexts(db, heads[0]!)).toHaveLength(1);
    expect((await db.jobRun.findFirstOrThrow({ where: { job: "report-prompt" } })).trigger).toBe("catch-up");
    // Down over the month end: November is closed, December's prompt is not due yet.
    await db.outboxMessage.deleteMany();
    await schedulerAt("2026-12-03T03:00:00Z").tick("catch-up");
    expect(await db.outboxMessage.count()).toBe(0);
  });

  it("reminds on the 23rd and the 25th, and only the heads still missing", async () => {
    await schedulerAt("2026-11-23T01:00:00Z").tick();
    await saveReport(db, { unitId: (await db.person.findUniqueOrThrow({ where: { id: heads[1]!.id } })).unitId!, period: "2026-11", values, warnings: [], personId: heads[1]!.id, now: new Date() });
    await schedulerAt("2026-11-25T01:00:00Z").tick();
    const first = await queuedTexts(db, heads[0]!);
    // The catch-up on the 23rd also runs the prompt of the 20th: the head had not been asked yet.
    expect(first.filter((t) => t.startsWith("⏰ Nhắc"))).toHaveLength(2);
    expect((await queuedTexts(db, heads[1]!)).filter((t) => t.startsWith("⏰ Nhắc"))).toHaveLength(1);
  });

  it("sends the officers exactly the units still missing on the 26th", async () => {
    await schedulerAt("2026-11-26T01:00:00Z").tick();
    const texts = await queuedTexts(db, officer);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toBe("🚨 Còn 2/3 khu phố chưa gửi báo cáo tháng 11/2026:\n• Khu phố Chí Linh\n• Khu phố Nguyễn Trãi");
  });

  it("puts a head no channel can reach on the officers' call list instead of dropping the prompt", async () => {
    const units = await db.unit.findMany({ orderBy: { id: "asc" } });
    await db.channelIdentity.updateMany({ where: { person: { id: heads[0]!.id } }, data: { unreachable: true } });
    await schedulerAt("2026-11-20T01:00:00Z").tick();
    const texts = await queuedTexts(db, officer);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain("📵 Không nhắn được cho 1 người");
    expect(texts[0]).toContain(`• trưởng khu phố ${units[0]!.name}`);
  });
});
