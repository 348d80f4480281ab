import { isolated, type DbOrTx } from "./client.ts";
import { chatTag, keyring, TAG_INPUTS } from "./keyring.ts";

export type OutboxStatus = "pending" | "sending" | "sent" | "failed" | "unreachable" | "rerouted";

/**
 * A message to the sender of a tip. It is queued with no person and under a chat tag of its own
 * (per tip), so nothing in the clear groups it with that person's other messages; who and which
 * tip travel sealed in the payload, for rerouting and for "a tipster could not be reached".
 */
export interface TipsterRoute {
  code: string;
  personId: number;
}

export interface NewOutboxMessage {
  channel: string;
  chatId: string;
  personId: number | null;
  payload: unknown;
  /** for proactive messages: the same key is enqueued once, ever */
  idempotencyKey?: string;
  tipster?: TipsterRoute;
}

/** Where a sealed payload keeps a tipster's route; stripped before the payload is sent. */
const TIPSTER = "__tipster";

/** Adds a message to the queue; false when its idempotency key was queued before. */
export async function enqueue(db: DbOrTx, message: NewOutboxMessage, now: Date): Promise<boolean> {
  return isolated(db, async (tx) => {
    if (message.idempotencyKey) {
      const seen = await tx.outboxMessage.findUnique({ where: { idempotencyKey: message.idempotencyKey } });
      if (seen) return false;
    }
    const { tipster } = message;
    const stored = tipster ? { ...(message.payload as object), [TIPSTER]: tipster } : message.payload;
    await tx.outboxMessage.create({
      data: {
        channel: message.channel,
        chatId: tipster
          ? keyring().tag(...TAG_INPUTS.tipsterChat(message.channel, message.chatId, tipster.code))
          : chatTag(message.channel, message.chatId),
        chatRef: keyring().seal(message.chatId),
        personId: tipster ? null : message.personId,
        // Sealed: messages carry what people said (a tip, an answer) and, to officers, names.
        payload: keyring().seal(JSON.stringify(stored)),
        idempotencyKey: message.idempotencyKey ?? null,
        nextAttemptAt: now,
        createdAt: now,
      },
    });
    return true;
  });
}

export interface OutboxRow {
  id: number;
  channel: string;
  /** the chat id itself, opened from its sealed form for the sender */
  chatId: string;
  personId: number | null;
  payload: unknown;
  attempts: number;
  idempotencyKey: string | null;
  /** set on a message to a tip's sender */
  tipster?: TipsterRoute;
}

/**
 * Messages ready to send: for each chat only its oldest unsent message, and only once it is due,
 * so a chat's messages keep their order even while one of them waits for a retry. Two indexed
 * queries (due messages, then older open ones of the same chats) rather than a scan of the queue,
 * which holds thousands of rows during a broadcast.
 */
export async function dueMessages(db: DbOrTx, now: Date, limit: number): Promise<OutboxRow[]> {
  const due = await db.outboxMessage.findMany({
    where: { status: "pending", nextAttemptAt: { lte: now } },
    orderBy: { id: "asc" },
    take: limit * 2,
  });
  if (due.length === 0) return [];
  const chats = [...new Set(due.map((r) => r.chatId))];
  const open = await db.outboxMessage.findMany({
    where: { status: { in: ["pending", "sending"] }, chatId: { in: chats }, id: { lt: due.at(-1)!.id } },
    select: { id: true, channel: true, chatId: true },
    orderBy: { id: "asc" },
  });
  const oldest = new Map<string, number>();
  for (const r of open) if (!oldest.has(`${r.channel}:${r.chatId}`)) oldest.set(`${r.channel}:${r.chatId}`, r.id);
  const picked: OutboxRow[] = [];
  const seen = new Set<string>();
  for (const r of due) {
    const chat = `${r.channel}:${r.chatId}`;
    if (seen.has(chat) || (oldest.get(chat) ?? r.id) < r.id) continue;
    seen.add(chat);
    const { payload, tipster } = openStored(r.payload);
    picked.push({
      id: r.id,
      channel: r.channel,
      chatId: keyring().open(r.chatRef),
      personId: r.personId,
      payload,
      attempts: r.attempts,
      idempotencyKey: r.idempotencyKey,
      ...(tipster ? { tipster } : {}),
    });
    if (picked.length >= limit) break;
  }
  return picked;
}

/** Takes a message for sending; false when another sender has it. */
export async function claimMessage(db: DbOrTx, id: number): Promise<boolean> {
  return isolated(db, async (tx) => {
    return (await tx.outboxMessage.updateMany({ where: { id, status: "pending" }, data: { status: "sending" } })).count === 1;
  });
}

/**
 * A message has left. A reply or alert (no key) is deleted: kept, its chat tag and time would
 * line up with what the person did (a tip, an answer). A keyed proactive message keeps only its
 * key, so it is never queued again, and loses its content and chat (a reward secret, a name).
 */
export async function markSent(db: DbOrTx, id: number, now: Date): Promise<void> {
  return isolated(db, async (tx) => {
    if ((await tx.outboxMessage.deleteMany({ where: { id, idempotencyKey: null } })).count === 1) return;
    await tx.outboxMessage.update({ where: { id }, data: { status: "sent", sentAt: now, attempts: { increment: 1 }, payload: "", chatRef: "" } });
  });
}

/** Puts a message back to wait until `at`; `counts` says whether this try counts toward the limit. */
export async function retryLater(db: DbOrTx, id: number, at: Date, error: string, counts: boolean): Promise<void> {
  return isolated(db, async (tx) => {
    await tx.outboxMessage.update({
      where: { id },
      data: { status: "pending", nextAttemptAt: at, lastError: error.slice(0, 500), ...(counts ? { attempts: { increment: 1 } } : {}) },
    });
  });
}

/** A message given up (or sent another way): forgotten like a sent one, see {@link markSent}. */
export async function markFailed(db: DbOrTx, id: number, status: "failed" | "unreachable" | "rerouted", error: string): Promise<void> {
  return isolated(db, async (tx) => {
    if ((await tx.outboxMessage.deleteMany({ where: { id, idempotencyKey: null } })).count === 1) return;
    await tx.outboxMessage.update({ where: { id }, data: { status, lastError: error.slice(0, 500), attempts: { increment: 1 }, payload: "", chatRef: "" } });
  });
}

/** After a crash: messages caught mid-send are sent again (at least once, never lost). */
export async function requeueStuckMessages(db: DbOrTx): Promise<number> {
  return isolated(db, async (tx) => {
    return (await tx.outboxMessage.updateMany({ where: { status: "sending" }, data: { status: "pending" } })).count;
  });
}

/** A queued message's content, as the sender needs it. */
export function openOutboxPayload(stored: string): unknown {
  return openStored(stored).payload;
}

function openStored(stored: string): { payload: unknown; tipster?: TipsterRoute } {
  const parsed = JSON.parse(keyring().open(stored)) as Record<string, unknown>;
  if (!(TIPSTER in parsed)) return { payload: parsed };
  const { [TIPSTER]: tipster, ...payload } = parsed;
  return { payload, tipster: tipster as TipsterRoute };
}
