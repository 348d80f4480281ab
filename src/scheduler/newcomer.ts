import type { Role } from "../domain/roles.ts";
import type { Tx } from "../store/client.ts";
import { dueItems } from "./due.ts";
import { queueDue } from "./runner.ts";
import { latestOfJob, windowOf, type Schedule } from "./schedule.ts";
import { loadWorld } from "./world.ts";

/**
 * Queues what a person who just joined is owed now: the messages of the jobs declared as owed to
 * their role (`Job.owedTo`: the month's report prompt for a head whose neighbourhood has not
 * reported, while the month is open and before the deadline; the week's check-in prompt for a
 * mentor with cases to confirm). Only jobs whose time has come this month or week; before it, the
 * scheduled run reaches them. Same keys as the scheduled run, so nobody gets it twice, whichever
 * comes first. Other roles are owed nothing (and nothing is read). Returns how many were queued.
 */
export async function queueOwedToNewcomer(
  tx: Tx,
  { personId, role }: { personId: number; role: Role },
  deps: { schedule: Schedule; timeZone: string },
  now: Date,
): Promise<number> {
  let queued = 0;
  for (const job of deps.schedule.jobs.filter((j) => j.owedTo === role)) {
    const occurrence = latestOfJob(deps.schedule.times[job.name]!, now, deps.timeZone);
    if (windowOf(job, occurrence, deps.timeZone) !== windowOf(job, now, deps.timeZone)) continue;
    const world = await loadWorld(tx, job, occurrence, deps.timeZone);
    const items = dueItems(job.name, occurrence, deps.timeZone, world, deps.schedule, now).filter((i) => i.personId === personId);
    // They just wrote to us, so they are reachable; if not, there is nobody to tell yet.
    queued += (await queueDue(tx, items, now)).queued;
  }
  return queued;
}
