import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { Logger } from "../logger.ts";
import { inTransaction, type Db } from "../store/client.ts";
import { chatTag, keyring } from "../store/keyring.ts";
import {
  claimInbound,
  failInbound,
  finishInbound,
  inboundToProcess,
  openPayload,
  pendingInbound,
  quarantineInbound,
  recordInbound,
  requeueStuckInbound,
} from "../store/inbox.ts";
import { enqueue } from "../store/outbox.ts";
import { touchIdentity } from "../store/people.ts";
import { handleInbound, type EngineOptions } from "./engine.ts";
import { renderPrompt } from "../i18n.ts";
import type { Inbound } from "./types.ts";

export interface InboxOptions {
  db: Db;
  engine: EngineOptions;
  clock: () => Date;
  log: Logger;
  /** called after a step committed, so the outbox sends its replies at once */
  onCommitted?: () => void;
  /** tries of one update before the person is told it failed */
  maxAttempts?: number;
  /** wait before trying a failed update again, by attempt number */
  retryDelayMs?: (attempt: number) => number;
  /** chats processed at once (default 4) */
  concurrency?: number;
  /** what one chat may send, or false for no limit (default `DEFAULT_FLOOD_LIMIT`) */
  floodLimit?: FloodLimit | false;
  /**
   * A real write to the database (`store/write-probe.ts`). When a step fails and this says the
   * database cannot be written (full disk, a lock held elsewhere), the attempt is not counted and
   * the update waits for the database instead of being given up.
   */
  databaseWritable?: () => Promise<boolean>;
  /** an update was set aside because its content could not be opened (officers are told) */
  onQuarantined?: (inboundId: number, now: Date) => Promise<void>;
}

/** At most `points` updates from one chat in any `durationSec`; the rest are recorded, not acted on. */
export interface FloodLimit {
  points: number;
  durationSec: number;
}

/**
 * Half a message every two seconds, sustained, is far above anyone answering a report or a
 * check-in by hand, and holds a flood (600 messages in 6 s in the audit) to 30 acted on a minute.
 */
export const DEFAULT_FLOOD_LIMIT: FloodLimit = { points: 30, durationSec: 60 };

/** The durable inbound side: every update is recorded, then processed once, in order per chat. */
export interface Inbox {
  /** Records an update; resolves once it is durable (then the channel may be answered). */
  receive(inbound: Inbound): Promise<"recorded" | "duplicate">;
  /** Picks up updates recorded but not processed before a restart. */
  resume(): Promise<void>;
  /** Resolves when every update received so far has been processed (tests, shutdown). */
  idle(): Promise<void>;
  /**
   * Takes no more work: updates not started stay pending in the database for the next start.
   * Resolves when the steps in flight have finished, or after `waitMs` (what is then still in
   * flight is rolled back by the exit and picked up at the next start).
   */
  stop(waitMs: number): Promise<void>;
}

/** Wait before trying again an update the database could not take. */
const DATABASE_WAIT_MS = 2000;

const chatKeyOf = (i: Inbound) => `${i.channel}:${chatTag(i.channel, i.chatId)}`;

