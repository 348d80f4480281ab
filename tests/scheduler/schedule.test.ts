import { registry } from "../../features/index.ts";
import { describe, expect, it } from "vitest";
import { weekOf } from "../../src/domain/time.ts";
import type { ReportWorld } from "../../features/report/jobs.ts";
import { dueItems } from "../../src/scheduler/due.ts";
import {
  latestOccurrence,
  latestOfJob,
  loadSchedule,
  nextOccurrence,
  nextOfJob,
  parseWhen,
  ScheduleError,
  theJob,
  windowOf,
  type When,
} from "../../src/scheduler/schedule.ts";

const TZ = "Asia/Ho_Chi_Minh"; // UTC+7, no daylight saving
const at = (iso: string) => new Date(iso);
const day20: When = { kind: "monthly", day: 20, hour: 8, minute: 0 };
const day31: When = { kind: "monthly", day: 31, hour: 8, minute: 0 };
const monday: When = { kind: "weekly", weekday: 1, hour: 8, minute: 0 };
const schedule = loadSchedule({}, registry.jobs);

describe("when a job falls due, in APP_TIMEZONE", () => {
  it("fires at 08:00 Hanoi time, which is 01:00 UTC", () => {
    expect(latestOccurrence(day20, at("2026-11-20T00:59:00Z"), TZ)).toEqual(at("2026-10-20T01:00:00Z"));
    expect(latestOccurrence(day20, at("2026-11-20T01:00:00Z"), TZ)).toEqual(at("2026-11-20T01:00:00Z"));
    expect(nextOccurrence(day20, at("2026-11-20T01:00:00Z"), TZ)).toEqual(at("2026-12-20T01:00:00Z"));
  });

  it("clamps the 31st to the last day of short months, February and leap years included", () => {
    expect(latestOccurrence(day31, at("2026-03-01T00:00:00Z"), TZ)).toEqual(at("2026-02-28T01:00:00Z"));
    expect(latestOccurrence(day31, at("2028-03-01T00:00:00Z"), TZ)).toEqual(at("2028-02-29T01:00:00Z"));
    expect(nextOccurrence(day31, at("2026-04-01T00:00:00Z"), TZ)).toEqual(at("2026-04-30T01:00:00Z"));
    expect(latestOccurrence(day31, at("2026-01-31T01:00:00Z"), TZ)).toEqual(at("2026-01-31T01:00:00Z"));
  });

  it("crosses the year end both ways", () => {
    expect(latestOccurrence(day20, at("2027-01-05T00:00:00Z"), TZ)).toEqual(at("2026-12-20T01:00:00Z"));
    expect(nextOccurrence(day20, at("2026-12-25T00:00:00Z"), TZ)).toEqual(at("2027-01-20T01:00:00Z"));
    expect(weekOf(at("2027-01-01T05:00:00Z"), TZ)).toBe("2026-12-28");
    expect(nextOccurrence(monday, at("2026-12-31T05:00:00Z"), TZ)).toEqual(at("2027-01-04T01:00:00Z"));
  });

  it("counts the month and week in local time, not UTC", () => {
    // 17:30 UTC on 30 November is 00:30 on 1 December in Hanoi.
    const lateNight = at("2026-11-30T17:30:00Z");
    expect(windowOf(theJob(schedule, "report-escalation"), lateNight, TZ)).toBe("2026-12");
    const escalation = latestOfJob(schedule.times["report-escalation"]!, lateNight, TZ);
    expect(escalation).toEqual(at("2026-11-26T01:00:00Z"));
    expect(windowOf(theJob(schedule, "report-escalation"), escalation, TZ)).toBe("2026-11"); // closed: not run again
    // Sunday 23:30 Hanoi is still the week of Monday the 23rd.
    expect(weekOf(at("2026-11-29T16:30:00Z"), TZ)).toBe("2026-11-23");
    expect(weekOf(at("2026-11-29T17:30:00Z"), TZ)).toBe("2026-11-30");
  });

  it("finds the weekly Monday and Thursday times", () => {
    expect(latestOccurrence(monday, at("2026-11-30T00:59:00Z"), TZ)).toEqual(at("2026-11-23T01:00:00Z"));
    expect(latestOccurrence(monday, at("2026-11-30T01:00:00Z"), TZ)).toEqual(at("2026-11-30T01:00:00Z"));
    expect(latestOfJob(schedule.times["checkin-reminder"]!, at("2026-11-28T00:00:00Z"), TZ)).toEqual(at("2026-11-26T01:00:00Z"));
  });

  it("takes the later of a job's times, and the earlier for the next run", () => {
    const reminders = schedule.times["report-reminder"]!;
    expect(latestOfJob(reminders, at("2026-11-24T00:00:00Z"), TZ)).toEqual(at("2026-11-23T01:00:00Z"));
    expect(latestOfJob(reminders, at("2026-11-26T00:00:00Z"), TZ)).toEqual(at("2026-11-25T01:00:00Z"));
    expect(nextOfJob(reminders, at("2026-11-24T00:00:00Z"), TZ)).toEqual(at("2026-11-25T01:00:00Z"));
  });

  it("reads schedules from the environment and names a bad variable", () => {
    expect(parseWhen("5 07:30, 12 17:00", "monthly")).toEqual([
      { kind: "monthly", day: 5, hour: 7, minute: 30 },
      { kind: "monthly", day: 12, hour: 17, minute: 0 },
    ]);
    expect(parseWhen("T2 08:00", "weekly")).toEqual([monday]);
    expect(loadSchedule({ SCHEDULE_REPORT_PROMPT: "18 09:15" }, registry.jobs).times["report-prompt"]).toEqual([{ kind: "monthly", day: 18, hour: 9, minute: 15 }]);
    for (const bad of ["32 08:00", "20 25:00", "20", "mon 08:00"]) {
      expect(() => loadSchedule({ SCHEDULE_REPORT_PROMPT: bad }, registry.jobs)).toThrow(ScheduleError);
      expect(() => loadSchedule({ SCHEDULE_REPORT_PROMPT: bad }, registry.jobs)).toThrow("SCHEDULE_REPORT_PROMPT");
    }
  });
});

