import type { DbOrTx } from "./client.ts";

/**
 * What the scheduler records and reads: one `JobRun` row per job and scheduled instant (so the
 * scheduler runs each instant once, however many servers tick), and which proactive messages
 * were queued before, read from the outbox's idempotency keys. Whether someone already had a
 * message is always answered by its key, never by a job run: a run says when the scheduler
 * looked, not who was reached.
 */

export type JobRunTrigger = "schedule" | "catch-up" | "manual";

/** The recorded run of a job for one scheduled instant, if any. */
export async function jobRunAt(db: DbOrTx, job: string, occurrence: Date) {
  return db.jobRun.findUnique({ where: { job_occurrence: { job, occurrence } } });
}

/**
 * Claims an instant for the scheduler: its id, or null when another tick or server has it. The
 * row's uniqueness is the claim; a racing insert fails with a unique violation the caller treats
 * as "already claimed".
 */
export async function claimJobRun(db: DbOrTx, run: { job: string; occurrence: Date; trigger: JobRunTrigger; now: Date }): Promise<number | null> {
  if (await jobRunAt(db, run.job, run.occurrence)) return null;
  const created = await db.jobRun.create({ data: { job: run.job, occurrence: run.occurrence, trigger: run.trigger, startedAt: run.now } });
  return created.id;
}

/**
 * Records a run asked for by hand. It always runs: the row of that instant, if the scheduler
 * made one, becomes this run's (the listing shows the latest run), and the instant stays claimed.
 */
export async function recordManualRun(db: DbOrTx, run: { job: string; occurrence: Date; now: Date }): Promise<number> {
  const row = await db.jobRun.upsert({
    where: { job_occurrence: { job: run.job, occurrence: run.occurrence } },
    create: { job: run.job, occurrence: run.occurrence, trigger: "manual", startedAt: run.now },
    update: { trigger: "manual", startedAt: run.now, finishedAt: null, queued: 0 },
  });
  return row.id;
}

export async function finishJobRun(db: DbOrTx, id: number, now: Date, queued: number): Promise<void> {
  await db.jobRun.update({ where: { id }, data: { finishedAt: now, queued } });
}

/** A job's most recent run, for `jobs list`. */
export async function lastJobRun(db: DbOrTx, job: string) {
  return db.jobRun.findFirst({ where: { job }, orderBy: [{ startedAt: "desc" }, { id: "desc" }] });
}

// SQLite allows 32766 bound values; a fan-out's keys go in slices well under that.
const KEYS_PER_QUERY = 500;

/**
 * Which of `keys` were queued before (whether sent since or still waiting). Read from the keys
 * alone: a sent row may lose its payload but keeps its key, and unkeyed rows are never asked for.
 */
export async function keysQueued(db: DbOrTx, keys: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += KEYS_PER_QUERY) {
    const rows = await db.outboxMessage.findMany({ where: { idempotencyKey: { in: keys.slice(i, i + KEYS_PER_QUERY) } }, select: { idempotencyKey: true } });
    for (const r of rows) if (r.idempotencyKey) found.add(r.idempotencyKey);
  }
  return found;
}
