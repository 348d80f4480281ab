import type { ChoiceMsg, Msg } from "../domain/message.ts";
import { renderPrompt } from "../i18n.ts";
import { grantsOf } from "../store/roles.ts";
import type { DbOrTx } from "../store/client.ts";
import { enqueue, type OutboxPriority } from "../store/outbox.ts";
import { personLang, preferredAddress } from "../store/people.ts";
import { unitNamesInOrder } from "../store/units.ts";

export type QueueResult = "queued" | "already-queued" | "no-address";

/**
 * Queues a proactive message for a person, in their language, on the channel they used last.
 * With a key, the message is queued once, ever. "no-address" means no channel can reach them:
 * the caller must tell the officers, never drop it silently. `priority`: `high` for alerts and
 * answers someone waits on, `low` for broadcasts and scheduled prompts (`queueBulkForPerson`).
 */
export async function queueForPerson(
  db: DbOrTx,
  personId: number,
  message: { say: Msg[]; choices?: ChoiceMsg[]; photo?: { channel: string; fileId: string } },
  key: string | undefined,
  now: Date,
  options: { tipCode?: string; priority?: OutboxPriority } = {},
): Promise<QueueResult> {
  const lang = await personLang(db, personId);
  if (!lang) return "no-address";
  const address = await preferredAddress(db, personId, now);
  if (!address) return "no-address";
  const payload = { ...renderPrompt(lang, message), ...(message.photo ? { photo: message.photo } : {}) };
  const tipster = options.tipCode ? { code: options.tipCode, personId } : undefined;
  const created = await enqueue(db, { ...address, personId, payload, idempotencyKey: key, tipster, priority: options.priority ?? "high" }, now);
  return created ? "queued" : "already-queued";
}

/**
 * Queues a message for the sender of tip `code`, unlinkable from them in the clear (see
 * `TipsterRoute`) and with no key: it is queued once because the action that makes it is.
 */
export function queueForTipster(db: DbOrTx, personId: number, code: string, message: { say: Msg[] }, now: Date): Promise<QueueResult> {
  return queueForPerson(db, personId, message, undefined, now, { tipCode: code });
}

/** `queueForPerson` for bulk messages (broadcasts, scheduled prompts): they wait behind replies and alerts. */
export function queueBulkForPerson(db: DbOrTx, personId: number, message: { say: Msg[]; choices?: ChoiceMsg[] }, key: string, now: Date): Promise<QueueResult> {
  return queueForPerson(db, personId, message, key, now, { priority: "low" });
}

/** Who someone is to an officer: their role and unit, never a chat id. */
export async function describePerson(tx: DbOrTx, personId: number): Promise<Msg> {
  // The highest role leads; a head's units are all named (a deputy of two units is both).
  const grants = await grantsOf(tx, personId);
  const role: Msg = { key: `role-${grants[0]?.role ?? "resident"}` };
  const ids = grants.filter((g) => g.role === grants[0]?.role && g.unitId !== null).map((g) => g.unitId!);
  const units = await unitNamesInOrder(tx, ids);
  return { key: "person-description", args: { role, unit: units.join(", ") } };
}
