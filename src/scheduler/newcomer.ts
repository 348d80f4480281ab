import type { Tx } from "../store/client.ts";
import { dueItems } from "./due.ts";
import { queueDue } from "./runner.ts";
import { latestOfJob, windowOf, type JobName, type Schedule } from "./schedule.ts";
import { loadWorld } from "./world.ts";

/** The prompts someone who just took a role may be owed at once. */
const PROMPTS: readonly JobName[] = ["report-prompt", "checkin-prompt"];

/**
 * Queues what a person who just joined is owed now: the month's report prompt for a head whose
 * neighbourhood has not reported (while the month is open and before the deadline), the week's
 * check-in prompt for a mentor with cases to confirm. Only prompts whose time has come this month
 * or week; before it, the scheduled run reaches them. Same keys as the scheduled prompt, so
 * nobody gets it twice, whichever comes first. Returns how many were queued.
 */
export async function queueOwedToNewcomer(
  tx: Tx,
  personId: number,
  deps: { schedule: Schedule; timeZone: string },
  now: Date,
): Promise<number> {
  let queued = 0;
  for (const job of PROMPTS) {
    const occurrence = latestOfJob(deps.schedule[job], now, deps.timeZone);
    if (windowOf(job, occurrence, deps.timeZone) !== windowOf(job, now, deps.timeZone)) continue;
    const world = await loadWorld(tx, occurrence, deps.timeZone);
    const items = dueItems(job, occurrence, deps.timeZone, world, deps.schedule, now).filter((i) => i.personId === personId);
    // They just wrote to us, so they are reachable; if not, there is nobody to tell yet.
    queued += (await queueDue(tx, items, now)).queued;
  }
  return queued;
}
