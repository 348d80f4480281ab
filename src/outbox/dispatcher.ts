import type { Channel } from "../domain/roles.ts";
import type { Outbound } from "../domain/message.ts";
import type { Logger } from "../logger.ts";
import { isolated, type Db } from "../store/client.ts";
import {
  claimMessage,
  dueMessages,
  enqueue,
  markFailed,
  markSent,
  requeueStuckMessages,
  retryLater,
  type OutboxRow,
} from "../store/outbox.ts";
import { markUnreachable, preferredAddress } from "../store/people.ts";
import type { ChannelSender, SendResult } from "./sender.ts";

export interface DispatcherOptions {
  db: Db;
  senders: ChannelSender[];
  clock: () => Date;
  log: Logger;
  /** tries (not counting waits the channel asked for) before a message is marked failed */
  maxAttempts?: number;
  /** wait after the n-th failed try */
  backoffMs?: (attempt: number) => number;
  /** how often to look for due messages when nothing wakes the dispatcher */
  pollMs?: number;
  /**
   * messages in hand at once, one per chat (waiting for their turn or on their way; default 32):
   * an upper bound on what a crash can send twice
   */
  concurrency?: number;
  /** after a message's last try: tell someone (the officers) who was not reached */
  onGiveUp?: (row: OutboxRow, status: GiveUpReason, now: Date) => Promise<void>;
  /** rows were set aside as unreadable: tell the officers, without any content */
  onQuarantined?: (ids: number[], now: Date) => Promise<void>;
}

/** Sends what the outbox holds, in order per chat, with retries decided by `SendResult`. */
export interface Dispatcher {
  start(): Promise<void>;
  /**
   * Claims nothing more; resolves when the sends in flight are recorded, or after `waitMs`.
   * What is not sent stays pending for the next start (a stop never drains the backlog).
   */
  stop(waitMs?: number): Promise<void>;
  /** Something was queued: look now rather than at the next poll. */
  wake(): void;
  /** Sends everything due now; resolves when nothing more is due (tests, `jobs run`). */
  flush(): Promise<void>;
}

/** Why a message was given up: its tries ran out, the person is unreachable, or out of the window. */
export type GiveUpReason = "failed" | "unreachable" | "outside-window";

