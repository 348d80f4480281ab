/**
 * Duplicates after a crash, run by hand: `npm run bench:crash` (or `npx tsx bench/crash/run.ts`).
 *
 * A fan-out to N chats is sent by a separate process (tests/support/outbox-process.ts: the real
 * dispatcher and throttle, Telegram's sender) to the tests' fake Bot API, which answers each
 * sendMessage LATENCY ms after receiving it (a message counts as delivered on receipt, as on
 * Telegram). The sender is killed with SIGKILL K times, each time after some more messages
 * arrived, then a last one drains the queue. Printed: duplicates per kill, the rows marked
 * `sending` at each kill (the only ones that can go out twice) and the bound
 * min(concurrency, rate × (latency + 100 ms of the throttle's catch-up)) + 1.
 *
 * Options (flag or environment):
 *   --recipients / CRASH_RECIPIENTS  N (300)
 *   --kills / CRASH_KILLS            K (5)
 *   --latency / CRASH_LATENCY_MS     the fake's answer delay, ms (300)
 *   --rate / CRASH_RATE              the throttle's messages a second (30, Telegram's)
 *   --concurrency / CRASH_CONCURRENCY the dispatcher's messages in hand (32, its default)
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDb } from "../../src/store/client.ts";
import { useDataKey } from "../../src/store/keyring.ts";
import { migrate } from "../../src/store/migrate.ts";
import { enqueue } from "../../src/store/outbox.ts";
import { startFakeTelegram } from "../../tests/support/fake-telegram.ts";

const root = path.resolve(import.meta.dirname, "..", "..");
const { values } = parseArgs({
  options: { recipients: { type: "string" }, kills: { type: "string" }, latency: { type: "string" }, rate: { type: "string" }, concurrency: { type: "string" } },
});
const num = (v: string | undefined, env: string, fallback: number) => Number(v ?? process.env[env] ?? fallback);
const o = {
  recipients: num(values.recipients, "CRASH_RECIPIENTS", 300),
  kills: num(values.kills, "CRASH_KILLS", 5),
  latencyMs: num(values.latency, "CRASH_LATENCY_MS", 300),
  rate: num(values.rate, "CRASH_RATE", 30),
  concurrency: num(values.concurrency, "CRASH_CONCURRENCY", 32),
};

function startSender(env: Record<string, string>): Promise<ChildProcess> {
  // node itself, not the tsx binary: tsx would run the script in a child that SIGKILL misses.
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/outbox-process.ts"], { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d) => String(d).includes("ready") && resolve(child));
    child.once("exit", (code) => reject(new Error(`sender exited ${code}`)));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean | Promise<boolean>, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out");
    await sleep(10);
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vungxanh-crash-"));
const url = `file:${path.join(dir, "bench.db")}`;
const dataKey = randomBytes(32).toString("base64");
useDataKey(dataKey);
const fake = await startFakeTelegram();
try {
  await migrate(url);
  const db = await openDb(url);
  const now = new Date();
  await db.$transaction(async (tx) => {
    for (let i = 0; i < o.recipients; i++) {
      await enqueue(tx, { channel: "telegram", chatId: String(100_000 + i), personId: null, payload: { text: `prompt ${i}` }, idempotencyKey: `crash:${i}`, priority: "low" }, now);
    }
  }, { timeout: 120_000 });
  fake.latency(o.latencyMs);
  const env = {
    DATABASE_URL: url,
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    DATA_KEY: dataKey,
    OUTBOX_PER_SECOND: String(o.rate),
    OUTBOX_CONCURRENCY: String(o.concurrency),
  };
  const received = () => fake.calls.filter((c) => c.method === "sendMessage" && c.ok).length;
  const step = Math.floor(o.recipients / (o.kills + 2));
  const sendingAtKill: number[] = [];
  for (let k = 0; k < o.kills; k++) {
    const target = received() + step;
    const child = await startSender(env);
    await until(() => received() >= target, 120_000);
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    sendingAtKill.push(await db.outboxMessage.count({ where: { status: "sending" } }));
  }
  const last = await startSender(env);
  await until(async () => (await db.outboxMessage.count({ where: { status: { not: "sent" } } })) === 0, 300_000);
  last.kill("SIGKILL");
  const perChat = new Map<string, number>();
  for (const c of fake.calls.filter((c) => c.method === "sendMessage" && c.ok)) perChat.set(String(c.body.chat_id), (perChat.get(String(c.body.chat_id)) ?? 0) + 1);
  const duplicates = [...perChat.values()].reduce((sum, n) => sum + n - 1, 0);
  const bound = Math.min(o.concurrency, Math.ceil((o.rate * (o.latencyMs + 100)) / 1000) + 1);
  console.log(`crash bench: ${o.recipients} recipients, ${o.kills} SIGKILLs, Bot API answers in ${o.latencyMs} ms, ${o.rate} msg/s, ${o.concurrency} in hand; node ${process.version}`);
  console.log(`  reached ${perChat.size}/${o.recipients}; duplicates ${duplicates} in all, ${(duplicates / o.kills).toFixed(1)} per kill`);
  console.log(`  rows 'sending' at each kill: ${sendingAtKill.join(", ")} (bound min(concurrency, rate × (latency + 0.1 s)) + 1 = ${bound})`);
  console.log(JSON.stringify({ ...o, reached: perChat.size, duplicates, perKill: duplicates / o.kills, sendingAtKill, bound }));
  await db.$disconnect();
} finally {
  await fake.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
