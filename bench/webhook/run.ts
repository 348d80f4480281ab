/**
 * Webhook bench, run by hand: `npm run bench:webhook` (or `npx tsx bench/webhook/run.ts`).
 *
 * Drives our real server (`createServer`: SQLite, inbox, outbox) over `POST /telegram/webhook`
 * with N heads doing their monthly report against a fake Bot API, then a bare grammY
 * bot that only replies "ok" with as many updates at the same concurrency, and prints both and
 * their ratio. The gap is the price of what we do per update: record it durably, process it in
 * a transaction, queue the reply, send it from the outbox.
 *
 * Options (flag or environment):
 *   --heads / BENCH_HEADS             heads, one private chat each (200)
 *   --concurrency / BENCH_CONCURRENCY requests in flight, like Telegram's max_connections (40)
 *   --warmup / BENCH_WARMUP           warm-up heads per server, not measured (10)
 *   --timeout / BENCH_TIMEOUT_S       seconds to wait for all replies (90, or more when --rate
 *                                     makes sending every reply take longer)
 *   --think / BENCH_THINK_MS          a head waits for each reply, then this many ms (a person
 *                                     reading, typing), before its next update. Default: none —
 *                                     Telegram delivers a chat's updates back to back, the next
 *                                     once the last got its 200. Over 1000 ms, our outbox's
 *                                     per-chat spacing no longer shows in the reply latency.
 *   --same-thread / BENCH_SAME_THREAD=1  run the client and fake Bot API on the server's event
 *                                     loop instead of a worker thread (to see the difference)
 *   --rate / BENCH_TELEGRAM_RATE      our outbox's Telegram limit, TELEGRAM_MAX_PER_SECOND
 *                                     (1000, its maximum, so the server is measured rather than
 *                                     the limit; 30 is production). The per-chat spacing of 1 s
 *                                     is not configurable and shapes the reply latencies.
 *
 * Exits 1 when a check fails (a lost, extra or wrong reply, a missing or duplicate report).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";
import { createServer } from "../../src/server.ts";
import { openDb, type Db } from "../../src/store/client.ts";
import { createInvite, inviteExpiry } from "../../src/store/invites.ts";
import { migrate } from "../../src/store/migrate.ts";
import { addUnit } from "../../src/store/units.ts";
import { startBareBot } from "./bare.ts";
import type { Chat } from "./load.ts";
import { startTrafficSide, type RunFigures, type RunRequest, type RunResult, type TrafficSide } from "./side.ts";
import { perSecond, round, summarize, type LatencySummary } from "./stats.ts";
import { EXPECTED_REPLIES, headScript, toUpdate, UPDATES_PER_HEAD, userIdOf, type Action } from "./traffic.ts";

const SECRET = "bench-secret";

function options() {
  const { values } = parseArgs({
    options: {
      heads: { type: "string" },
      concurrency: { type: "string" },
      warmup: { type: "string" },
      timeout: { type: "string" },
      think: { type: "string" },
      "same-thread": { type: "boolean" },
      rate: { type: "string" },
    },
  });
  const int = (name: string, flag: string | undefined, env: string | undefined, fallback: number, min: number) => {
    const raw = flag ?? env;
    const n = raw === undefined || raw === "" ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name}: expected an integer ≥ ${min}, got ${raw}`);
    return n;
  };
  const heads = int("heads", values.heads, process.env.BENCH_HEADS, 200, 1);
  const rate = int("rate", values.rate, process.env.BENCH_TELEGRAM_RATE, 1000, 1);
  return {
    heads,
    concurrency: int("concurrency", values.concurrency, process.env.BENCH_CONCURRENCY, 40, 1),
    warmup: int("warmup", values.warmup, process.env.BENCH_WARMUP, 10, 0),
    timeoutS: int("timeout", values.timeout, process.env.BENCH_TIMEOUT_S, Math.max(90, Math.ceil((1.5 * heads * UPDATES_PER_HEAD) / rate) + 30), 1),
    thinkMs: (values.think ?? process.env.BENCH_THINK_MS ?? "") === "" ? null : int("think", values.think, process.env.BENCH_THINK_MS, 0, 0),
    sameThread: values["same-thread"] ?? process.env.BENCH_SAME_THREAD === "1",
    rate,
  };
}
type Options = ReturnType<typeof options>;

/** Update ids as Telegram's: unique and increasing across all chats (we deduplicate on them). */
let nextUpdateId = 100_000;

