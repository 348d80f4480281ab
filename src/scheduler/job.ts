import type { ChoiceMsg, Msg } from "../domain/message.ts";
import type { Role } from "../domain/roles.ts";
import type { DbOrTx } from "../store/client.ts";

/** Monthly jobs work on a month (YYYY-MM), weekly jobs on a week (its Monday, YYYY-MM-DD). */
export type Cadence = "monthly" | "weekly";

/** One proactive message a job owes one person. The key makes it go out once, ever. */
export interface DueItem {
  key: string;
  personId: number;
  say: Msg[];
  choices?: ChoiceMsg[];
  /** a reply that is not a command starts this flow (a flow's name, exported by its flow file) */
  pendingFlow?: string;
}

/** What a job's due items may depend on besides what it loaded. */
export interface JobContext {
  /** the instant the run is for (a scheduled time, or `--at` of a run by hand) */
  at: Date;
  /** the real time of a scheduled or catch-up run or of a join, or `at` itself for a run by hand */
  asOf: Date;
  /** the month or week the run is about: the job's `subject(at)` */
  subject: string;
  timeZone: string;
  /**
   * The first instant another declared job runs in month `period` (the earliest of its monthly
   * times, day clamped to the month's end), as configured; null for a weekly or undeclared job. The report's deadline
   * is the escalation's time, whatever SCHEDULE_REPORT_ESCALATION says.
   */
  timeInMonth(job: string, period: string): Date | null;
}

/**
 * A scheduled job, declared by the feature it belongs to (`Feature.jobs`) and run by the scheduler,
 * which knows no job by name. The composition root hands the features' jobs to `loadSchedule`.
 * `W` is what the job looks at, loaded in the run's transaction and given to the pure `due`.
 */
export interface Job<W = any> {
  /** kebab-case, stable: run records and outbox keys carry it, and `SCHEDULE_<NAME>` sets its times */
  name: string;
  cadence: Cadence;
  /** its times when `SCHEDULE_<NAME>` is unset: "20 08:00" (monthly) or "mon 08:00" (weekly) */
  defaultSchedule: string;
  /** the month or week a run at `at` is about (not always the one `at` falls in) */
  subject(at: Date, timeZone: string): string;
  /** reads what `due` looks at, through `src/store/`, for the run's subject */
  load(db: DbOrTx, subject: string): Promise<W>;
  /**
   * Who is due for what. Pure: the same world and context give the same items with the same keys,
   * however often asked, so a re-run only adds the people who became due, never a second copy.
   */
  due(world: W, ctx: JobContext): DueItem[];
  /** a newcomer of this role is owed this job's message at join, when its time has come this month or week */
  owedTo?: Role;
}