export const defaultBackoffMs = (attempt: number) => Math.min(1000 * 2 ** attempt, 10 * 60_000);

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { db, log, clock } = options;
  const senders = new Map(options.senders.map((s) => [s.channel, s]));
  const maxAttempts = options.maxAttempts ?? 6;
  const backoffMs = options.backoffMs ?? defaultBackoffMs;
  // 32 in hand keeps a 30-a-second channel fed while messages wait for their turn (bench:fanout:
  // 92% of the limit, 79% with 16); only those past their turn are claimed, so this is not what
  // a crash can duplicate (see README, "Delivery").
  const concurrency = options.concurrency ?? 32;
  const refillAt = Math.max(1, Math.floor(concurrency / 2));
  let timer: NodeJS.Timeout | undefined;
  let filling: Promise<void> | undefined;
  let again = false;
  let stopped = true;
  /** set by `stop`: messages in hand finish, no more are taken */
  let closing = false;
  /** chat key → the message of that chat in hand: at most one per chat, `concurrency` in all */
  const inHand = new Map<string, Promise<void>>();

  async function deliver(row: OutboxRow): Promise<void> {
    const sender = senders.get(row.channel);
    if (!sender) {
      // The channel is not configured now; keep the message for when it is.
      await retryLater(db, row.id, new Date(clock().getTime() + 60_000), `no sender for ${row.channel}`, false);
      return;
    }
    // Marked `sending` as late as possible: a paced sender claims once its turn comes, right
    // before the HTTP call, so only messages really on their way are sent again after a crash.
    let taken = true;
    const claim = async () => (taken = await claimMessage(db, row.id));
    let result: SendResult;
    try {
      if (sender.claimsOnLeaving) result = await sender.send(row.chatId, row.payload as Outbound, claim);
      else result = (await claim()) ? await sender.send(row.chatId, row.payload as Outbound) : { kind: "sent" };
    } catch (error) {
      result = { kind: "transient" as const, error: String(error) };
    }
    // Another sender has it (another instance): what happens to it is theirs to record.
    if (!taken) return;
    const now = clock();
    switch (result.kind) {
      case "sent":
        await markSent(db, row.id, now);
        return;
      case "retry-after":
        await retryLater(db, row.id, new Date(now.getTime() + result.seconds * 1000), result.error, false);
        return;
      case "transient":
        if (row.attempts + 1 >= maxAttempts) {
          log.warn({ outboxId: row.id, error: result.error }, "giving up on a message after its last try");
          await markFailed(db, row.id, "failed", result.error);
          await options.onGiveUp?.(row, "failed", now);
        } else {
          // Logged: a reply that is only late (the person waits the backoff) must be visible.
          log.warn({ outboxId: row.id, attempt: row.attempts + 1, error: result.error }, "a send failed; trying it again after a pause");
          await retryLater(db, row.id, new Date(now.getTime() + backoffMs(row.attempts + 1)), result.error, true);
        }
        return;
      case "unreachable":
        log.info({ outboxId: row.id, channel: row.channel }, "recipient unreachable; not retrying");
        await markUnreachable(db, { channel: row.channel as Channel, chatId: row.chatId }, result.error);
        await markFailed(db, row.id, "unreachable", result.error);
        await options.onGiveUp?.(row, "unreachable", now);
        return;
      case "outside-window": {
        // The person's window on this channel closed: their other channel may still reach them.
        const personId = row.personId ?? row.tipster?.personId ?? null;
        const other = personId === null ? null : await preferredAddress(db, personId, now, { except: row.channel as Channel });
        if (other) {
          const key = row.idempotencyKey ? `${row.idempotencyKey}:via-${other.channel}` : undefined;
          await isolated(db, async (tx) => {
            await enqueue(tx, { ...other, personId: row.personId, payload: row.payload, idempotencyKey: key, tipster: row.tipster }, now);
            await markFailed(tx, row.id, "rerouted", result.error);
          });
          log.info({ outboxId: row.id, from: row.channel, to: other.channel }, "outside the channel's window: sent by the other channel");
        } else {
          await markFailed(db, row.id, "failed", result.error);
          await options.onGiveUp?.(row, "outside-window", now);
        }
        return;
      }
      case "rejected":
        log.error({ outboxId: row.id, error: result.error }, "the channel refused a message");
        await markFailed(db, row.id, "failed", result.error);
        await options.onGiveUp?.(row, "failed", now);
        return;
    }
  }

  /**
   * Tops the hand up to `concurrency` messages, one per chat, from the chats whose turn it is
   * (see `dueMessages`). Finished messages make room and it looks again while the others are
   * still out, so a chat's next message or a newly queued reply never waits for a whole batch.
   */
  async function fill(): Promise<void> {
    const room = concurrency - inHand.size;
    if (room <= 0 || closing) return;
    const now = clock();
    const { rows, quarantined } = await dueMessages(db, now, room, new Set(inHand.keys()));
    if (quarantined.length > 0) {
      // Ids only: what the rows say, or whom they were for, is exactly what could not be read.
      log.error({ outboxIds: quarantined }, "outbox rows could not be opened and were set aside (quarantined)");
      await options.onQuarantined?.(quarantined, now).catch((error) => log.error({ err: error }, "could not tell the officers about set-aside rows"));
      again = true;
    }
    for (const row of rows) {
      const job = deliver(row)
        .catch((error) => log.error({ err: error, outboxId: row.id }, "delivering a message failed"))
        .finally(() => {
          inHand.delete(row.chatKey);
          // Looking costs a few queries over the open rows: once half the hand is free (or it is
          // empty), not after every message, which at 30 a second kept the loop busy. A newly
          // queued reply does not wait for this: `wake` looks at once.
          if (concurrency - inHand.size >= refillAt || inHand.size === 0) run();
        });
      inHand.set(row.chatKey, job);
    }
  }

  /** Fills the hand; calls while a fill runs make it look once more when it ends. */
  function run(): Promise<void> {
    if (filling) {
      again = true;
      return filling;
    }
    filling = (async () => {
      do {
        again = false;
        await fill();
      } while (again && !closing);
    })()
      .catch((error) => log.error({ err: error }, "outbox pass failed"))
      .finally(() => {
        filling = undefined;
      });
    return filling;
  }

  /** Until nothing is in hand and nothing more is due. */
  async function settle(): Promise<void> {
    for (;;) {
      await run();
      while (filling) await filling;
      if (inHand.size === 0) return;
      await Promise.allSettled([...inHand.values()]);
    }
  }

  return {
    async start() {
      stopped = false;
      closing = false;
      // Each of these may have reached its person already (see README, "Delivery", for the bound).
      const requeued = await requeueStuckMessages(db);
      if (requeued) log.warn({ requeued }, "messages caught mid-send before the restart go out again (each may arrive twice)");
      const tick = () => {
        if (stopped) return;
        void run().finally(() => {
          if (!stopped) timer = setTimeout(tick, options.pollMs ?? 1000);
        });
      };
      tick();
    },
    async stop(waitMs = Infinity) {
      stopped = true;
      closing = true;
      if (timer) clearTimeout(timer);
      // What is in hand finishes, within `waitMs` (SIGTERM gives 8 s): the rest stays queued.
      const settled = (async () => {
        while (filling) await filling;
        await Promise.allSettled([...inHand.values()]);
      })();
      let deadline: NodeJS.Timeout | undefined;
      await Promise.race([settled, Number.isFinite(waitMs) ? new Promise((resolve) => (deadline = setTimeout(resolve, waitMs))) : settled]);
      clearTimeout(deadline);
    },
    wake() {
      if (!stopped) void run();
    },
    async flush() {
      await settle();
    },
  };
}
