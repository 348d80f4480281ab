import type { DueItem, Job, JobContext } from "./job.ts";
import { firstRunInMonth, theJob, type JobName, type Schedule } from "./schedule.ts";

export type { DueItem } from "./job.ts";

/** The month or week a job's messages are about, at `at`. */
export function subjectOf(job: Job, at: Date, timeZone: string): string {
  return job.subject(at, timeZone);
}

/** What a declared job's `due` may ask of the schedule, for one run. */
export function jobContext(schedule: Schedule, job: Job, at: Date, timeZone: string, asOf: Date): JobContext {
  return {
    at,
    asOf,
    subject: job.subject(at, timeZone),
    timeZone,
    timeInMonth: (name, period) => firstRunInMonth(schedule.times[name] ?? [], period, timeZone),
  };
}

/**
 * Who is due for what when `job` runs for its instant `at`, looked at as of `asOf` (the real
 * time of a scheduled or catch-up run or of a join, or `at` itself for a run by hand), given what
 * the job loaded (`world`). Pure, as each job's `due` is: the same world and instant give the same
 * items with the same keys, whoever asks and however often, so a message is queued once per
 * person and item: a re-run only adds the people who were not due before (they joined since),
 * never a second copy.
 */
export function dueItems(job: JobName, at: Date, timeZone: string, world: unknown, schedule: Schedule, asOf: Date = at): DueItem[] {
  const declared = theJob(schedule, job);
  return declared.due(world, jobContext(schedule, declared, at, timeZone, asOf));
}
