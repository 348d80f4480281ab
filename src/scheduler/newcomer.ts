import type { Role } from "../domain/roles.ts";
import type { Tx } from "../store/client.ts";
import { dueItems } from "./due.ts";
import { queueDue } from "./runner.ts";
import { latestOfJob, windowOf, type JobName, type Schedule } from "./schedule.ts";
import { loadWorld } from "./world.ts";

/** The prompt each role may be owed at once; other roles are owed nothing (and nothing is read). */
const PROMPT_OF: Partial<Record<Role, JobName>> = { head: "report-prompt", mentor: "checkin-prompt" };

/**
 * Queues what a person who just joined is owed now: the month's report prompt for a head whose
 * neighbourhood has not reported (while the month is open and before the deadline), the week's
 * check-in prompt for a mentor with cases to confirm. Only prompts whose time has come this month
 * or week; before it, the scheduled run reaches them. Same keys as the scheduled prompt, so
 * nobody gets it twice, whichever comes first. Returns how many were queued.
 */
export async function queueOwedToNewcomer(
  tx: Tx,
  { personId, role }: { personId: number; role: Role },
  deps: { schedule: Schedule; timeZone: string },
  now: Date,
): Promise<number> {
  const job = PROMPT_OF[role];
  if (!job) return 0;
  const occurrence = latestOfJob(deps.schedule[job], now, deps.timeZone);
  if (windowOf(job, occurrence, deps.timeZone) !== windowOf(job, now, deps.timeZone)) return 0;
  const world = await loadWorld(tx, occurrence, deps.timeZone);
  const items = dueItems(job, occurrence, deps.timeZone, world, deps.schedule, now).filter((i) => i.personId === personId);
  // They just wrote to us, so they are reachable; if not, there is nobody to tell yet.
  return (await queueDue(tx, items, now)).queued;
}
