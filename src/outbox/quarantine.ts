import type { DbOrTx } from "../store/client.ts";
import { peopleWithRole } from "../store/people.ts";
import { queueForPerson } from "./address.ts";

/** Notices about set-aside rows are keyed with this (and never raise notices themselves). */
export const QUARANTINE_PREFIX = "quarantined:";

/**
 * Tells the officers that outbox rows could not be read and were set aside, saying how many and
 * nothing else: neither content nor recipient, which is what could not be read. At most one
 * notice an hour per officer (keyed by the hour), since a wrong DATA_KEY sets aside every row in
 * batches and a notice per batch would bury them; the log has every id.
 */
export async function tellOfficersQuarantined(db: DbOrTx, ids: number[], now: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const hour = now.toISOString().slice(0, 13);
  let queued = 0;
  for (const officer of await peopleWithRole(db, "officer")) {
    const result = await queueForPerson(
      db,
      officer.id,
      { say: [{ key: "alert-quarantined", args: { count: ids.length } }] },
      `${QUARANTINE_PREFIX}${hour}:p${officer.id}`,
      now,
    );
    if (result === "queued") queued++;
  }
  return queued;
}
