import type { Logger } from "../logger.ts";
import type { Db } from "../store/client.ts";
import type { Schedule } from "../scheduler/schedule.ts";

/** What the console's pages need from the running product (wired in src/server.ts). */
export interface ConsoleDeps {
  db: Db;
  log: Logger;
  timeZone: string;
  /** DATA_KEY, for the few fields a page may open (case names, for officers allowed to see them) */
  dataKey?: string;
  /** PUBLIC_URL: decides whether the session cookie is `Secure` */
  publicUrl: string;
  /** the issuing body, for documents' headings */
  org: { name?: string; parent?: string; place?: string };
  /** when the report jobs run: the report deadline is the escalation day */
  schedule: Schedule;
  clock: () => Date;
}