function chatOf(userId: number, actions: Action[]): Chat {
  const ids = actions.map(() => nextUpdateId++);
  return { chatId: userId, ids, updates: actions.map((a, i) => JSON.stringify(toUpdate(ids[i]!, userId, a, i + 1))) };
}

async function seedHeads(db: Db, count: number, prefix: string, firstIndex: number) {
  const heads: { userId: number; code: string }[] = [];
  for (let i = 0; i < count; i++) {
    const unit = await addUnit(db, { name: `${prefix} ${i + 1}`, households: 500, classification: "has_cases" });
    const code = await createInvite(db, { role: "head", unitId: unit.id, createdBy: "bench", expiresAt: inviteExpiry(new Date()) });
    heads.push({ userId: userIdOf(firstIndex + i), code });
  }
  return heads;
}

/** Event-loop delay of the server's thread while traffic runs: how busy the server is. */
interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
}

async function timedRun(side: TrafficSide, request: RunRequest): Promise<RunResult & { loop: LoopDelay }> {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  try {
    const result = await side.run(request);
    return { ...result, loop: { p50: h.percentile(50) / 1e6, p99: h.percentile(99) / 1e6, max: h.max / 1e6 } };
  } finally {
    h.disable();
  }
}

const request = (opts: Options, url: string, chats: Chat[]): RunRequest => ({
  url,
  secret: SECRET,
  chats,
  concurrency: opts.concurrency,
  thinkMs: opts.thinkMs,
  timeoutS: opts.timeoutS,
});

/**
 * How the inbox stores an update's id. Plainly the update_id at first; with the keyring (work in
 * progress in src/store/keyring.ts) a keyed tag of "telegram:<update_id>". Loaded by a computed
 * path so this bench type-checks and runs whether or not that module exists.
 */
async function storedUpdateIds(): Promise<(updateId: number) => string[]> {
  const keyringPath = "../../src/store/keyring.ts";
  const mod = (await import(keyringPath).catch(() => null)) as { keyring?: () => { tag(kind: string, value: string): string } } | null;
  return (id) => {
    const ids = [String(id)];
    try {
      if (mod?.keyring) ids.push(mod.keyring().tag("update", `telegram:${id}`));
    } catch {
      /* no key loaded: the plain id is all there is */
    }
    return ids;
  };
}

/**
 * When the server processed each update, from what it stored: `processedAt` of the update's row
 * (the server's clock when it took the update up, just before its transaction). Separates the
 * server's own work from the outbox's deliberate pacing of replies. The rate needs no matching
 * (rows recorded since the run began); the latencies need each row matched to its POST.
 */
async function processingFigures(db: Db, run: RunResult): Promise<Processing> {
  const storedIds = await storedUpdateIds();
  const started = new Map<string, number>();
  for (const p of run.posted) for (const id of storedIds(p.updateId)) started.set(id, p.startEpochMs);
  const rows = await db.inboundUpdate.findMany({
    // 100 ms of slack for the two threads' clocks; the warm-up's last update came seconds earlier.
    where: { status: "done", receivedAt: { gte: new Date(Math.floor(run.t0EpochMs) - 100) } },
    select: { externalId: true, processedAt: true },
  });
  const times = rows.flatMap((r) => (r.processedAt ? [r.processedAt.getTime()] : []));
  const matched = rows.flatMap((r) => {
    const from = started.get(r.externalId);
    return r.processedAt && from !== undefined ? [r.processedAt.getTime() - from] : [];
  });
  // processedAt has millisecond resolution; never report a negative latency for it.
  const latency = summarize(matched.map((ms) => Math.max(0, ms)));
  const last = Math.max(...times);
  return { processed: times.length, matched: matched.length, latency, perSecond: perSecond(times.length, last - run.t0EpochMs), wallMs: last - run.t0EpochMs };
}

interface Processing {
  /** updates of this run the server marked done */
  processed: number;
  /** of those, how many could be paired with their POST (for the latencies) */
  matched: number;
  latency: LatencySummary;
  perSecond: number;
  wallMs: number;
}

