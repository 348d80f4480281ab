/**
 * What the outbox's database calls cost with a fan-out's worth of rows queued, run by hand:
 * `npx tsx bench/fanout/profile-db.ts [--recipients 3000]`. Each call is synchronous SQLite under
 * Prisma, so its time is time the event loop (and every send in flight) is held up.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDb } from "../../src/store/client.ts";
import { migrate } from "../../src/store/migrate.ts";
import { claimMessage, dueMessages, enqueue, markSent } from "../../src/store/outbox.ts";

const { values } = parseArgs({ options: { recipients: { type: "string" } } });
const n = Number(values.recipients ?? 3000);

async function time<T>(label: string, times: number, f: (i: number) => Promise<T>) {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await f(i);
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  const q = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!;
  console.log(
    `${label.padEnd(52)} ×${String(times).padStart(5)}  mean ${mean.toFixed(2)} ms  p50 ${q(0.5).toFixed(2)}  p99 ${q(0.99).toFixed(2)}  max ${q(1).toFixed(2)}`,
  );
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vungxanh-fanout-profile-"));
const url = `file:${path.join(dir, "bench.db")}`;
try {
  await migrate(url);
  const db = await openDb(url);
  const now = new Date();
  const row = (i: number) => ({ channel: "telegram", chatId: String(700_000_000 + i), personId: null, payload: { text: `hello ${i}` }, idempotencyKey: `bench:${i}` });
  console.log(`${n} rows, SQLite via Prisma (better-sqlite3 adapter), node ${process.version}`);
  await time("enqueue (own statement each, no transaction)", Math.min(n, 500), (i) => enqueue(db, row(i), now));
  const first = Math.min(n, 500);
  await db.$transaction(
    async (tx) => {
      await time("enqueue (inside one transaction)", n - first, (i) => enqueue(tx, row(first + i), now));
    },
    { timeout: 120_000 },
  );
  await time(`dueMessages(db, now, 200) with ${n} pending`, 20, () => dueMessages(db, now, 200));
  await time("outboxMessage.count(pending|sending)", 50, () => db.outboxMessage.count({ where: { status: { in: ["pending", "sending"] } } }));
  const due = (await dueMessages(db, now, 200)).rows;
  await time("claimMessage", due.length, (i) => claimMessage(db, due[i]!.id));
  await time("markSent", due.length, (i) => markSent(db, due[i]!.id, now));
  await time(`dueMessages(db, now, 200) with ${n - due.length} pending`, 20, () => dueMessages(db, now, 200));
  await db.$disconnect();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
