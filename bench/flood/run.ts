/**
 * Flood bench, run by hand: `npm run bench:flood` (or `npx tsx bench/flood/run.ts`).
 *
 * One person floods the bot (600 messages in 6 s by default) while another asks `/help`, waits
 * for the answer, reads it for a second and asks again, through the Telegram webhook, against a local fake Bot API (bench/webhook's). Printed
 * per side: the asker's reply latency (from its POST until the fake received the reply to it),
 * p50/p99/max, and what became of the flood. Two sides, one after the other:
 *
 *   ours  the product as `src/server.ts` wires it (webhook mode, production pacing: 30 messages
 *         a second, one a second per chat, the default flood limit), on a fresh SQLite database
 *   bare  the least a grammY webhook bot can do (bench/webhook/bare.ts: reply "ok" in the
 *         handler), as a reference for what the machine allows
 *
 * The fake runs on the server's event loop, so a stall of the server delays the timestamps of
 * the replies too: latencies are if anything understated, the same way for both sides.
 *
 * Options (flag or environment):
 *   --flood / FLOOD_MESSAGES     messages from the flooding chat (600)
 *   --seconds / FLOOD_SECONDS    over this many seconds, evenly (6)
 *   --asks / FLOOD_ASKS          `/help`s from the other chat (20)
 *   --every / FLOOD_ASK_EVERY_MS the asker's pause between an answer and its next ask, ms (1000; Telegram allows a chat one message a second)
 *   --timeout / FLOOD_TIMEOUT_S  give up waiting for each of the asker's replies after this (240)
 *   --ask-after / FLOOD_ASK_AFTER_MS the asker starts this long after the flood (0: with it;
 *                                7000: once the flood's replies are queued, as in the audit)
 *   --side / FLOOD_SIDE          ours, bare or both (both)
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { setTimeout as sleep } from "node:timers/promises";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";
import { createServer } from "../../src/server.ts";
import { openDb } from "../../src/store/client.ts";
import { migrate } from "../../src/store/migrate.ts";
import { startBareBot } from "../webhook/bare.ts";
import { startFakeBotApi } from "../webhook/fake-bot-api.ts";
import { round, summarize } from "../webhook/stats.ts";

const SECRET = "flood-bench-secret";
const FLOODER = 700_001;
const ASKER = 700_002;

function options() {
  const { values } = parseArgs({
    options: {
      flood: { type: "string" },
      seconds: { type: "string" },
      asks: { type: "string" },
      every: { type: "string" },
      timeout: { type: "string" },
      "ask-after": { type: "string" },
      side: { type: "string" },
    },
  });
  const num = (v: string | undefined, env: string, fallback: number) => Number(v ?? process.env[env] ?? fallback);
  const side = values.side ?? process.env.FLOOD_SIDE ?? "both";
  if (!["ours", "bare", "both"].includes(side)) throw new Error(`--side: ours, bare or both, got ${side}`);
  return {
    flood: num(values.flood, "FLOOD_MESSAGES", 600),
    seconds: num(values.seconds, "FLOOD_SECONDS", 6),
    asks: num(values.asks, "FLOOD_ASKS", 20),
    everyMs: num(values.every, "FLOOD_ASK_EVERY_MS", 1000),
    timeoutS: num(values.timeout, "FLOOD_TIMEOUT_S", 240),
    askAfterMs: num(values["ask-after"], "FLOOD_ASK_AFTER_MS", 0),
    side,
  };
}
type Options = ReturnType<typeof options>;

let updateId = 1;
function textUpdate(userId: number, text: string) {
  const from = { id: userId, is_bot: false, first_name: "Bench" };
  return JSON.stringify({ update_id: updateId++, message: { message_id: updateId, from, chat: { id: userId, type: "private" }, date: 1, text } });
}

/**
 * Telegram opens up to 40 connections to a webhook (its default max_connections); the asker's
 * updates get their own agent, so they never queue behind the flood in this client's pool (they
 * would with one shared `fetch`, which measured the client, not the server).
 */