/** Our server, end to end, with the checks that it did all the work, in order, once. */
async function benchOurs(opts: Options, dir: string) {
  const url = `file:${path.join(dir, "bench.db")}`;
  await migrate(url);
  const db = await openDb(url);
  const side = await startTrafficSide(opts.sameThread ? "here" : "worker");
  const config = loadConfig({
    DATABASE_URL: url,
    TELEGRAM_BOT_TOKEN: side.token,
    TELEGRAM_API_ROOT: side.apiRoot,
    TELEGRAM_MODE: "webhook",
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    DATA_KEY: Buffer.alloc(32, 42).toString("base64"),
    LOG_LEVEL: "silent",
    TELEGRAM_MAX_PER_SECOND: String(opts.rate),
  });
  // No scheduler: a reminder job firing mid-run would send the heads messages nobody asked for.
  const server = createServer({ config, db, log: createLogger("silent"), scheduler: false });
  let stopped = false;
  const stop = async () => {
    if (!stopped) await server.stop();
    stopped = true;
  };
  try {
    const port = await server.listen(0);
    await server.start();
    const webhook = `http://127.0.0.1:${port}/telegram/webhook`;

    // Warm-up heads do the whole report but cancel (/huy) instead of confirming: the code paths
    // are compiled and the database warm, and no report is stored, so the count stays exact.
    const warm = await seedHeads(db, opts.warmup, "Khu phố khởi động", 50_000);
    const heads = await seedHeads(db, opts.heads, "Khu phố", 0);
    if (warm.length) {
      const chats = warm.map((h) => chatOf(h.userId, [...headScript(h.code).slice(0, -1), { kind: "text", text: "/huy" }]));
      if (!(await side.run({ ...request(opts, webhook, chats), thinkMs: null })).complete) throw new Error("warm-up replies did not all arrive");
    }

    const chats = heads.map((h) => chatOf(h.userId, headScript(h.code)));
    const run = await timedRun(side, request(opts, webhook, chats));

    let missing = 0;
    let extra = 0;
    let wrong = 0;
    const examples: string[] = [];
    for (const c of chats) {
      const got = run.texts[c.chatId] ?? [];
      missing += Math.max(0, UPDATES_PER_HEAD - got.length);
      extra += Math.max(0, got.length - UPDATES_PER_HEAD);
      got.slice(0, UPDATES_PER_HEAD).forEach((text, i) => {
        if (EXPECTED_REPLIES[i]!.test(text)) return;
        wrong++;
        if (examples.length < 3) examples.push(`chat ${c.chatId}, reply ${i + 1}: ${text.slice(0, 120)}`);
      });
    }
    await stop(); // drains the inbox and the outbox, so the tables below are final
    const processing = await processingFigures(db, run);
    const reports = await db.monthlyReport.count();
    const perUnit = await db.monthlyReport.groupBy({ by: ["unitId", "period"], _count: { _all: true } });
    const inbound = await db.inboundUpdate.groupBy({ by: ["status"], _count: { _all: true } });
    const outbox = await db.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } });
    // A send that needed more than one try (the outbox keeps the last error): a reply delayed by backoff.
    const retried = await db.outboxMessage.findMany({ where: { lastError: { not: null } }, select: { lastError: true } });
    const byStatus = (rows: { status: string; _count: { _all: number } }[]) => Object.fromEntries(rows.map((r) => [r.status, r._count._all]));
    const checks = {
      allRepliesArrived: run.complete,
      missingReplies: missing,
      extraReplies: extra,
      wrongReplies: wrong,
      reports,
      expectedReports: opts.heads,
      duplicateReports: perUnit.filter((g) => g._count._all > 1).length,
      processedUpdates: processing.processed,
      processedMatchedToPosts: processing.matched,
      inbound: byStatus(inbound),
      outbox: byStatus(outbox),
      retriedSends: retried.length,
      retryErrors: [...new Set(retried.map((r) => r.lastError!.slice(0, 100)))].slice(0, 3),
      botApiCalls: await side.methods(),
    };
    const ok =
      run.complete &&
      missing + extra + wrong === 0 &&
      processing.processed === run.figures.updates &&
      reports === opts.heads &&
      checks.duplicateReports === 0 &&
      run.figures.non200 === 0;
    return { figures: run.figures, processing, loop: run.loop, checks, ok, examples };
  } finally {
    await stop().catch(() => {});
    await side.close();
    await db.$disconnect();
  }
}

