import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { features, registry } from "../../features/index.ts";
import { weekOf } from "../../src/domain/time.ts";
import { buildRegistry, defineFeature } from "../../src/engine/feature.ts";
import type { Job } from "../../src/scheduler/job.ts";
import { queueOwedToNewcomer } from "../../src/scheduler/newcomer.ts";
import { loadSchedule } from "../../src/scheduler/schedule.ts";
import { createScheduler } from "../../src/scheduler/scheduler.ts";
import type { Db } from "../../src/store/client.ts";
import { peopleWithRole } from "../../src/store/people.ts";
import { adminOn } from "../admin/harness.ts";
import { freshDb } from "../support/db.ts";
import { captureLogger } from "../support/logger.ts";
import { addPerson, queuedTexts } from "../support/people.ts";
import { repoRoot, sources } from "../support/sources.ts";

const TZ = "Asia/Ho_Chi_Minh";

/** A job no feature of the product has: declared here only, as a new feature would in its jobs.ts. */
const ping: Job<{ id: number }[]> = {
  name: "test-ping",
  cadence: "weekly",
  defaultSchedule: "wed 09:00",
  subject: weekOf,
  load: (db) => peopleWithRole(db, "officer"),
  due: (officers, ctx) => officers.map((o) => ({ key: `test-ping:${ctx.subject}:p${o.id}`, personId: o.id, say: [{ key: "list-item", args: { item: `ping ${ctx.subject}` } }] })),
  owedTo: "officer",
};
const withPing = buildRegistry([...features, defineFeature({ name: "test-ping", jobs: [ping] })]);

describe("a job declared by a feature", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  const { log } = captureLogger();
  const schedule = loadSchedule({}, withPing.jobs);
  const tickAt = (iso: string) => createScheduler({ db, schedule, timeZone: TZ, log, clock: () => new Date(iso) }).tick();

  beforeEach(async () => {
    ({ db, cleanup } = await freshDb());
  });
  afterEach(() => cleanup());

  it("is listed by jobs list with its default time, which SCHEDULE_<JOB> can move", async () => {
    // NOW of the admin harness is Monday 3 February 2025, 09:00 in Hà Nội.
    const lines = (await adminOn(db, { timeZone: TZ, schedule })("jobs", "list")).lines;
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual([...registry.jobs.map((j) => j.name), "test-ping"]);
    expect(lines.at(-1)).toMatch(/^test-ping\s+wed 09:00\s+next 2025-02-05 09:00 \(Asia\/Ho_Chi_Minh\)\s+last never$/);
    expect(loadSchedule({ SCHEDULE_TEST_PING: "fri 17:00" }, withPing.jobs).times["test-ping"]).toEqual([{ kind: "weekly", weekday: 5, hour: 17, minute: 0 }]);
    expect(() => loadSchedule({ SCHEDULE_TEST_PING: "32 08:00" }, withPing.jobs)).toThrow("SCHEDULE_TEST_PING");
  });

  it("runs on its schedule once per occurrence, however many ticks, and reaches a newcomer of its role once", async () => {
    const officer = await addPerson(db, { role: "officer" });
    await tickAt("2026-11-25T01:59:00Z"); // Wednesday 08:59 in Hà Nội: not yet
    expect(await queuedTexts(db, officer)).toEqual([]);
    for (const at of ["2026-11-25T02:00:00Z", "2026-11-25T02:01:00Z", "2026-11-27T10:00:00Z"]) await tickAt(at);
    expect(await queuedTexts(db, officer)).toEqual(["• ping 2026-11-23"]);
    expect(await db.jobRun.count({ where: { job: "test-ping" } })).toBe(1);

    // An officer who joins after the run is owed it at once, and only once.
    const late = await addPerson(db, { role: "officer" });
    const owe = () => db.$transaction((tx) => queueOwedToNewcomer(tx, { personId: late.id, role: "officer" }, { schedule, timeZone: TZ }, new Date("2026-11-26T03:00:00Z")));
    expect(await owe()).toBe(1);
    expect(await owe()).toBe(0);
    await tickAt("2026-11-28T03:00:00Z");
    expect(await queuedTexts(db, late)).toEqual(["• ping 2026-11-23"]);

    await tickAt("2026-12-02T02:00:00Z"); // the next Wednesday
    expect(await queuedTexts(db, officer)).toEqual(["• ping 2026-11-23", "• ping 2026-11-30"]);
    expect(await db.jobRun.count({ where: { job: "test-ping" } })).toBe(2);
  });

  it("is refused when another feature already declares a job of that name", () => {
    expect(() => buildRegistry([...features, defineFeature({ name: "again", jobs: [{ ...ping, name: "report-prompt" }] })])).toThrow(/job report-prompt is taken/);
  });
});

describe("the scheduler as the features declare it", () => {
  it("names no job, flow or command of any feature: they come from the declarations", () => {
    const names = [...registry.jobs.map((j) => j.name), ...registry.flows.keys(), ...registry.commandByName.keys()];
    const scheduler = sources("src").filter((f) => f.startsWith("src/scheduler/"));
    const found = scheduler.flatMap((f) => {
      const text = fs.readFileSync(path.join(repoRoot, f), "utf8");
      return names.filter((n) => text.includes(`"${n}"`) || text.includes(`"/${n}"`)).map((n) => `${f}: ${n}`);
    });
    expect(scheduler.length).toBeGreaterThan(4);
    expect(found).toEqual([]);
  });
});
