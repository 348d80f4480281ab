import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { Api } from "grammy";
import { createTelegramSender } from "../../bots/telegram/sender.ts";
import { createLogger } from "../../src/logger.ts";
import { createDispatcher } from "../../src/outbox/dispatcher.ts";
import type { ChannelSender } from "../../src/outbox/sender.ts";
import { throttled } from "../../src/outbox/throttle.ts";
import { openDb } from "../../src/store/client.ts";
import { migrate } from "../../src/store/migrate.ts";
import { useDataKey } from "../../src/store/keyring.ts";
import { enqueue } from "../../src/store/outbox.ts";
import { clock, type FakeBotApi, type Records } from "./fake-bot-api.ts";
import { throttledProposed } from "./proposed-throttle.ts";

export type OurThrottle = { kind: "current" } | { kind: "proposed"; marginMs: number; even: boolean; catchUpMs: number; holdUntil: "release" | "answer" };

export interface OursOptions {
  fake: FakeBotApi;
  token: string;
  limit: number;
  recipients: string[];
  textOf: (chatId: string) => string;
  /** the dispatcher's `concurrency`; undefined: its default */
  concurrency: number | undefined;
  /** `current`: src/outbox/throttle.ts; `proposed`: ./proposed-throttle.ts with these settings */
  throttle: OurThrottle;
  /** give up waiting for the outbox to drain after this many seconds */
  timeoutS: number;
}

export interface OursResult {
  records: Records;
  startAt: number;
  endAt: number;
  enqueueS: number;
  senderSays: Record<string, number>;
}

/**
 * Our path, as `src/server.ts` wires it: the messages queued in the SQLite outbox, the
 * dispatcher (defaults as in production) sending through the grammY-based Telegram sender
 * wrapped in `throttled` (or the proposed throttle) at the same limit as the fake, per-chat
 * spacing 1000 ms. Done when no row is pending or sending. Also measured: how long after
 * leaving the throttle each call reached the fake, and the event-loop delay meanwhile.
 */
export async function runOurs(o: OursOptions): Promise<OursResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vungxanh-fanout-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  // Outbox rows are sealed: a throwaway key, as the server loads DATA_KEY at start.
  useDataKey(randomBytes(32).toString("base64"));
  try {
    await migrate(url);
    const db = await openDb(url);
    try {
      const queuedAt = performance.now();
      const now = new Date();
      for (let i = 0; i < o.recipients.length; i += 500) {
        const batch = o.recipients.slice(i, i + 500);
        await db.$transaction(
          async (tx) => {
            for (const [k, chatId] of batch.entries()) {
              await enqueue(tx, { channel: "telegram", chatId, personId: null, payload: { text: o.textOf(chatId) }, idempotencyKey: `bench:${i + k}` }, now);
            }
          },
          { timeout: 120_000 },
        );
      }
      const enqueueS = (performance.now() - queuedAt) / 1000;

      // Count what the Bot API answered our sender, below the throttle (behaviour unchanged).
      const inner = createTelegramSender(new Api(o.token, { apiRoot: o.fake.apiRoot }));
      const results: Record<string, number> = {};
      /** when each send left the throttle (the clock the fake's worker shares): to compare with its arrival */
      const released: { chatId: string; at: number }[] = [];
      const counted: ChannelSender = {
        channel: inner.channel,
        async send(chatId, message) {
          released.push({ chatId, at: clock() });
          const r = await inner.send(chatId, message);
          results[`send:${r.kind}`] = (results[`send:${r.kind}`] ?? 0) + 1;
          return r;
        },
      };
      const dispatcher = createDispatcher({
        db,
        senders: [
          o.throttle.kind === "current"
            ? throttled(counted, { perSecond: o.limit, perChatMs: 1000 })
            : throttledProposed(counted, { perSecond: o.limit, perChatMs: 1000, ...o.throttle }),
        ],
        clock: () => new Date(),
        log: createLogger("silent"),
        ...(o.concurrency !== undefined ? { concurrency: o.concurrency } : {}),
      });

      const open = { status: { in: ["pending", "sending"] } };
      const loop = monitorEventLoopDelay({ resolution: 10 });
      loop.enable();
      const startAt = clock();
      await dispatcher.start();
      const deadline = startAt + o.timeoutS * 1000;
      while ((await db.outboxMessage.count({ where: open })) > 0 && clock() < deadline) await sleep(20);
      const endAt = clock();
      await dispatcher.stop();
      loop.disable();

      const byStatus = await db.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } });
      const senderSays: Record<string, number> = { ...results };
      for (const s of byStatus) senderSays[`outbox:${s.status}`] = s._count._all;
      const records = await o.fake.records();
      Object.assign(senderSays, lagFigures(released, records), {
        "loopDelayP99ms": Math.round(loop.percentile(99) / 1e5) / 10,
        "loopDelayMaxMs": Math.round(loop.max / 1e5) / 10,
      });
      return { records, startAt, endAt, enqueueS, senderSays };
    } finally {
      await db.$disconnect();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * How long after leaving our throttle a call reached the fake (arrivals and 429s matched to
 * releases per chat, in order). The throttle counts at release, the fake at arrival: when an
 * earlier call is late by more than a later one, the fake sees more in its window than we did.
 */
function lagFigures(released: { chatId: string; at: number }[], fake: Records): Record<string, number> {
  const arrivals = new Map<string, number[]>();
  for (const a of [...fake.accepted, ...fake.rejected].sort((x, y) => x.at - y.at)) {
    const list = arrivals.get(a.chatId) ?? [];
    list.push(a.at);
    arrivals.set(a.chatId, list);
  }
  const lags: number[] = [];
  for (const r of released) {
    const at = arrivals.get(r.chatId)?.shift();
    if (at !== undefined) lags.push(at - r.at);
  }
  lags.sort((a, b) => a - b);
  const q = (p: number) => Math.round((lags[Math.min(lags.length - 1, Math.floor(p * lags.length))] ?? 0) * 10) / 10;
  return { "releaseToArrivalP50ms": q(0.5), "releaseToArrivalP99ms": q(0.99), "releaseToArrivalMaxMs": q(1) };
}
