import { registry } from "../../features/index.ts";
import { openOutboxPayload } from "../../src/store/outbox.ts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadSchedule } from "../../src/scheduler/schedule.ts";
import { saveReport } from "../../src/store/reports.ts";
import { freshDb } from "../support/db.ts";
import { lastInbound, sealedIdentity } from "../support/people.ts";
import { keyring, chatTag } from "../../src/store/keyring.ts";
import { adminOn, NOW } from "./harness.ts";

let env: Awaited<ReturnType<typeof freshDb>>;
let admin: ReturnType<typeof adminOn>;

const VALUES = { addicts: 3, suspected: 1, newCases: 0, familyRehab: 1, compulsoryReferrals: 0, relapses: 0, householdsCommitted: 50, propagandaSessions: 1, incidents: 0, suspectedSpots: 0, notes: null };

async function person(name: string, data: { role: string; unitId?: number | null }, reachable = true) {
  return env.db.person.create({
    data: { ...data, ...(reachable ? { identities: { create: { ...sealedIdentity("simulator", name), ...lastInbound(NOW) } } } : {}) },
  });
}

beforeEach(async () => {
  env = await freshDb();
  admin = adminOn(env.db, { timeZone: "Asia/Ho_Chi_Minh", schedule: loadSchedule({}, registry.jobs) });
});
afterEach(() => env.cleanup());

describe("jobs list", () => {
  it("prints one line per job: its schedule, its next run in APP_TIMEZONE and its last run", async () => {
    // NOW is Monday 3 February 2025, 09:00 in Hà Nội.
    const result = await admin("jobs", "list");
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.lines).toEqual([
      "report-prompt       20 08:00            next 2025-02-20 08:00 (Asia/Ho_Chi_Minh)  last never",
      "report-reminder     23 08:00, 25 08:00  next 2025-02-23 08:00 (Asia/Ho_Chi_Minh)  last never",
      "report-escalation   26 08:00            next 2025-02-26 08:00 (Asia/Ho_Chi_Minh)  last never",
      "checkin-prompt      mon 08:00           next 2025-02-10 08:00 (Asia/Ho_Chi_Minh)  last never",
      "checkin-reminder    thu 08:00           next 2025-02-06 08:00 (Asia/Ho_Chi_Minh)  last never",
      "checkin-escalation  mon 08:00           next 2025-02-10 08:00 (Asia/Ho_Chi_Minh)  last never",
    ]);

    await env.db.jobRun.create({ data: { job: "report-prompt", occurrence: new Date("2025-01-20T01:00:00Z"), trigger: "schedule", queued: 4, startedAt: new Date("2025-01-20T01:00:02Z") } });
    await env.db.jobRun.create({ data: { job: "report-prompt", occurrence: new Date("2024-12-20T01:00:00Z"), trigger: "catch-up", queued: 1, startedAt: new Date("2025-01-21T00:00:00Z") } });
    const after = await admin("jobs", "list");
    expect(after.lines[0]).toBe(
      "report-prompt       20 08:00            next 2025-02-20 08:00 (Asia/Ho_Chi_Minh)  last 2024-12-20 08:00 (Asia/Ho_Chi_Minh), catch-up, 1 queued",
    );
    expect(after.lines[1]).toMatch(/ last never$/);
  });

  it("follows the configured schedule and time zone", async () => {
    const custom = adminOn(env.db, { timeZone: "UTC", schedule: loadSchedule({ SCHEDULE_REPORT_PROMPT: "15 09:30", SCHEDULE_CHECKIN_REMINDER: "fri 17:00" }, registry.jobs) });
    const lines = (await custom("jobs", "list")).lines;
    expect(lines[0]).toMatch(/^report-prompt\s+15 09:30\s+next 2025-02-15 09:30 \(UTC\)\s+last never$/);
    expect(lines[4]).toMatch(/^checkin-reminder\s+fri 17:00\s+next 2025-02-07 17:00 \(UTC\)\s+last never$/);
  });
});

