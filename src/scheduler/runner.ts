import type { Msg } from "../domain/message.ts";
import type { Logger } from "../logger.ts";
import { describePerson, queueForPerson } from "../outbox/address.ts";
import type { Db, Tx } from "../store/client.ts";
import { isUniqueViolation } from "../store/inbox.ts";
import { peopleWithRole } from "../store/people.ts";
import { dueItems, type DueItem } from "./due.ts";
import type { JobName, Schedule } from "./schedule.ts";
import { loadWorld } from "./world.ts";

export interface JobDeps {
  db: Db;
  schedule: Schedule;
  timeZone: string;
  log: Logger;
}

export type JobTrigger = "schedule" | "catch-up" | "manual";

export interface JobOutcome {
  /** false when this occurrence had already run (here or on another instance) */
  ran: boolean;
  due: number;
  queued: number;
  unreachable: number;
}

/**
 * Runs one job for one occurrence: records the run and queues every due message in one
 * transaction. A crash leaves either the whole fan-out queued or nothing (and the run not
 * recorded, so it runs again); a second instance finds the run recorded and does nothing.
 */
export async function runJob(deps: JobDeps, job: JobName, occurrence: Date, trigger: JobTrigger, now: Date): Promise<JobOutcome> {
  try {
    return await deps.db.$transaction(
      async (tx) => {
        const seen = await tx.jobRun.findUnique({ where: { job_occurrence: { job, occurrence } } });
        if (seen) return { ran: false, due: 0, queued: 0, unreachable: 0 };
        const run = await tx.jobRun.create({ data: { job, occurrence, trigger, startedAt: now } });
        const world = await loadWorld(tx, occurrence, deps.timeZone);
        const items = dueItems(job, occurrence, deps.timeZone, world, deps.schedule);
        let queued = 0;
        const unreachable: DueItem[] = [];
        for (const item of items) {
          const result = await queueForPerson(tx, item.personId, { say: item.say, choices: item.choices }, item.key, now, "low");
          if (result === "queued") queued++;
          if (result === "no-address") unreachable.push(item);
          if (result !== "no-address" && item.pendingFlow) {
            await tx.person.update({ where: { id: item.personId }, data: { pendingFlow: item.pendingFlow } });
          }
        }
        await tellOfficersUnreachable(tx, job, unreachable, now);
        await tx.jobRun.update({ where: { id: run.id }, data: { finishedAt: now, queued } });
        deps.log.info({ job, occurrence, trigger, due: items.length, queued, unreachable: unreachable.length }, "job ran");
        return { ran: true, due: items.length, queued, unreachable: unreachable.length };
      },
      { maxWait: 30_000, timeout: 120_000 },
    );
  } catch (error) {
    if (isUniqueViolation(error)) return { ran: false, due: 0, queued: 0, unreachable: 0 };
    throw error;
  }
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
