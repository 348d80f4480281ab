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
import type { ChannelSender } from "./sender.ts";

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
  /** chats served at once */
  concurrency?: number;
  /** after a message's last try: tell someone (the officers) who was not reached */
  onGiveUp?: (row: OutboxRow, status: GiveUpReason, now: Date) => Promise<void>;
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
  const concurrency = options.concurrency ?? 16;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = true;
  // Set by stop() only: flush() also runs while `stopped` (admin `jobs run` never starts it).
  let halting = false;

  async function deliver(row: OutboxRow): Promise<void> {
    if (!(await claimMessage(db, row.id))) return;
    const sender = senders.get(row.channel);
    if (!sender) {
      // The channel is not configured now; keep the message for when it is.
      await retryLater(db, row.id, new Date(clock().getTime() + 60_000), `no sender for ${row.channel}`, false);
      return;
    }
    let result;
    try {
      result = await sender.send(row.chatId, row.payload as Outbound);
    } catch (error) {
      result = { kind: "transient" as const, error: String(error) };
    }
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
        const other = row.personId === null ? null : await preferredAddress(db, row.personId, now, { except: row.channel as Channel });
        if (other) {
          const key = row.idempotencyKey ? `${row.idempotencyKey}:via-${other.channel}` : undefined;
          await isolated(db, async (tx) => {
            await enqueue(tx, { ...other, personId: row.personId, payload: row.payload, idempotencyKey: key }, now);
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

  /** One pass: each chat's next due message, `concurrency` chats at a time. */
  async function pass(): Promise<number> {
    const due = await dueMessages(db, clock(), 200);
    let index = 0;
    const worker = async () => {
      while (index < due.length && !halting) {
        const row = due[index++]!;
        try {
          await deliver(row);
        } catch (error) {
          log.error({ err: error, outboxId: row.id }, "delivering a message failed");
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, worker));
    return due.length;
  }

  function run(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        while (!halting && (await pass()) > 0) {
          /* a chat's next message becomes due once its previous one is sent */
        }
      } while (again && !halting);
    })()
      .catch((error) => log.error({ err: error }, "outbox pass failed"))
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  return {
    async start() {
      stopped = false;
      halting = false;
      const requeued = await requeueStuckMessages(db);
      if (requeued) log.info({ requeued }, "messages caught mid-send before the restart go out again");
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
      halting = true;
      if (timer) clearTimeout(timer);
      let deadline: NodeJS.Timeout | undefined;
      await Promise.race([running, Number.isFinite(waitMs) ? new Promise((resolve) => (deadline = setTimeout(resolve, waitMs))) : running]);
      clearTimeout(deadline);
    },
    wake() {
      if (!stopped) void run();
    },
    async flush() {
      await run();
      while (running) await running;
    },
  };
}