describe("jobs run", () => {
  it("queues one prompt per head whose unit has not reported, and nothing twice", async () => {
    const [a, b, c, d] = await Promise.all(
      ["Khu phố A", "Khu phố B", "Khu phố C", "Khu phố D"].map((name, i) =>
        env.db.unit.create({ data: { name, searchName: name.toLowerCase().replace("khu phố", "khu pho"), households: 100 + i } }),
      ),
    );
    const headA = await person("head-a", { role: "head", unitId: a!.id });
    const headB = await person("head-b", { role: "head", unitId: b!.id });
    const headC = await person("head-c", { role: "head", unitId: c!.id });
    await person("head-d", { role: "head", unitId: d!.id }, false);
    const officer = await person("officer", { role: "officer" });
    await saveReport(env.db, { unitId: a!.id, period: "2026-11", personId: headA.id, now: NOW, warnings: [], values: VALUES });

    const first = await admin("jobs", "run", "report-prompt", "--at", "2026-11-20T01:00:00Z");
    expect(first).toMatchObject({ code: 0, stderr: "" });
    expect(first.lines).toEqual([
      "report-prompt as at 2026-11-20 08:00 (Asia/Ho_Chi_Minh), month 2026-11: 3 due, 2 newly queued, 0 already sent, 1 unreachable",
      "the officers are told who could not be reached, to call them",
      "it goes through the outbox: the running server sends it within a second (or when it next starts); running it again sends nothing twice",
    ]);
    const keys = async () => (await env.db.outboxMessage.findMany({ orderBy: { id: "asc" } })).map((m) => m.idempotencyKey);
    const queued = await keys();
    expect(queued.slice(0, 2)).toEqual([`report-prompt:2026-11:p${headB.id}`, `report-prompt:2026-11:p${headC.id}`]);
    expect(queued).toHaveLength(3);
    expect(queued[2]).toMatch(new RegExp(`^unreachable:.*:p${officer.id}$`));
    const prompt = await env.db.outboxMessage.findFirstOrThrow({ where: { chatId: chatTag("simulator", "head-b") } });
    expect((openOutboxPayload(prompt.payload) as { text: string }).text).toContain("Đã đến kỳ báo cáo tháng 11/2026 của Khu phố B");
    expect(await env.db.jobRun.findMany()).toEqual([
      expect.objectContaining({ job: "report-prompt", occurrence: new Date("2026-11-20T01:00:00Z"), trigger: "manual", queued: 2 }),
    ]);

    // The same instant, written in local time: it runs again and finds both prompts sent already.
    const again = await admin("jobs", "run", "report-prompt", "--at", "2026-11-20T08:00:00+07:00");
    expect(again.lines[0]).toBe("report-prompt as at 2026-11-20 08:00 (Asia/Ho_Chi_Minh), month 2026-11: 3 due, 0 newly queued, 2 already sent, 1 unreachable");
    // Another instant of the same month: the same people are due, but their prompts were queued already.
    const later = await admin("jobs", "run", "report-prompt", "--at", "2026-11-20T03:30Z");
    expect(later.lines[0]).toBe("report-prompt as at 2026-11-20 10:30 (Asia/Ho_Chi_Minh), month 2026-11: 3 due, 0 newly queued, 2 already sent, 1 unreachable");
    expect(await keys()).toEqual(queued);

    const listed = await admin("jobs", "list");
    expect(listed.lines[0]).toMatch(/ last 2026-11-20 10:30 \(Asia\/Ho_Chi_Minh\), manual, 0 queued$/);
  });

  it("runs as of now without --at, and names the week of a weekly job", async () => {
    const result = await admin("jobs", "run", "checkin-escalation");
    expect(result.lines[0]).toBe("checkin-escalation as at 2025-02-03 09:00 (Asia/Ho_Chi_Minh), week of 2025-01-27: 0 due, 0 newly queued, 0 already sent, 0 unreachable");
    expect(await env.db.jobRun.count()).toBe(1);
  });

  it.each([
    [["run", "report-promt"], 'error: job: expected one of report-prompt, report-reminder, report-escalation, checkin-prompt, checkin-reminder, checkin-escalation (got "report-promt")'],
    [["run"], 'error: "jobs run" needs a job: report-prompt, report-reminder, report-escalation, checkin-prompt, checkin-reminder, checkin-escalation'],
    [["run", "report-prompt", "--at", "2026-11-20"], 'error: --at: expected an ISO 8601 time with its offset, e.g. 2026-11-20T08:00:00+07:00 or 2026-11-20T01:00:00Z (got "2026-11-20")'],
    [["run", "report-prompt", "--at", "2026-11-20T08:00:00"], /^error: --at: expected an ISO 8601 time with its offset/],
    [["run", "report-prompt", "--at", "2026-02-30T08:00:00+07:00"], /^error: --at: expected an ISO 8601 time/],
    [["run", "report-prompt", "--at", "2026-11-20T24:00:00Z"], /^error: --at: expected an ISO 8601 time/],
    [["run", "report-prompt", "--at", "tomorrow"], /^error: --at: expected an ISO 8601 time/],
    [["run", "report-prompt", "--at"], "error: --at needs a value"],
    [["run", "report-prompt", "report-reminder"], 'error: unexpected argument "report-reminder" for "jobs run" (see --help)'],
    [["list", "all"], 'error: unexpected argument "all" for "jobs list" (see --help)'],
    [["start"], 'error: unknown command "jobs start" (jobs list, jobs run; see --help)'],
    [[], 'error: "jobs" needs a command: jobs list or jobs run <job> [--at ISO-TIME]'],
  ])("refuses jobs %j with one line, exit 2, and runs nothing", async (args, reason) => {
    const result = await admin("jobs", ...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    if (typeof reason === "string") expect(result.stderr).toBe(`${reason}\n`);
    else expect(result.stderr).toMatch(reason);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(await env.db.jobRun.count()).toBe(0);
    expect(await env.db.outboxMessage.count()).toBe(0);
  });
});
