/**
 * Fan-out bench, run by hand: `npm run bench:fanout -- --limit 100` (or `npx tsx bench/fanout/run.ts`).
 *
 * Sends one message to each of N recipients (distinct private chats) against a local fake Bot
 * API (`fake-bot-api.ts`) that accepts at most L sendMessage calls in any sliding second and
 * answers 429 with `retry_after` past it. Two sides, one after the other, each against a fresh
 * fake with the same settings:
 *
 *   ours    the SQLite outbox + dispatcher + `throttled(createTelegramSender(api), { perSecond: L })`
 *   grammy  grammY with @grammyjs/transformer-throttler (global reservoir L per 1000 ms) and
 *           @grammyjs/auto-retry, all N sendMessage calls handed over at once
 *
 * Printed per side: elapsed (start of the fan-out until the sender is done: outbox drained, or
 * every promise settled; queueing the outbox rows is timed apart), the rate as delivered
 * recipients over the span from first to last accepted message and over the elapsed time, each
 * as a share of L, the 429s the fake answered, lost recipients (no message accepted), duplicates
 * (more than one accepted), the busiest 1-second window seen. Then one line of JSON.
 * Goal: ≥ 95% of L, 0 lost, 0 duplicates.
 *
 * Options (flag or environment):
 *   --limit / FANOUT_LIMIT             L, messages per sliding second at the fake and in both senders (100; Telegram: 30)
 *   --recipients / FANOUT_RECIPIENTS   N (3000)
 *   --retry-after / FANOUT_RETRY_AFTER the 429's retry_after, s (1)
 *   --per-chat-ms / FANOUT_PER_CHAT_MS the fake's per-chat spacing, ms; 0 to turn it off (1000)
 *   --latency / FANOUT_LATENCY_MS      the fake waits this long before each answer, ms (0)
 *   --jitter / FANOUT_JITTER_MS        the fake takes each call up after a random 0…J ms, like a
 *                                      network with varying transit time (0)
 *   --concurrency / FANOUT_CONCURRENCY our dispatcher's concurrency (its default, 16)
 *   --throttle / FANOUT_THROTTLE       our throttle: current (src/outbox/throttle.ts), or the fix
 *                                      proposed in ./proposed-throttle.ts:
 *                                      proposed[:even,margin=MS,catchup=MS,hold=release|answer]
 *                                      (margin 25 ms; even: also pace sends evenly, catching up
 *                                      at most `catchup` ms (100); hold: a send counts in the
 *                                      window from when it left (default) or was answered)
 *   --side / FANOUT_SIDE               ours, grammy or both (both)
 *   --timeline                         also print accepted and 429s per second
 *   --same-thread / FANOUT_SAME_THREAD=1  run the fake on the senders' event loop instead of a
 *                                      worker thread (its clock then stalls with theirs)
 */
import { parseArgs } from "node:util";
import { startFakeBotApi, type FakeBotApiOptions } from "./fake-bot-api.ts";
import { runGrammy } from "./grammy-side.ts";
import { runOurs, type OurThrottle } from "./ours.ts";
import { figures, round, type SideFigures } from "./stats.ts";

const TOKEN = "123456:FANOUT-bench";

/** `current`, or `proposed[:even][,margin=MS][,catchup=MS][,hold=release|answer]` */
function throttle(raw: string): OurThrottle {
  if (raw === "current") return { kind: "current" };
  const m = /^proposed(?::(.*))?$/.exec(raw);
  if (!m) throw new Error(`--throttle: current or proposed[:even,margin=MS,catchup=MS,hold=release|answer], got ${raw}`);
  const t: OurThrottle = { kind: "proposed", even: false, marginMs: 25, catchUpMs: 100, holdUntil: "release" };
  for (const part of (m[1] ?? "").split(",").filter(Boolean)) {
    const [key, value] = part.split("=");
    if (key === "even" && value === undefined) t.even = true;
    else if (key === "margin" && /^\d+$/.test(value ?? "")) t.marginMs = Number(value);
    else if (key === "catchup" && /^\d+$/.test(value ?? "")) t.catchUpMs = Number(value);
    else if (key === "hold" && (value === "release" || value === "answer")) t.holdUntil = value;
    else throw new Error(`--throttle: can't read ${part}`);
  }
  return t;
}
const throttleName = (t: OurThrottle) =>
  t.kind === "current"
    ? "current"
    : `proposed:${t.even ? `even,catchup=${t.catchUpMs},` : ""}margin=${t.marginMs},hold=${t.holdUntil}`;

