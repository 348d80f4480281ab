import { z } from "zod";
import { zonedParts } from "../domain/period.ts";
import { createLogger } from "../logger.ts";
import { subjectOf } from "../scheduler/due.ts";
import { runJob } from "../scheduler/runner.ts";
import { describeWhen, jobNamed, nextOfJob, type JobName, type Schedule } from "../scheduler/schedule.ts";
import { lastJobRun } from "../store/jobs.ts";
import { fail, noPositionals, parseFlags, validate } from "./args.ts";
import type { AdminIo } from "./io.ts";

/** `jobs list` and `jobs run <job> [--at ISO-TIME]`, parsed and checked. */
export type JobsCommand =
  | { kind: "jobs-list" }
  /** `job` null: none given (refused with the list of jobs once the schedule is known); `at` null: now */
  | { kind: "jobs-run"; job: JobName | null; at: Date | null };

/** A job's name as typed; which jobs exist is known once the schedule is (runJobsCommand). */
const JobArgs = z.object({ job: z.string().trim().toLowerCase().min(1) });

const DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh";

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * An instant written in ISO 8601 with its offset: `2026-11-20T08:00:00+07:00`, `2026-11-20T01:00Z`.
 * Null for anything else, a time without an offset (whose zone would be a guess) or a day that
 * does not exist (which Date would quietly move to the next month).
 */
export function parseIsoTime(text: string): Date | null {
  const m = ISO_TIME.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = "0", frac = "0", zone = "Z"] = m;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== "Z") {
    const digits = zone.slice(1).replace(":", "");
    const [oh, om] = [Number(digits.slice(0, 2)), Number(digits.slice(2))];
    if (oh > 14 || om > 59) return null;
    offsetMinutes = (zone.startsWith("-") ? -1 : 1) * (oh * 60 + om);
  }
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, Number(frac.padEnd(3, "0"))) - offsetMinutes * 60_000);
}

/** `2026-12-20 08:00 (Asia/Ho_Chi_Minh)`: an instant as the operator's clock shows it. */
export function localTime(at: Date, timeZone: string): string {
  const p = zonedParts(at, timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)} (${timeZone})`;
}

/** Reads the words after `jobs`; throws a UsageError for anything it cannot run. */
export function parseJobsCommand(args: string[]): JobsCommand {
  const [sub, ...rest] = args;
  if (sub === "list") {
    const { positionals } = parseFlags("jobs list", rest, {});
    noPositionals("jobs list", positionals);
    return { kind: "jobs-list" };
  }
  if (sub === "run") {
    const { values, positionals } = parseFlags("jobs run", rest, { at: { type: "string" } });
    const [job, extra] = positionals;
    if (extra !== undefined) fail(`unexpected argument "${extra}" for "jobs run" (see --help)`);
    const parsed = job === undefined ? { job: null } : validate(JobArgs, { job }, { job: "job" });
    let at: Date | null = null;
    if (values.at !== undefined) {
      at = parseIsoTime(values.at);
      if (!at) fail(`--at: expected an ISO 8601 time with its offset, e.g. 2026-11-20T08:00:00+07:00 or 2026-11-20T01:00:00Z (got "${values.at}")`);
    }
    return { kind: "jobs-run", job: parsed.job, at };
  }
  if (sub === undefined) fail(`"jobs" needs a command: jobs list or jobs run <job> [--at ISO-TIME]`);
  return fail(`unknown command "jobs ${sub}" (jobs list, jobs run; see --help)`);
}

/**
 * The schedule and zone the jobs run on: the server's, as read from the environment with the jobs
 * the features declare (config.schedule, passed in by the CLI).
 */
function scheduleOf(io: AdminIo): { schedule: Schedule; timeZone: string } {
  if (!io.schedule) throw new Error("jobs: no schedule given (the CLI passes config.schedule)");
  return { schedule: io.schedule, timeZone: io.timeZone ?? DEFAULT_TIME_ZONE };
}

/** Lists or runs jobs. */
export async function runJobsCommand(command: JobsCommand, io: AdminIo): Promise<void> {
  const { schedule, timeZone } = scheduleOf(io);
  const names = schedule.jobs.map((j) => j.name);
  if (command.kind === "jobs-list") {
    const whenWidth = Math.max(...names.map((job) => describeWhen(schedule.times[job]!).length));
    const nameWidth = Math.max(...names.map((job) => job.length));
    for (const job of names) {
      const next = nextOfJob(schedule.times[job]!, io.now, timeZone);
      const last = await lastJobRun(io.db, job);
      const lastText = last ? `${localTime(last.occurrence, timeZone)}, ${last.trigger}, ${last.queued} queued` : "never";
      io.out(`${job.padEnd(nameWidth)}  ${describeWhen(schedule.times[job]!).padEnd(whenWidth)}  next ${localTime(next, timeZone)}  last ${lastText}`);
    }
    return;
  }
  if (command.job === null) fail(`"jobs run" needs a job: ${names.join(", ")}`);
  const job = jobNamed(schedule, command.job);
  if (!job) fail(`job: expected one of ${names.join(", ")} (got "${command.job}")`);
  const at = command.at ?? io.now;
  const subject = subjectOf(job, at, timeZone);
  const about = `${command.job} as at ${localTime(at, timeZone)}, ${job.cadence === "monthly" ? "month" : "week of"} ${subject}`;
  const outcome = await runJob({ db: io.db, schedule, timeZone, log: createLogger("silent") }, command.job, at, "manual", io.now);
  if (!outcome.ran) {
    // Only when a scheduler on another server was recording the same instant at that moment.
    io.out(`${about}: another run of that time was under way; nothing queued, run it again to check`);
    return;
  }
  // A run by hand always runs: anyone due who was not sent the message yet (joined since) gets it.
  io.out(`${about}: ${outcome.due} due, ${outcome.queued} newly queued, ${outcome.alreadySent} already sent, ${outcome.unreachable} unreachable`);
  if (outcome.unreachable > 0) io.out(`the officers are told who could not be reached, to call them`);
  io.out(`it goes through the outbox: the running server sends it within a second (or when it next starts); running it again sends nothing twice`);
}
