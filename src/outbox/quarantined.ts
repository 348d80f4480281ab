import type { DbOrTx } from "../store/client.ts";
import { peopleWithRole } from "../store/people.ts";
import { queueForPerson } from "./address.ts";

/**
 * Tells every officer that an incoming message could not be read and was set aside. Once a day
 * at most, whatever the number set aside (a wrong key can make many unreadable at once), and
 * with no content: the point is that someone checks the server's key, not what was written.
 */
export async function tellOfficersQuarantined(db: DbOrTx, now: Date): Promise<number> {
  const day = now.toISOString().slice(0, 10);
  let queued = 0;
  for (const officer of await peopleWithRole(db, "officer")) {
    const result = await queueForPerson(db, officer.id, { say: [{ key: "alert-inbound-quarantined" }] }, `quarantined-inbound:${day}:p${officer.id}`, now);
    if (result === "queued") queued++;
  }
  return queued;
}