function options() {
  const { values } = parseArgs({
    options: {
      limit: { type: "string" },
      recipients: { type: "string" },
      "retry-after": { type: "string" },
      "per-chat-ms": { type: "string" },
      latency: { type: "string" },
      jitter: { type: "string" },
      throttle: { type: "string" },
      concurrency: { type: "string" },
      side: { type: "string" },
      timeline: { type: "boolean" },
      "same-thread": { type: "boolean" },
    },
  });
  const int = (name: string, flag: string | undefined, env: string | undefined, fallback: number, min: number) => {
    const raw = flag ?? env;
    const n = raw === undefined || raw === "" ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name}: expected an integer ≥ ${min}, got ${raw}`);
    return n;
  };
  const side = values.side ?? process.env.FANOUT_SIDE ?? "both";
  if (!["ours", "grammy", "both"].includes(side)) throw new Error(`--side: ours, grammy or both, got ${side}`);
  const concurrency = values.concurrency ?? process.env.FANOUT_CONCURRENCY;
  return {
    limit: int("limit", values.limit, process.env.FANOUT_LIMIT, 100, 1),
    recipients: int("recipients", values.recipients, process.env.FANOUT_RECIPIENTS, 3000, 1),
    retryAfter: int("retry-after", values["retry-after"], process.env.FANOUT_RETRY_AFTER, 1, 1),
    perChatMs: int("per-chat-ms", values["per-chat-ms"], process.env.FANOUT_PER_CHAT_MS, 1000, 0),
    latencyMs: int("latency", values.latency, process.env.FANOUT_LATENCY_MS, 0, 0),
    jitterMs: int("jitter", values.jitter, process.env.FANOUT_JITTER_MS, 0, 0),
    throttle: throttle(values.throttle ?? process.env.FANOUT_THROTTLE ?? "current"),
    concurrency: concurrency === undefined || concurrency === "" ? undefined : int("concurrency", concurrency, undefined, 16, 1),
    sides: side === "both" ? (["ours", "grammy"] as const) : ([side] as ["ours" | "grammy"]),
    timeline: values.timeline ?? false,
    sameThread: values["same-thread"] ?? process.env.FANOUT_SAME_THREAD === "1",
  };
}

function print(f: SideFigures, extra: string[], timeline: boolean) {
  const pct = (n: number) => `${n.toFixed(1)}%`;
  const lines = [
    `── ${f.side} ──`,
    `  elapsed           ${f.elapsedS.toFixed(2)} s${extra.length ? `   (${extra.join(", ")})` : ""}`,
    `  accepted          ${f.accepted} messages, ${f.delivered}/${f.recipients} recipients reached`,
    `  rate, first→last  ${f.spanRate.toFixed(2)} msg/s over ${f.spanS.toFixed(2)} s = ${pct(f.spanPct)} of ${f.limit}/s`,
    `  rate, wall        ${f.wallRate.toFixed(2)} msg/s over ${f.elapsedS.toFixed(2)} s = ${pct(f.wallPct)} of ${f.limit}/s`,
    `  429s received     ${f.tooMany}${f.tooManyPerChat ? ` (+${f.tooManyPerChat} per-chat)` : ""}`,
    `  lost              ${f.lost}`,
    `  duplicates        ${f.duplicates}${f.wrong ? `   wrong chat/text: ${f.wrong}` : ""}`,
    `  busiest second    ${f.peakWindow} accepted`,
    `  sender side       ${Object.entries(f.senderSays)
      .map(([k, v]) => `${k}=${v}`)
      .join(" ")}`,
  ];
  if (timeline) {
    lines.push(`  accepted/s        ${f.timeline.accepted.join(" ")}`);
    lines.push(`  429s/s            ${f.timeline.tooMany.join(" ")}`);
  }
  console.log(lines.join("\n"));
}

async function main() {
  const o = options();
  const recipients = Array.from({ length: o.recipients }, (_, i) => String(700_000_000 + i));
  const textOf = (chatId: string) => `Vùng Xanh: nhắc báo cáo tháng (${chatId})`;
  const fakeOptions: FakeBotApiOptions = {
    token: TOKEN,
    limit: o.limit,
    retryAfter: o.retryAfter,
    perChatMs: o.perChatMs,
    latencyMs: o.latencyMs,
    jitterMs: o.jitterMs,
  };
  // Past this a side is stopped and what it did not deliver counts as lost.
  const timeoutS = Math.ceil((3 * o.recipients) / o.limit) + 60;

  console.log(
    `fan-out bench: ${o.recipients} recipients, limit ${o.limit} msg/s (sliding 1 s window), retry_after ${o.retryAfter} s, ` +
      `per-chat ${o.perChatMs ? `${o.perChatMs} ms` : "off"}, latency ${o.latencyMs} ms, jitter 0-${o.jitterMs} ms, ` +
      `our dispatcher concurrency ${o.concurrency ?? "default (16)"}, our throttle ${o.throttle.kind === "current" ? "src/outbox/throttle.ts" : `${throttleName(o.throttle)} (bench/fanout/proposed-throttle.ts)`}, fake ${o.sameThread ? "on the main thread" : "in a worker thread"}, node ${process.version}`,
  );
  console.log(`ideal: ${round(o.recipients / o.limit, 1)} s per side`);

  const results: SideFigures[] = [];
  for (const side of o.sides) {
    const fake = await startFakeBotApi(fakeOptions, o.sameThread ? "here" : "worker");
    try {
      if (side === "ours") {
        const r = await runOurs({ fake, token: TOKEN, limit: o.limit, recipients, textOf, concurrency: o.concurrency, throttle: o.throttle, timeoutS });
        const f = figures({ side: `ours (outbox + dispatcher + ${o.throttle.kind === "current" ? "throttled" : throttleName(o.throttle)})`, fake: r.records, limit: o.limit, recipients, textOf, ...r });
        print(f, [`queueing ${o.recipients} outbox rows before: ${r.enqueueS.toFixed(2)} s`], o.timeline);
        results.push(f);
      } else {
        const r = await runGrammy({ fake, token: TOKEN, limit: o.limit, recipients, textOf });
        const f = figures({ side: "grammY + transformer-throttler + auto-retry", fake: r.records, limit: o.limit, recipients, textOf, ...r });
        print(f, [], o.timeline);
        results.push(f);
      }
    } finally {
      await fake.close();
    }
  }

  const json = {
    limit: o.limit,
    recipients: o.recipients,
    retryAfterS: o.retryAfter,
    perChatMs: o.perChatMs,
    latencyMs: o.latencyMs,
    jitterMs: o.jitterMs,
    ourThrottle: throttleName(o.throttle),
    ...Object.fromEntries(
      results.map((f, i) => {
        const { timeline: _timeline, side: _side, limit: _limit, recipients: _recipients, ...rest } = f;
        return [o.sides[i]!, rest];
      }),
    ),
  };
  console.log(JSON.stringify(json));
  const ours = results.find((_, i) => o.sides[i] === "ours");
  if (ours) {
    const met = ours.spanPct >= 95 && ours.lost === 0 && ours.duplicates === 0;
    console.log(`goal (ours: ≥ 95% of the limit first→last, 0 lost, 0 duplicates): ${met ? "met" : "NOT met"}`);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
