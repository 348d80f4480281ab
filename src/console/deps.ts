import type { EffectContext, Registry } from "../engine/feature.ts";
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
  /** the features: the console's actions apply their effects exactly as chat does (src/console/act.ts) */
  registry: Registry;
  /** what effects need beyond the transaction: the same as the engine's */
  effectContext: EffectContext;
  /**
   * Fetches a tip's photo from the channel it came through (built from the open channels in
   * src/server.ts; the console may not import `bots/`). Absent: no photo can be shown.
   */
  fetchPhoto?: (ref: { channel: string; fileId: string }) => Promise<
    { ok: true; bytes: Buffer; contentType: string } | { ok: false; reason: "no-file" | "unavailable"; failure: string }
  >;
  /** wakes the outbox after an action queued messages (the dispatcher would find them later anyway) */
  onQueued?: () => void;
}
