import { periodOf, zonedParts } from "../domain/period.ts";
import { daysInMonth, isoWeekday, weekOf, zonedTime } from "../domain/time.ts";
import type { Cadence, Job } from "./job.ts";

/**
 * When the jobs run: the one documented place for the schedule (README, "Reminders"). The jobs
 * themselves are declared by the features (`features/<feature>/jobs.ts`, `Job`); each runs at its
 * default times unless an environment variable `SCHEDULE_<JOB>` says otherwise
 * (e.g. `SCHEDULE_REPORT_REMINDER="23 08:00, 25 08:00"`), in APP_TIMEZONE.
 */

/** A declared job's name, kebab-case (report-prompt). */
export type JobName = string;

/** A day of the month (clamped to the month's last day) or of the week (1 = Monday), at a time. */
export type When =
  | { kind: "monthly"; day: number; hour: number; minute: number }
  | { kind: "weekly"; weekday: number; hour: number; minute: number };

/** The declared jobs, each with the times it runs at. */
export interface Schedule {
  /** in the features' order: the order they run in a tick and are listed in */
  jobs: readonly Job[];
  /** job name → its times */
  times: Record<JobName, When[]>;
}

const DAY_NAMES: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7, t2: 1, t3: 2, t4: 3, t5: 4, t6: 5, t7: 6, cn: 7 };

/** Thrown when a schedule text cannot be read; names the variable. */
export class ScheduleError extends Error {
  override name = "ScheduleError";
}

/** Reads "DAY HH:MM[, DAY HH:MM…]": DAY is 1–31 for a monthly job, mon…sun for a weekly one. */
export function parseWhen(text: string, cadence: Cadence): When[] {
  const items = text.split(",").map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new ScheduleError("empty schedule");
  return items.map((item) => {
    const m = /^(\S+)\s+(\d{1,2}):(\d{2})$/.exec(item.toLowerCase());
    if (!m) throw new ScheduleError(`"${item}" is not "DAY HH:MM"`);
    const hour = Number(m[2]);
    const minute = Number(m[3]);
    if (hour > 23 || minute > 59) throw new ScheduleError(`"${item}": no such time of day`);
    if (cadence === "monthly") {
      const day = Number(m[1]);
      if (!Number.isInteger(day) || day < 1 || day > 31) throw new ScheduleError(`"${item}": the day must be 1–31`);
      return { kind: "monthly", day, hour, minute };
    }
    const weekday = DAY_NAMES[m[1]!];
    if (!weekday) throw new ScheduleError(`"${item}": the day must be mon, tue, wed, thu, fri, sat or sun`);
    return { kind: "weekly", weekday, hour, minute };
  });
}

/** The variable that sets a job's times: `SCHEDULE_REPORT_PROMPT` for the job report-prompt. */
export function envName(job: JobName): string {
  return `SCHEDULE_${job.toUpperCase().replace(/-/g, "_")}`;
}

/**
 * The schedule of the declared jobs from the environment, defaults where a variable is unset.
 * Refuses two jobs of one name: the second's runs would count as the first's.
 */
export function loadSchedule(env: Record<string, string | undefined>, jobs: readonly Job[]): Schedule {
  const times: Record<JobName, When[]> = {};
  const seen = new Set<string>();
  for (const job of jobs) {
    if (seen.has(job.name)) throw new ScheduleError(`two jobs are named ${job.name}`);
    seen.add(job.name);
    const text = env[envName(job.name)]?.trim() || job.defaultSchedule;
    try {
      times[job.name] = parseWhen(text, job.cadence);
    } catch (error) {
      throw new ScheduleError(`${envName(job.name)}: ${(error as Error).message}`);
    }
  }
  return { jobs, times };
}

/** The declared job of that name, or undefined. */
export function jobNamed(schedule: Schedule, name: JobName): Job | undefined {
  return schedule.jobs.find((j) => j.name === name);
}

/** The declared job of that name; a name no feature declares is a programming error here. */
export function theJob(schedule: Schedule, name: JobName): Job {
  const job = jobNamed(schedule, name);
  if (!job) throw new Error(`no feature declares the job ${name}`);
  return job;
}

/** The occurrence of `when` in the month or week containing `at`. */
function occurrenceAround(when: When, at: Date, timeZone: string, shift: number): Date {
  const p = zonedParts(at, timeZone);
  if (when.kind === "monthly") {
    const first = new Date(Date.UTC(p.year, p.month - 1 + shift, 1));
    const y = first.getUTCFullYear();
    const m = first.getUTCMonth() + 1;
    return zonedTime(y, m, Math.min(when.day, daysInMonth(y, m)), when.hour, when.minute, timeZone);
  }
  const day = p.day - (isoWeekday(at, timeZone) - 1) + (when.weekday - 1) + 7 * shift;
  return zonedTime(p.year, p.month, day, when.hour, when.minute, timeZone);
}

/** The last time `when` happened at or before `at`. */
export function latestOccurrence(when: When, at: Date, timeZone: string): Date {
  const here = occurrenceAround(when, at, timeZone, 0);
  return here.getTime() <= at.getTime() ? here : occurrenceAround(when, at, timeZone, -1);
}

/** The first time `when` happens after `at`. */
export function nextOccurrence(when: When, at: Date, timeZone: string): Date {
  const here = occurrenceAround(when, at, timeZone, 0);
  return here.getTime() > at.getTime() ? here : occurrenceAround(when, at, timeZone, 1);
}

/** The instant a monthly time falls on in a given month (the day clamped to the month's end). */
export function dayOfPeriod(when: When & { kind: "monthly" }, period: string, timeZone: string): Date {
  const [y, m] = period.split("-").map(Number) as [number, number];
  return zonedTime(y, m, Math.min(when.day, daysInMonth(y, m)), when.hour, when.minute, timeZone);
}

/**
 * The first instant in a month at which a job with these times runs (null for a weekly job): the
 * report's deadline is the escalation's first run, for the jobs and the console alike.
 */
export function firstRunInMonth(whens: readonly When[], period: string, timeZone: string): Date | null {
  const times = whens.flatMap((w) => (w.kind === "monthly" ? [dayOfPeriod(w, period, timeZone).getTime()] : []));
  return times.length ? new Date(Math.min(...times)) : null;
}

/** The latest occurrence of any of a job's times at or before `at`. */
export function latestOfJob(whens: When[], at: Date, timeZone: string): Date {
  return new Date(Math.max(...whens.map((w) => latestOccurrence(w, at, timeZone).getTime())));
}

export function nextOfJob(whens: When[], at: Date, timeZone: string): Date {
  return new Date(Math.min(...whens.map((w) => nextOccurrence(w, at, timeZone).getTime())));
}

/** The month or week an instant belongs to, for a job: runs are "still open" within it. */
export function windowOf(job: Pick<Job, "cadence">, at: Date, timeZone: string): string {
  return job.cadence === "monthly" ? periodOf(at, timeZone) : weekOf(at, timeZone);
}

/** `20 08:00` back, for listings. */
export function describeWhen(whens: When[]): string {
  const names = ["", "mon", "tue", "wed", "thu", "fri", "sat", "sun"];
  const hhmm = (w: When) => `${String(w.hour).padStart(2, "0")}:${String(w.minute).padStart(2, "0")}`;
  return whens.map((w) => `${w.kind === "monthly" ? w.day : names[w.weekday]} ${hhmm(w)}`).join(", ");
}