/** The bare grammY bot: as many updates (text messages; a tap becomes "có"), same concurrency. */
async function benchBare(opts: Options) {
  const side = await startTrafficSide(opts.sameThread ? "here" : "worker");
  const bot = await startBareBot({ token: side.token, apiRoot: side.apiRoot, secretToken: SECRET });
  try {
    const texts = (code: string): Action[] => headScript(code).map((a) => (a.kind === "tap" ? { kind: "text", text: "có" } : a));
    if (opts.warmup) {
      const chats = Array.from({ length: opts.warmup }, (_, i) => chatOf(userIdOf(50_000 + i), texts("WARMUP00")));
      if (!(await side.run({ ...request(opts, bot.url, chats), thinkMs: null })).complete) throw new Error("bare warm-up replies did not all arrive");
    }
    const chats = Array.from({ length: opts.heads }, (_, i) => chatOf(userIdOf(i), texts("ABCDEFGH")));
    const run = await timedRun(side, request(opts, bot.url, chats));
    // grammY runs the handler (and so sends the reply) before it answers: processed = answered.
    const processing: Processing = { processed: run.figures.updates, matched: run.figures.updates, latency: run.figures.ack, perSecond: run.figures.ackPerSecond, wallMs: run.figures.wallAckMs };
    return { figures: run.figures, processing, loop: run.loop, ok: run.complete && run.figures.non200 === 0 };
  } finally {
    await bot.close();
    await side.close();
  }
}

function machine() {
  const cpus = os.cpus();
  let code = "unknown";
  try {
    const sha = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "src", "bots", "flows"], { encoding: "utf8" }).trim() !== "";
    code = `${sha}${dirty ? "+uncommitted" : ""}`;
  } catch {
    /* not a git checkout: the figures just cannot name their code */
  }
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    memGiB: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    /** other work on the machine skews the figures: compare runs at similar load */
    loadAvg1m: round(os.loadavg()[0]!, 2),
    code,
  };
}

type Side = { figures: RunFigures; processing: Processing; loop: LoopDelay };

