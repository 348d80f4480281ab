import cron, { type ScheduledTask } from "node-cron";
import type { Logger } from "../logger.ts";
import { housekeeping } from "../store/housekeeping.ts";
import { jobRunAt } from "../store/jobs.ts";
import { latestOfJob, windowOf } from "./schedule.ts";
import { runJob, type JobDeps, type JobTrigger } from "./runner.ts";

export interface SchedulerOptions extends JobDeps {
  clock: () => Date;
  log: Logger;
  /** called when a run queued messages, so the outbox sends them now */
  onQueued?: () => void;
  /** days a closed tip keeps its way back to its sender (TIP_RETENTION_DAYS) */
  tipRetentionDays?: number;
}

export interface Scheduler {
  /** Runs every job whose latest time has passed within a still-open month or week. */
  tick(trigger?: JobTrigger): Promise<void>;
  /** A catch-up tick for runs missed while the server was down, then one tick a minute. */
  start(): Promise<void>;
  stop(): void;
}

/**
 * node-cron only wakes the scheduler each minute; when to run is decided from the schedule and
 * the recorded runs, so a restart, a late tick or a second instance runs nothing twice, and who
 * gets what from the outbox keys, so nobody gets anything twice. People who join after a run are
 * reached at join (src/scheduler/newcomer.ts) or by the next run that finds them due.
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const { db, log, clock } = options;
  let task: ScheduledTask | undefined;
  let busy: Promise<void> | undefined;
  let lastHousekeeping = 0;

  async function tickOnce(trigger: JobTrigger) {
    const now = clock();
    if (now.getTime() - lastHousekeeping >= 3600_000) {
      lastHousekeeping = now.getTime();
      const removed = await housekeeping(db, now, { tipRetentionDays: options.tipRetentionDays }).catch((error) =>
        log.error({ err: error }, "housekeeping failed"),
      );
      if (removed && Object.values(removed).some((n) => n > 0)) log.info(removed, "old records removed");
    }
    for (const declared of options.schedule.jobs) {
      const job = declared.name;
      const occurrence = latestOfJob(options.schedule.times[job]!, now, options.timeZone);
      if (windowOf(declared, occurrence, options.timeZone) !== windowOf(declared, now, options.timeZone)) continue;
      if (await jobRunAt(db, job, occurrence)) continue;
      try {
        const outcome = await runJob(options, job, occurrence, trigger, now);
        if (outcome.queued > 0) options.onQueued?.();
      } catch (error) {
        log.error({ err: error, job }, "job failed; it runs again at the next tick");
      }
    }
  }

  const tick = (trigger: JobTrigger = "schedule") => {
    // Ticks never overlap: a long fan-out delays the next one instead of racing it.
    busy = (busy ?? Promise.resolve()).then(() => tickOnce(trigger));
    return busy;
  };

  return {
    tick,
    async start() {
      await tick("catch-up");
      task = cron.schedule("* * * * *", () => void tick("schedule"), { timezone: options.timeZone, name: "vungxanh-scheduler" });
    },
    stop() {
      void task?.stop();
      task = undefined;
    },
  };
}
