import type { DbOrTx } from "./client.ts";

export type OutboxStatus = "pending" | "sending" | "sent" | "failed" | "unreachable";

export interface NewOutboxMessage {
  channel: string;
  chatId: string;
  personId: number | null;
  payload: unknown;
  /** for proactive messages: the same key is enqueued once, ever */
  idempotencyKey?: string;
}

/** Adds a message to the queue; false when its idempotency key was queued before. */
export async function enqueue(db: DbOrTx, message: NewOutboxMessage, now: Date): Promise<boolean> {
  if (message.idempotencyKey) {
    const seen = await db.outboxMessage.findUnique({ where: { idempotencyKey: message.idempotencyKey } });
    if (seen) return false;
  }
  await db.outboxMessage.create({
    data: {
      channel: message.channel,
      chatId: message.chatId,
      personId: message.personId,
      payload: JSON.stringify(message.payload),
      idempotencyKey: message.idempotencyKey ?? null,
      nextAttemptAt: now,
      createdAt: now,
    },
  });
  return true;
}

export interface OutboxRow {
  id: number;
  channel: string;
  chatId: string;
  personId: number | null;
  payload: unknown;
  attempts: number;
  idempotencyKey: string | null;
}

/**
 * Messages ready to send: for each chat only its oldest unsent message, and only once it is due,
 * so a chat's messages keep their order even while one of them waits for a retry.
 */
export async function dueMessages(db: DbOrTx, now: Date, limit: number): Promise<OutboxRow[]> {
  const rows = await db.outboxMessage.findMany({
    where: { status: { in: ["pending", "sending"] } },
    orderBy: { id: "asc" },
    take: limit * 20,
  });
  const seen = new Set<string>();
  const due: OutboxRow[] = [];
  for (const r of rows) {
    const chat = `${r.channel}:${r.chatId}`;
    if (seen.has(chat)) continue;
    seen.add(chat);
    if (r.status === "pending" && r.nextAttemptAt <= now) {
      due.push({
        id: r.id,
        channel: r.channel,
        chatId: r.chatId,
        personId: r.personId,
        payload: JSON.parse(r.payload),
        attempts: r.attempts,
        idempotencyKey: r.idempotencyKey,
      });
      if (due.length >= limit) break;
    }
  }
  return due;
}

/** Takes a message for sending; false when another sender has it. */
export async function claimMessage(db: DbOrTx, id: number): Promise<boolean> {
  return (await db.outboxMessage.updateMany({ where: { id, status: "pending" }, data: { status: "sending" } })).count === 1;
}

export async function markSent(db: DbOrTx, id: number, now: Date): Promise<void> {
  await db.outboxMessage.update({ where: { id }, data: { status: "sent", sentAt: now, attempts: { increment: 1 } } });
}

/** Puts a message back to wait until `at`; `counts` says whether this try counts toward the limit. */
export async function retryLater(db: DbOrTx, id: number, at: Date, error: string, counts: boolean): Promise<void> {
  await db.outboxMessage.update({
    where: { id },
    data: { status: "pending", nextAttemptAt: at, lastError: error.slice(0, 500), ...(counts ? { attempts: { increment: 1 } } : {}) },
  });
}

export async function markFailed(db: DbOrTx, id: number, status: "failed" | "unreachable", error: string): Promise<void> {
  await db.outboxMessage.update({ where: { id }, data: { status, lastError: error.slice(0, 500), attempts: { increment: 1 } } });
}

/** After a crash: messages caught mid-send are sent again (at least once, never lost). */
export async function requeueStuckMessages(db: DbOrTx): Promise<number> {
  return (await db.outboxMessage.updateMany({ where: { status: "sending" }, data: { status: "pending" } })).count;
}

/** Messages for one chat after `afterId`, for the web simulator that reads its own chat. */
export async function messagesForChat(db: DbOrTx, channel: string, chatId: string, afterId: number) {
  return db.outboxMessage.findMany({
    where: { channel, chatId, id: { gt: afterId }, status: "sent" },
    orderBy: { id: "asc" },
    select: { id: true, payload: true, sentAt: true },
  });
}