function table(ours: Side, bare: Side) {
  const x = (a: number, b: number) => (b > 0 && Number.isFinite(a) ? `${round(a / b, 2)}×` : "—");
  const n = (v: number, d = 1) => String(round(v, d));
  const row = (label: string, a: number, b: number, ratio = true) => [label, n(a), n(b), ratio ? x(a, b) : ""];
  const [o, b] = [ours.figures, bare.figures];
  const rows: string[][] = [
    ["updates POSTed", String(o.updates), String(b.updates), ""],
    row("webhook POST→200 p50 (ms)", o.ack.p50, b.ack.p50),
    row("webhook POST→200 p99 (ms)", o.ack.p99, b.ack.p99),
    row("accepted updates/s", o.ackPerSecond, b.ackPerSecond),
    row("POST→processed p50 (ms)", ours.processing.latency.p50, bare.processing.latency.p50),
    row("POST→processed p99 (ms)", ours.processing.latency.p99, bare.processing.latency.p99),
    row("processed updates/s", ours.processing.perSecond, bare.processing.perSecond),
    row("POST→reply at Bot API p50 (ms)", o.reply.p50, b.reply.p50),
    row("POST→reply at Bot API p99 (ms)", o.reply.p99, b.reply.p99),
    row("replies delivered/s", o.repliedPerSecond, b.repliedPerSecond),
    [
      "last 200 / processed / reply (s)",
      [o.wallAckMs, ours.processing.wallMs, o.wallReplyMs].map((ms) => n(ms / 1000, 2)).join(" / "),
      [b.wallAckMs, bare.processing.wallMs, b.wallReplyMs].map((ms) => n(ms / 1000, 2)).join(" / "),
      "",
    ],
    ["replies at the Bot API", String(o.replies), String(b.replies), ""],
    ["replies still queued at the last 200", String(o.backlogAtLastAck), String(b.backlogAtLastAck), ""],
    ["non-200 answers / redeliveries", `${o.non200} / ${o.redeliveries}`, `${b.non200} / ${b.redeliveries}`, ""],
    ["server event-loop delay p99 / max (ms)", `${n(ours.loop.p99)} / ${n(ours.loop.max)}`, `${n(bare.loop.p99)} / ${n(bare.loop.max)}`, ""],
  ];
  const head = ["", "ours", "bare grammY", "ours/bare"];
  const widths = head.map((_, i) => Math.max(...[head, ...rows].map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

const slim = ({ figures: f, processing: p, loop }: Side) => ({
  updates: f.updates,
  ackP50Ms: round(f.ack.p50),
  ackP99Ms: round(f.ack.p99),
  ackMaxMs: round(f.ack.max),
  acceptedPerSec: round(f.ackPerSecond, 1),
  processedP50Ms: round(p.latency.p50),
  processedP99Ms: round(p.latency.p99),
  processedPerSec: round(p.perSecond, 1),
  replyP50Ms: round(f.reply.p50),
  replyP99Ms: round(f.reply.p99),
  replyMaxMs: round(f.reply.max),
  deliveredPerSec: round(f.repliedPerSecond, 1),
  wallAckS: round(f.wallAckMs / 1000, 3),
  wallProcessedS: round(p.wallMs / 1000, 3),
  wallReplyS: round(f.wallReplyMs / 1000, 3),
  replies: f.replies,
  backlogAtLastAck: f.backlogAtLastAck,
  slowestAcks: f.slowestAcks,
  non200: f.non200,
  redeliveries: f.redeliveries,
  loopDelayP50Ms: round(loop.p50),
  loopDelayP99Ms: round(loop.p99),
  loopDelayMaxMs: round(loop.max),
});

async function main() {
  const opts = options();
  const m = machine();
  console.log(`machine: ${m.cpus} × ${m.cpuModel}, ${m.memGiB} GiB, node ${m.node}, ${m.platform}, load ${m.loadAvg1m}; code ${m.code}`);
  console.log(
    `traffic: ${opts.heads} heads × ${UPDATES_PER_HEAD} updates, ${opts.concurrency} connections, ${opts.warmup} warm-up heads, ` +
      `${opts.thinkMs === null ? "back to back per chat (next update once the last got its 200)" : `each head waits for its reply + ${opts.thinkMs} ms`}; ` +
      `client and fake Bot API ${opts.sameThread ? "on the server's thread" : "in a worker thread"}; ` +
      `our outbox limit ${opts.rate} msg/s, 1 s per chat`,
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vungxanh-bench-"));
  try {
    const started = performance.now();
    const ours = await benchOurs(opts, dir);
    const bare = await benchBare(opts);
    console.log("");
    console.log(table(ours, bare));
    console.log("");
    const c = ours.checks;
    console.log(
      `checks (ours): reports ${c.reports}/${c.expectedReports}, duplicates ${c.duplicateReports}, processed ${c.processedUpdates}/${ours.figures.updates} (${c.processedMatchedToPosts} matched to their POST), ` +
        `replies missing ${c.missingReplies} / extra ${c.extraReplies} / wrong ${c.wrongReplies}, ` +
        `inbound ${JSON.stringify(c.inbound)}, outbox ${JSON.stringify(c.outbox)}, sends retried ${c.retriedSends} → ${ours.ok ? "OK" : "FAILED"}`,
    );
    for (const e of ours.examples) console.log(`  ${e}`);
    const slow = (f: RunFigures) => f.slowestAcks.map((a) => `${a.ms} ms (update ${a.seq + 1} of its chat, at ${a.atS} s)`).join(", ");
    console.log(`slowest webhook answers: ours ${slow(ours.figures)}; bare ${slow(bare.figures)}`);
    if (!bare.ok) console.log("checks (bare): FAILED (missing replies or non-200 answers)");
    const ratio = (a: number, b: number) => round(a / b, 3);
    console.log(
      JSON.stringify({
        bench: "webhook",
        machine: m,
        params: opts,
        ours: slim(ours),
        bare: slim(bare),
        ratios: {
          acceptedPerSec: ratio(ours.figures.ackPerSecond, bare.figures.ackPerSecond),
          processedPerSec: ratio(ours.processing.perSecond, bare.processing.perSecond),
          deliveredPerSec: ratio(ours.figures.repliedPerSecond, bare.figures.repliedPerSecond),
          ackP50: ratio(ours.figures.ack.p50, bare.figures.ack.p50),
          ackP99: ratio(ours.figures.ack.p99, bare.figures.ack.p99),
          processedP50: ratio(ours.processing.latency.p50, bare.processing.latency.p50),
          processedP99: ratio(ours.processing.latency.p99, bare.processing.latency.p99),
          replyP50: ratio(ours.figures.reply.p50, bare.figures.reply.p50),
          replyP99: ratio(ours.figures.reply.p99, bare.figures.reply.p99),
        },
        checks: { ...c, ok: ours.ok && bare.ok },
        totalS: round((performance.now() - started) / 1000, 1),
      }),
    );
    process.exitCode = ours.ok && bare.ok ? 0 : 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
