import type { DbOrTx } from "../store/client.ts";
import { peopleWithRole } from "../store/people.ts";
import { describePerson, queueForPerson } from "./address.ts";
import type { GiveUpReason } from "./dispatcher.ts";
import { QUARANTINE_PREFIX } from "./quarantine.ts";

/** Alerts about undeliverable messages are keyed with these: they never raise alerts themselves. */
const ALERT_PREFIXES = ["undeliverable:", "unreachable:", QUARANTINE_PREFIX];

/**
 * After the last try of a proactive message (a reminder, an alert), the officers are told whom
 * it did not reach, so somebody phones them. Replies in a conversation are not reported: the
 * person is in the chat and sees the question again when they write.
 */
export async function tellOfficersUndeliverable(
  db: DbOrTx,
  row: { id: number; personId: number | null; channel: string; idempotencyKey: string | null; tipster?: { code: string } },
  status: GiveUpReason,
  now: Date,
): Promise<number> {
  if (row.tipster) return tellOfficersTipsterUnreachable(db, row.tipster.code, now);
  if (!row.idempotencyKey || row.personId === null) return 0;
  if (ALERT_PREFIXES.some((p) => row.idempotencyKey!.startsWith(p))) return 0;
  const who = await describePerson(db, row.personId);
  let queued = 0;
  for (const officer of await peopleWithRole(db, "officer")) {
    if (officer.id === row.personId) continue;
    const result = await queueForPerson(
      db,
      officer.id,
      { say: [{ key: "alert-undeliverable", args: { who, channel: row.channel, reason: { key: `reason-${status}` } } }] },
      `undeliverable:${row.id}:p${officer.id}`,
      now,
    );
    if (result === "queued") queued++;
  }
  return queued;
}

/**
 * A message to a tip's sender did not arrive. The officers learn only that a tipster of this tip
 * could not be reached: never their role, unit, channel or why (a blocked bot says something of
 * a person). Unkeyed, so the notice leaves no row behind once it is sent.
 */
async function tellOfficersTipsterUnreachable(db: DbOrTx, code: string, now: Date): Promise<number> {
  let queued = 0;
  for (const officer of await peopleWithRole(db, "officer")) {
    const result = await queueForPerson(db, officer.id, { say: [{ key: "alert-tipster-unreachable", args: { code } }] }, undefined, now);
    if (result === "queued") queued++;
  }
  return queued;
}