/** What the report and check-in jobs look at, in one: each job reads its own part. */
type World = ReportWorld & { checkinsDue: { mentorId: number; cases: string[] }[]; checkinsMissed: { code: string; unit: string }[] };

describe("who is due", () => {
  const units = [
    { id: 1, name: "Khu phố Nguyễn Trãi", households: 150, classification: "priority" as const },
    { id: 2, name: "Khu phố Chí Linh", households: 100, classification: "has_cases" as const },
    { id: 3, name: "Khu phố Bắc Sơn", households: 90, classification: "clean" as const },
  ];
  const person = (id: number, role: "head" | "officer", unitId: number | null) => ({ id, role, unitId, lang: "vi" as const });
  const world: World = {
    units,
    heads: [person(10, "head", 1), person(11, "head", 2), person(12, "head", 3), person(13, "head", null)],
    officers: [person(20, "officer", null), person(21, "officer", null)],
    reportedUnitIds: [2],
    locked: false,
    checkinsDue: [],
    checkinsMissed: [],
  };
  const nov20 = at("2026-11-20T01:00:00Z");

  it("prompts each head whose unit has not reported, once per month", () => {
    const items = dueItems("report-prompt", nov20, TZ, world, schedule);
    expect(items.map((i) => i.key)).toEqual(["report-prompt:2026-11:p10", "report-prompt:2026-11:p12"]);
    expect(items[0]).toMatchObject({ pendingFlow: "report", choices: [{ value: "/baocao" }] });
    expect(items[0]!.say[0]!.args).toMatchObject({ unit: "Khu phố Nguyễn Trãi", period: "11/2026", deadline: "26/11/2026" });
  });

  it("keys each reminder by its day, so the 23rd and the 25th are two reminders", () => {
    const d23 = dueItems("report-reminder", at("2026-11-23T01:00:00Z"), TZ, world, schedule).map((i) => i.key);
    const d25 = dueItems("report-reminder", at("2026-11-25T01:00:00Z"), TZ, world, schedule).map((i) => i.key);
    expect(d23).toEqual(["report-reminder:2026-11:2026-11-23:p10", "report-reminder:2026-11:2026-11-23:p12"]);
    expect(d25[0]).toBe("report-reminder:2026-11:2026-11-25:p10");
  });

  it("asks the heads nothing once the deadline (the escalation's time) has passed, whichever instant the job is for", () => {
    const d25 = at("2026-11-25T01:00:00Z");
    expect(dueItems("report-reminder", d25, TZ, world, schedule, at("2026-11-26T00:59:00Z"))).toHaveLength(2);
    expect(dueItems("report-reminder", d25, TZ, world, schedule, at("2026-11-26T01:00:00Z"))).toEqual([]);
    expect(dueItems("report-prompt", nov20, TZ, world, schedule, at("2026-11-27T03:00:00Z"))).toEqual([]);
    // The deadline follows the schedule: escalating on the 28th leaves the 27th open.
    const later = loadSchedule({ SCHEDULE_REPORT_ESCALATION: "28 08:00" }, registry.jobs);
    expect(dueItems("report-prompt", nov20, TZ, world, later, at("2026-11-27T03:00:00Z"))).toHaveLength(2);
  });

  it("asks nothing of anyone once the month is locked", () => {
    expect(dueItems("report-reminder", nov20, TZ, { ...world, locked: true }, schedule)).toEqual([]);
  });

  it("sends every officer exactly the units still missing", () => {
    const items = dueItems("report-escalation", at("2026-11-26T01:00:00Z"), TZ, world, schedule);
    expect(items.map((i) => i.key)).toEqual(["report-escalation:2026-11:p20", "report-escalation:2026-11:p21"]);
    const args = items[0]!.say[0]!.args!;
    expect(args).toMatchObject({ missing: 2, total: 3 });
    expect((args.units as unknown as { args: { item: string } }[]).map((u) => u.args.item)).toEqual(["Khu phố Nguyễn Trãi", "Khu phố Bắc Sơn"]);
    const all = dueItems("report-escalation", at("2026-11-26T01:00:00Z"), TZ, { ...world, reportedUnitIds: [1, 2, 3] }, schedule);
    expect(all[0]!.say[0]!.key).toBe("job-report-escalation-none");
  });

  it("prompts mentors with cases due and escalates last week's missed check-ins", () => {
    const w: World = { ...world, checkinsDue: [{ mentorId: 30, cases: ["CX-01", "CX-02"] }, { mentorId: 31, cases: [] }], checkinsMissed: [{ code: "CX-03", unit: "Khu phố Chí Linh" }] };
    const prompt = dueItems("checkin-prompt", at("2026-11-23T01:00:00Z"), TZ, w, schedule);
    expect(prompt.map((i) => i.key)).toEqual(["checkin-prompt:2026-11-23:p30"]);
    const escalation = dueItems("checkin-escalation", at("2026-11-30T01:00:00Z"), TZ, w, schedule);
    expect(escalation.map((i) => i.key)).toEqual(["checkin-escalation:2026-11-23:p20", "checkin-escalation:2026-11-23:p21"]);
  });
});