export function createInbox(options: InboxOptions): Inbox {
  const { db, log, clock } = options;
  const maxAttempts = options.maxAttempts ?? 3;
  const retryDelayMs = options.retryDelayMs ?? ((n: number) => 500 * 2 ** n);
  const chains = new Map<string, Promise<void>>();
  // SQLite has one writer and transactions queue on the one connection: a few chats at a time
  // keeps that queue short, so a webhook's record (which waits in it) is answered quickly.
  const limit = options.concurrency ?? 4;
  let running = 0;
  const waiting: (() => void)[] = [];
  const slot = async () => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
  };
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  const timers = new Set<Promise<void>>();
  // In memory, per process: a flood is one person's burst, seen by the instance it reaches.
  const floodLimit = options.floodLimit === undefined ? DEFAULT_FLOOD_LIMIT : options.floodLimit;
  const limiter = floodLimit ? new RateLimiterMemory({ points: floodLimit.points, duration: floodLimit.durationSec }) : undefined;

  /** null when the chat may send this update; else whether it is the first over the limit, and the wait. */
  async function overLimit(chatKey: string): Promise<{ first: boolean; seconds: number } | null> {
    if (!limiter) return null;
    try {
      await limiter.consume(chatKey);
      return null;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return { first: rejection.consumedPoints === limiter.points + 1, seconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
  }
  const armed = new Set<NodeJS.Timeout>();
  let stopping = false;

  function schedule(id: number, chatKey: string, again = false) {
    const previous = chains.get(chatKey) ?? Promise.resolve();
    const next = previous.then(async () => {
      if (stopping) return;
      await slot();
      try {
        if (!stopping) await processOne(id, again);
      } catch (error) {
        // Taking the update up failed (the database locked or full past its wait): it stays
        // recorded and is tried again later; an unhandled rejection here would end the process.
        log.warn({ err: error, inboundId: id }, "could not take up an update; trying again shortly");
        later(DATABASE_WAIT_MS, () => schedule(id, chatKey, true));
      } finally {
        release();
      }
    });
    chains.set(chatKey, next);
    void next.finally(() => {
      if (chains.get(chatKey) === next) chains.delete(chatKey);
    });
  }

  function later(ms: number, fn: () => void) {
    const wait = new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        armed.delete(timer);
        fn();
        resolve();
      }, ms).unref();
      armed.add(timer);
    });
    timers.add(wait);
    void wait.finally(() => timers.delete(wait));
  }

  async function processOne(id: number, again: boolean): Promise<void> {
    if (!(await claimInbound(db, id, again))) return;
    const row = await inboundToProcess(db, id);
    if (!row) return;
    let inbound: Inbound;
    try {
      inbound = openPayload(row.payload) as Inbound;
    } catch (error) {
      await quarantine(id, error);
      return;
    }
    const now = clock();
    try {
      await inTransaction(
        db,
        async (tx) => {
          if (!(await finishInbound(tx, id, now))) return;
          await handleInbound(tx, options.engine, inbound, now);
        },
        { maxWait: 15_000, timeout: 15_000 },
      );
      options.onCommitted?.();
    } catch (error) {
      if (options.databaseWritable && !(await options.databaseWritable().catch(() => false))) {
        // Not this update's fault: it waits for the database, however long, and is never given up.
        log.warn({ inboundId: id }, "the database cannot be written; the update waits for it");
        await failInbound(db, id, String(error), false, false).catch(() => undefined);
        later(DATABASE_WAIT_MS, () => schedule(id, chatKeyOf(inbound), true));
        return;
      }
      const attempt = row.attempts + 1;
      const giveUp = attempt >= maxAttempts;
      log.error({ err: error, inboundId: id, attempt, giveUp }, "processing an update failed");
      await failInbound(db, id, String(error), giveUp).catch((e) => log.error({ err: e }, "could not record the failure"));
      if (giveUp) await apologise(inbound, now);
      else later(retryDelayMs(attempt), () => schedule(id, chatKeyOf(inbound)));
    }
  }

  /** An update nobody can read is set aside; the chat's later updates go on without it. */
  async function quarantine(id: number, error: unknown) {
    // The error's message may quote the bytes it choked on: only its kind is logged.
    log.error({ inboundId: id, error: (error as Error)?.name ?? "Error" }, "an update could not be opened and was set aside (quarantined)");
    try {
      if (await quarantineInbound(db, id)) await options.onQuarantined?.(id, clock());
    } catch (e) {
      log.error({ inboundId: id, error: (e as Error)?.name }, "could not set aside an unreadable update");
    }
  }

  /** Once per flood: the person is asked to slow down, and when to send again. */
  async function tellTooFast(inbound: Inbound, seconds: number, now: Date) {
    try {
      await inTransaction(db, async (tx) => {
        const { person, address } = await touchIdentity(tx, inbound, now);
        await enqueue(tx, { ...address, personId: person.id, payload: renderPrompt(person.lang, { say: [{ key: "flood-limited", args: { seconds } }] }) }, now);
      });
      options.onCommitted?.();
    } catch (error) {
      log.error({ err: error }, "could not ask a person to slow down");
    }
  }

  /** The person is told their message was not handled, so they send it again; nothing is lost. */
  async function apologise(inbound: Inbound, now: Date) {
    try {
      await inTransaction(db, async (tx) => {
        const { person, address } = await touchIdentity(tx, inbound, now);
        await enqueue(tx, { ...address, personId: person.id, payload: renderPrompt(person.lang, { say: [{ key: "error-internal" }] }) }, now);
      });
      options.onCommitted?.();
    } catch (error) {
      log.error({ err: error }, "could not tell the person their update failed");
    }
  }

  return {
    async receive(inbound) {
      const chatKey = chatKeyOf(inbound);
      const over = await overLimit(chatKey);
      const now = clock();
      const recorded = await recordInbound(db, {
        channel: inbound.channel,
        // Tagged: some channels' update ids contain the user's id (Zalo follow events).
        externalId: keyring().tag("update", `${inbound.channel}:${inbound.messageId}`),
        chatKey,
        payload: inbound,
        now,
        limited: over !== null,
      });
      if (recorded.duplicate) return "duplicate";
      if (over) {
        // Recorded (a redelivery is still recognised) but not acted on: a flood costs one
        // insert per update and never a step, so it does not hold up anyone else.
        if (over.first) {
          log.warn({ channel: inbound.channel }, "a chat is sending faster than its limit; the excess is not acted on");
          await tellTooFast(inbound, over.seconds, now);
        }
        return "recorded";
      }
      schedule(recorded.id, chatKey);
      return "recorded";
    },
    async resume() {
      const stuck = await requeueStuckInbound(db);
      const pending = await pendingInbound(db);
      if (stuck || pending.length) log.info({ stuck, pending: pending.length }, "resuming updates recorded before the restart");
      for (const p of pending) schedule(p.id, p.chatKey);
    },
    async idle() {
      while (chains.size > 0 || timers.size > 0) {
        await Promise.allSettled([...chains.values(), ...timers]);
      }
    },
    async stop(waitMs) {
      stopping = true;
      for (const timer of armed) clearTimeout(timer);
      armed.clear();
      timers.clear();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...chains.values()]),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs))),
      ]);
      clearTimeout(timer);
    },
  };
}
