/**
 * Job re-run bench, run by hand: `npx tsx bench/jobs/rerun.ts [--heads N] [--runs R]`.
 *
 * Since a run queues every due message not queued before (once per person and item, read from
 * the outbox keys), a run by hand, a catch-up or a join reads what was sent. This prints what
 * that costs on a fresh SQLite database with N heads (each in their own unit, reachable on the
 * simulator): the first `report-prompt` run (N queued), a re-run of the same instant (N already
 * sent, nothing queued), and the at-join check for one more head (one prompt queued), each the
 * median of R tries (min–max), then one line of JSON.
 */
import { registry } from "../../features/index.ts";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createLogger } from "../../src/logger.ts";
import { queueOwedToNewcomer } from "../../src/scheduler/newcomer.ts";
import { runJob } from "../../src/scheduler/runner.ts";
import { loadSchedule } from "../../src/scheduler/schedule.ts";
import { openDb, type Db } from "../../src/store/client.ts";
import { useDataKey } from "../../src/store/keyring.ts";
import { migrate } from "../../src/store/migrate.ts";
import { touchIdentity } from "../../src/store/people.ts";

const { values } = parseArgs({ options: { heads: { type: "string", default: "1000" }, runs: { type: "string", default: "3" } } });
const HEADS = Number(values.heads);
const RUNS = Number(values.runs);
const TZ = "Asia/Ho_Chi_Minh";
const schedule = loadSchedule({}, registry.jobs);
const log = createLogger("silent");
const PROMPT_AT = new Date("2026-11-20T01:00:00Z");
const JOIN_AT = new Date("2026-11-21T03:00:00Z");

useDataKey(Buffer.alloc(32, 7).toString("base64"));

async function head(db: Db, i: number) {
  const unit = await db.unit.create({ data: { name: `Khu phố ${i}`, searchName: `khu pho ${i}`, households: 100 } });
  const { person } = await touchIdentity(db, { channel: "simulator", externalUserId: `h${i}`, chatId: `h${i}` }, JOIN_AT);
  await db.person.update({ where: { id: person.id }, data: { role: "head", unitId: unit.id } });
  return person.id;
}

async function once(): Promise<{ first: number; rerun: number; join: number; queued: number; alreadySent: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vungxanh-jobs-bench-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  try {
    await migrate(url);
    const db = await openDb(url);
    try {
      for (let i = 0; i < HEADS; i++) await head(db, i);
      const deps = { db, schedule, timeZone: TZ, log };
      let t = performance.now();
      const first = await runJob(deps, "report-prompt", PROMPT_AT, "manual", JOIN_AT);
      const firstMs = performance.now() - t;
      t = performance.now();
      const again = await runJob(deps, "report-prompt", PROMPT_AT, "manual", JOIN_AT);
      const rerunMs = performance.now() - t;
      const late = await head(db, HEADS);
      t = performance.now();
      const joined = await db.$transaction((tx) => queueOwedToNewcomer(tx, { personId: late, role: "head" }, { schedule, timeZone: TZ }, JOIN_AT));
      const joinMs = performance.now() - t;
      if (first.queued !== HEADS || again.queued !== 0 || again.alreadySent !== HEADS || joined !== 1) {
        throw new Error(`unexpected counts: first ${JSON.stringify(first)}, again ${JSON.stringify(again)}, at join ${joined}`);
      }
      return { first: firstMs, rerun: rerunMs, join: joinMs, queued: first.queued, alreadySent: again.alreadySent };
    } finally {
      await db.$disconnect();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const tries: Awaited<ReturnType<typeof once>>[] = [];
for (let r = 0; r < RUNS; r++) tries.push(await once());
const stat = (k: "first" | "rerun" | "join") => {
  const xs = tries.map((x) => x[k]).sort((a, b) => a - b);
  return { median: Math.round(xs[Math.floor(xs.length / 2)]!), min: Math.round(xs[0]!), max: Math.round(xs.at(-1)!) };
};
const result = { heads: HEADS, runs: RUNS, firstRunMs: stat("first"), rerunMs: stat("rerun"), atJoinMs: stat("join") };
console.log(`${HEADS} heads, ${RUNS} tries, median (min–max):`);
console.log(`  first report-prompt run, ${HEADS} queued:        ${result.firstRunMs.median} ms (${result.firstRunMs.min}–${result.firstRunMs.max})`);
console.log(`  re-run of the same instant, ${HEADS} already sent: ${result.rerunMs.median} ms (${result.rerunMs.min}–${result.rerunMs.max})`);
console.log(`  one head joining late, prompt at join:   ${result.atJoinMs.median} ms (${result.atJoinMs.min}–${result.atJoinMs.max})`);
console.log(JSON.stringify(result));
