import { isolated, type DbOrTx } from "./client.ts";
import { chatTag, keyring } from "./keyring.ts";

export type OutboxStatus = "pending" | "sending" | "sent" | "failed" | "unreachable" | "rerouted";

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
  return isolated(db, async (tx) => {
    if (message.idempotencyKey) {
      const seen = await tx.outboxMessage.findUnique({ where: { idempotencyKey: message.idempotencyKey } });
      if (seen) return false;
    }
    await tx.outboxMessage.create({
      data: {
        channel: message.channel,
        chatId: chatTag(message.channel, message.chatId),
        chatRef: keyring().seal(message.chatId),
        personId: message.personId,
        // Sealed: messages carry what people said (a tip, an answer) and, to officers, names.
        payload: keyring().seal(JSON.stringify(message.payload)),
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
    picked.push({
      id: r.id,
      channel: r.channel,
      chatId: keyring().open(r.chatRef),
      personId: r.personId,
      payload: openOutboxPayload(r.payload),
      attempts: r.attempts,
      idempotencyKey: r.idempotencyKey,
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

export async function markSent(db: DbOrTx, id: number, now: Date): Promise<void> {
  return isolated(db, async (tx) => {
    await tx.outboxMessage.update({ where: { id }, data: { status: "sent", sentAt: now, attempts: { increment: 1 } } });
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

export async function markFailed(db: DbOrTx, id: number, status: "failed" | "unreachable" | "rerouted", error: string): Promise<void> {
  return isolated(db, async (tx) => {
    await tx.outboxMessage.update({ where: { id }, data: { status, lastError: error.slice(0, 500), attempts: { increment: 1 } } });
  });
}

/** After a crash: messages caught mid-send are sent again (at least once, never lost). */
export async function requeueStuckMessages(db: DbOrTx): Promise<number> {
  return isolated(db, async (tx) => {
    return (await tx.outboxMessage.updateMany({ where: { status: "sending" }, data: { status: "pending" } })).count;
  });
}

/** A queued message's content, as the sender (or the simulator page) needs it. */
export function openOutboxPayload(stored: string): unknown {
  return JSON.parse(keyring().open(stored));
}

/** Messages for one chat after `afterId`, for the web simulator that reads its own chat. */
export async function messagesForChat(db: DbOrTx, channel: string, chatId: string, afterId: number) {
  const rows = await db.outboxMessage.findMany({
    where: { channel, chatId: chatTag(channel, chatId), id: { gt: afterId }, status: "sent" },
    orderBy: { id: "asc" },
    select: { id: true, payload: true, sentAt: true },
  });
  return rows.map((r) => ({ id: r.id, payload: openOutboxPayload(r.payload), sentAt: r.sentAt }));
}