const floodAgent = new http.Agent({ keepAlive: true, maxSockets: 40 });
const askerAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function post(url: string, body: string, agent: http.Agent): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), "x-telegram-bot-api-secret-token": SECRET } },
      (res) => {
        res.resume();
        res.on("end", () => (res.statusCode === 200 ? resolve() : reject(new Error(`webhook answered ${res.statusCode}`))));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

interface SideResult {
  asker: ReturnType<typeof summarize> & { answered: number };
  /** each ask's latency, in order (the flood runs during the first few) */
  askerMs: number[];
  /** how long the webhook took to answer each ask (the update recorded) */
  askerAckMs: number[];
  floodReplies: number;
}

/** Runs the traffic against a webhook URL; the fake tells when each reply arrived. */
async function traffic(o: Options, url: string, fake: Awaited<ReturnType<typeof startFakeBotApi>>): Promise<SideResult> {
  const t0 = performance.now();
  const posts: Promise<void>[] = [];
  const askedAt: number[] = [];
  const ackMs: number[] = [];
  const gap = (o.seconds * 1000) / o.flood;
  const flood = (async () => {
    for (let i = 0; i < o.flood; i++) {
      const wait = t0 + i * gap - performance.now();
      if (wait > 0) await sleep(wait);
      posts.push(post(url, textUpdate(FLOODER, `spam ${i}`), floodAgent).catch(() => undefined));
    }
  })();
  const asks = (async () => {
    await sleep(o.askAfterMs);
    for (let k = 0; k < o.asks; k++) {
      // As a person does: ask, wait for the answer, read it, ask again.
      askedAt.push(performance.now());
      await post(url, textUpdate(ASKER, "/help"), askerAgent);
      ackMs.push(performance.now() - askedAt[k]!);
      await fake.waitForChat(ASKER, k + 1, o.timeoutS * 1000);
      await sleep(o.everyMs);
    }
  })();
  await Promise.all([flood, asks]);
  await Promise.all(posts);
  // Each /help gets one reply: the k-th reply to the asker answers the k-th ask.
  await fake.waitForChat(ASKER, o.asks, o.timeoutS * 1000);
  const replies = fake.to(ASKER);
  const latencies = askedAt.map((at, k) => (replies[k] ? replies[k]!.at - at : o.timeoutS * 1000));
  return {
    asker: { ...summarize(latencies), answered: Math.min(replies.length, o.asks) },
    askerMs: latencies.map((ms) => round(ms, 1)),
    askerAckMs: ackMs.map((ms) => round(ms, 1)),
    floodReplies: fake.to(FLOODER).length,
  };
}

async function benchOurs(o: Options) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vungxanh-flood-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  const fake = await startFakeBotApi();
  try {
    await migrate(url);
    const db = await openDb(url);
    const config = loadConfig({
      DATABASE_URL: url,
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_MODE: "webhook",
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      DATA_KEY: Buffer.alloc(32, 42).toString("base64"),
      LOG_LEVEL: "silent",
    });
    const server = createServer({ config, db, log: createLogger("silent"), scheduler: false });
    const port = await server.listen(0);
    await server.start();
    try {
      const result = await traffic(o, `http://127.0.0.1:${port}/telegram/webhook`, fake);
      const statuses = await db.inboundUpdate.groupBy({ by: ["status"], _count: { _all: true } });
      const floodFate = Object.fromEntries(statuses.map((s) => [s.status, s._count._all]));
      return { ...result, updates: floodFate };
    } finally {
      await server.stop();
      await db.$disconnect();
    }
  } finally {
    await fake.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function benchBare(o: Options) {
  const fake = await startFakeBotApi();
  const bot = await startBareBot({ token: fake.token, apiRoot: fake.apiRoot, secretToken: SECRET });
  try {
    return await traffic(o, bot.url, fake);
  } finally {
    await bot.close();
    await fake.close();
  }
}

function print(side: string, r: SideResult & { updates?: Record<string, number> }) {
  const a = r.asker;
  console.log(
    `${side.padEnd(5)} asker's reply latency ms: p50 ${round(a.p50, 1)}  p99 ${round(a.p99, 1)}  max ${round(a.max, 1)}  (${a.answered}/${a.count} answered)` +
      `  flooder got ${r.floodReplies} replies${r.updates ? `  updates by status ${JSON.stringify(r.updates)}` : ""}`,
  );
}

const o = options();
console.log(`flood bench: ${o.flood} messages in ${o.seconds} s from one chat, ${o.asks} /help from another, ${o.everyMs} ms after each answer; node ${process.version}`);
const results: Record<string, unknown> = {};
if (o.side !== "bare") {
  const r = await benchOurs(o);
  print("ours", r);
  results.ours = r;
}
if (o.side !== "ours") {
  const r = await benchBare(o);
  print("bare", r);
  results.bare = r;
}
console.log(JSON.stringify({ options: o, ...results }));
floodAgent.destroy();
askerAgent.destroy();
