import { isolated, type DbOrTx } from "./client.ts";
import { chatTag, keyring, TAG_INPUTS } from "./keyring.ts";

/**
 * `sending` means the message may have reached the channel: it is set right before the HTTP call,
 * so after a crash only these can go out twice. `quarantined`: it could not be opened (wrong key,
 * corrupted) and is set aside, sealed as it was, so it never stops the rest.
 */
export type OutboxStatus = "pending" | "sending" | "sent" | "failed" | "unreachable" | "rerouted" | "quarantined";

/**
 * Which messages go first when the channel's rate is the limit: a reply to someone in a
 * conversation and an alert to an officer are waited on by a person; a broadcast or a scheduled
 * prompt can wait a few seconds more.
 */
export const PRIORITY = { high: 0, low: 1 } as const;
export type OutboxPriority = keyof typeof PRIORITY;

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
  /** replies and alerts are `high` (the default); broadcasts and scheduled prompts `low` */
  priority?: OutboxPriority;
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
        priority: PRIORITY[message.priority ?? "high"],
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
  /** `channel:tag`: what the dispatcher keeps one message in hand per */
  chatKey: string;
  personId: number | null;
  payload: unknown;
  attempts: number;
  idempotencyKey: string | null;
  /** set on a message to a tip's sender */
  tipster?: TipsterRoute;
  priority: number;
}

/** What one look at the queue found: messages to send, and rows set aside as unreadable. */
export interface DueMessages {
  rows: OutboxRow[];
  /** ids of rows whose chat or payload could not be opened, now `quarantined` */
  quarantined: number[];
}

/**
 * Messages ready to send, at most one per chat and never one of `busyChats` (chat keys the caller
 * already has a message of in hand): each chat's next message (its most urgent, then oldest),
 * once it is due and no other message of the chat is being sent. Chats are taken most urgent
 * first, then by how long their oldest due message has waited, so one chat's backlog of hundreds
 * takes one place like any other chat (round robin) instead of filling the batch.
 *
 * A row whose sealed chat or payload cannot be opened is marked `quarantined` here and left out:
 * one bad row must not stop every other message.
 */
export async function dueMessages(db: DbOrTx, now: Date, limit: number, busyChats: ReadonlySet<string> = new Set()): Promise<DueMessages> {
  // Chats with something due, by their most urgent then longest-waiting due message: grouped per
  // priority too, so a chat appears once per priority it has (two at most), first where it ranks.
  const groups = await db.outboxMessage.groupBy({
    by: ["channel", "chatId", "priority"],
    where: { status: "pending", nextAttemptAt: { lte: now } },
    _min: { id: true },
    orderBy: [{ priority: "asc" }, { _min: { id: "asc" } }],
    take: (limit + busyChats.size) * Object.keys(PRIORITY).length,
  });
  const chats: { channel: string; chatId: string }[] = [];
  const ranked = new Set<string>(busyChats);
  for (const g of groups) {
    const chat = `${g.channel}:${g.chatId}`;
    if (ranked.has(chat)) continue;
    ranked.add(chat);
    chats.push(g);
    if (chats.length >= limit) break;
  }
  if (chats.length === 0) return { rows: [], quarantined: [] };
  // Each chat's head among its open messages; a chat with one being sent (here or by another
  // instance) waits for it, so a chat's messages keep their order.
  const open = await db.outboxMessage.groupBy({
    by: ["channel", "chatId", "status", "priority"],
    where: { status: { in: ["pending", "sending"] }, chatId: { in: chats.map((c) => c.chatId) } },
    _min: { id: true },
  });
  const heads = new Map<string, { priority: number; id: number } | null>();
  for (const g of open) {
    const chat = `${g.channel}:${g.chatId}`;
    const current = heads.get(chat);
    if (current === null) continue;
    if (g.status === "sending") heads.set(chat, null);
    else if (!current || g.priority < current.priority || (g.priority === current.priority && g._min.id! < current.id)) {
      heads.set(chat, { priority: g.priority, id: g._min.id! });
    }
  }
  const ids = [...heads.values()].flatMap((h) => (h ? [h.id] : []));
  // A head still waiting for its retry keeps its chat waiting too.
  const rows = await db.outboxMessage.findMany({ where: { id: { in: ids }, status: "pending", nextAttemptAt: { lte: now } } });
  const order = new Map(chats.map((c, i) => [`${c.channel}:${c.chatId}`, i]));
  rows.sort((a, b) => order.get(`${a.channel}:${a.chatId}`)! - order.get(`${b.channel}:${b.chatId}`)!);
  const picked: OutboxRow[] = [];
  const quarantined: number[] = [];
  for (const r of rows) {
    let chatId: string;
    let payload: unknown;
    let tipster: TipsterRoute | undefined;
    try {
      chatId = keyring().open(r.chatRef);
      ({ payload, tipster } = openStored(r.payload));
    } catch {
      quarantined.push(r.id);
      continue;
    }
    picked.push({
      id: r.id,
      channel: r.channel,
      chatId,
      chatKey: `${r.channel}:${r.chatId}`,
      personId: r.personId,
      payload,
      attempts: r.attempts,
      idempotencyKey: r.idempotencyKey,
      priority: r.priority,
      ...(tipster ? { tipster } : {}),
    });
  }
  if (quarantined.length > 0) {
    await isolated(db, (tx) =>
      tx.outboxMessage.updateMany({
        where: { id: { in: quarantined }, status: "pending" },
        data: { status: "quarantined", lastError: "could not be opened (wrong DATA_KEY or corrupted); set aside" },
      }),
    );
  }
  return { rows: picked, quarantined };
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
