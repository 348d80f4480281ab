import type { Organisation } from "./export/heading.ts";
import type { Schedule } from "../scheduler/schedule.ts";
import type { Db } from "../store/client.ts";

/**
 * What an admin command may touch: the database, two output streams and the clock. Passed in,
 * not taken from globals, so tests run the commands in-process against a real database.
 */
export interface AdminIo {
  db: Db;
  /** standard output: one call per line, the caller adds the newline */
  out: (line: string) => void;
  /** standard error, same */
  err: (line: string) => void;
  now: Date;
  /** where relative `--out` files go; the process's working directory when absent */
  cwd?: string;
  /** APP_TIMEZONE: the zone of the jobs' schedule and of times shown; Asia/Ho_Chi_Minh when absent */
  timeZone?: string;
  /** INVITE_TTL_DAYS: how long an invite code works; 14 days when absent */
  inviteTtlDays?: number;
  /** the declared jobs and when they run (config.schedule); `jobs list|run` need it */
  schedule?: Schedule;
  /** the issuing body for the headings of exported documents (config.org); dotted blanks when absent */
  org?: Organisation;
}
