import type { Msg } from "../domain/message.ts";
import type { Logger } from "../logger.ts";
import { describePerson, queueBulkForPerson, queueForPerson } from "../outbox/address.ts";
import { inTransaction, type Db, type Tx } from "../store/client.ts";
import { isUniqueViolation } from "../store/inbox.ts";
import { claimJobRun, finishJobRun, keysQueued, recordManualRun } from "../store/jobs.ts";
import { peopleWithRole, setPendingFlow } from "../store/people.ts";
import { dueItems, type DueItem } from "./due.ts";
import { theJob, type JobName, type Schedule } from "./schedule.ts";
import { loadWorld } from "./world.ts";

export interface JobDeps {
  db: Db;
  schedule: Schedule;
  timeZone: string;
  log: Logger;
}

export type JobTrigger = "schedule" | "catch-up" | "manual";

export interface JobOutcome {
  /** false when the scheduler found this instant already run (here or on another instance); a run by hand always runs */
  ran: boolean;
  due: number;
  /** messages queued by this run */
  queued: number;
  /** due, but queued before (by an earlier run, another instance or at join): not queued again */
  alreadySent: number;
  unreachable: number;
}

/** What queueing a run's due items did. */
export interface Queued {
  queued: number;
  alreadySent: number;
  unreachable: DueItem[];
}

const NOT_RUN: JobOutcome = { ran: false, due: 0, queued: 0, alreadySent: 0, unreachable: 0 };

/**
 * Runs one job for one instant: records the run and queues every due message not queued before,
 * in one transaction. A crash leaves either the whole fan-out queued or nothing (and the run not
 * recorded, so it runs again). The scheduler's runs ("schedule", "catch-up") claim the instant, so
 * a second tick or instance does nothing; a run by hand always runs and reaches whoever became
 * due since (a head or officer who joined later). Either way each message goes out once per
 * person and item: the outbox key decides, never the run.
 */
export async function runJob(deps: JobDeps, job: JobName, occurrence: Date, trigger: JobTrigger, now: Date): Promise<JobOutcome> {
  // By hand, "as if at that time"; the scheduler looks at the real time, so a run caught up after
  // the deadline does not ask the heads any more.
  const asOf = trigger === "manual" ? occurrence : now;
  const declared = theJob(deps.schedule, job);
  try {
    return await inTransaction(
      deps.db,
      async (tx) => {
        const runId = trigger === "manual" ? await recordManualRun(tx, { job, occurrence, now }) : await claimJobRun(tx, { job, occurrence, trigger, now });
        if (runId === null) return NOT_RUN;
        const world = await loadWorld(tx, declared, occurrence, deps.timeZone);
        const items = dueItems(job, occurrence, deps.timeZone, world, deps.schedule, asOf);
        const result = await queueDue(tx, items, now);
        await tellOfficersUnreachable(tx, job, result.unreachable, now);
        await finishJobRun(tx, runId, now, result.queued);
        const outcome = { ran: true, due: items.length, queued: result.queued, alreadySent: result.alreadySent, unreachable: result.unreachable.length };
        deps.log.info({ job, occurrence, trigger, ...outcome }, "job ran");
        return outcome;
      },
      { maxWait: 30_000, timeout: 120_000 },
    );
  } catch (error) {
    if (isUniqueViolation(error)) return NOT_RUN;
    throw error;
  }
}

/**
 * Queues each due item whose key was not queued before. An item already queued is counted and
 * left alone (it does not even need an address any more); a newly queued prompt makes the
 * person's next reply start its flow.
 */
export async function queueDue(tx: Tx, items: DueItem[], now: Date): Promise<Queued> {
  const before = await keysQueued(tx, items.map((i) => i.key));
  const result: Queued = { queued: 0, alreadySent: 0, unreachable: [] };
  for (const item of items) {
    if (before.has(item.key)) {
      result.alreadySent++;
      continue;
    }
    // Scheduled messages are bulk: they wait behind replies and alerts (src/store/outbox.ts).
    const queued = await queueBulkForPerson(tx, item.personId, { say: item.say, choices: item.choices }, item.key, now);
    if (queued === "no-address") result.unreachable.push(item);
    // Lost a race with another instance between the read above and now: theirs goes out.
    if (queued === "already-queued") result.alreadySent++;
    if (queued === "queued") {
      result.queued++;
      if (item.pendingFlow) await setPendingFlow(tx, item.personId, item.pendingFlow);
    }
  }
  return result;
}

/** People no channel can reach go on the officers' call list. */
async function tellOfficersUnreachable(tx: Tx, job: JobName, items: DueItem[], now: Date) {
  if (items.length === 0) return;
  const who: Msg[] = [];
  for (const item of items) who.push({ key: "list-item", args: { item: await describePerson(tx, item.personId) } });
  for (const officer of await peopleWithRole(tx, "officer")) {
    if (items.some((i) => i.personId === officer.id)) continue;
    await queueForPerson(
      tx,
      officer.id,
      { say: [{ key: "alert-unreachable", args: { job, count: items.length, people: who } }] },
      `unreachable:${items.map((i) => i.key).join("|").slice(0, 180)}:p${officer.id}`,
      now,
    );
  }
}
