/**
 * Guessing bench, run by hand: `npm run bench:guesses` (or `npx tsx bench/guesses/run.ts`).
 *
 * One person sends `/join WRONG…` codes back to back through the simulator's API of our real
 * server (SQLite, inbox, outbox) for a few seconds, then prints how many guesses were actually
 * checked against the invite table and how many were turned away by the wrong-code limit. Before
 * the limit every guess was checked (about 109 a second); now 5 per 15 minutes per person are.
 * Also prints what the grapheme-safe splitter costs on a long text.
 *
 *   --seconds / BENCH_SECONDS   how long to guess (5)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { splitText } from "../../src/domain/split.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";
import { createServer } from "../../src/server.ts";
import { openDb } from "../../src/store/client.ts";
import { migrate } from "../../src/store/migrate.ts";
import { simulatorMessages } from "../../src/store/simulator.ts";

const { values } = parseArgs({ options: { seconds: { type: "string" } } });
const seconds = Number(values.seconds ?? process.env.BENCH_SECONDS ?? 5);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vungxanh-guesses-"));
const url = `file:${dir}/bench.db`;
await migrate(url);
const db = await openDb(url);
const config = loadConfig({ DATABASE_URL: url, SIMULATOR: "on", DATA_KEY: Buffer.alloc(32, 9).toString("base64"), LOG_LEVEL: "silent" });
const server = createServer({ config, db, log: createLogger("silent"), scheduler: false });
const base = `http://127.0.0.1:${await server.listen(0)}`;
await server.start();

let sent = 0;
const started = performance.now();
while (performance.now() - started < seconds * 1000) {
  const code = `WRONG${String(sent % 1000).padStart(3, "2")}`.replace(/[01]/g, "2");
  const res = await fetch(`${base}/simulator/api/send`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ user: "guesser", text: `/join ${code}` }),
  });
  if (!res.ok) throw new Error(`simulator answered ${res.status}`);
  sent++;
}
const elapsed = (performance.now() - started) / 1000;
await server.inbox.idle();
await server.dispatcher.flush();
const replies = (await simulatorMessages(db, "guesser", 0)).map((r) => String((r.payload as { text?: string }).text ?? ""));
const checked = replies.filter((t) => t.includes("không đúng")).length;
const refused = replies.filter((t) => t.includes("thử lại sau")).length;
await server.stop();
await db.$disconnect();
fs.rmSync(dir, { recursive: true, force: true });

console.log(`guesses sent: ${sent} in ${elapsed.toFixed(1)} s (${(sent / elapsed).toFixed(0)}/s, one person)`);
console.log(`checked against invites: ${checked}; refused by the limit ("thử lại sau"): ${refused}`);

// The splitter's worst case: 40,000 characters of Vietnamese and emoji with no line break or
// space, so every cut is found by Intl.Segmenter.
const text = "NguyễnThịHồng👨‍👩‍👧‍👦báocáo".repeat(1600).slice(0, 40_000);
const rounds = 200;
const t0 = performance.now();
for (let i = 0; i < rounds; i++) splitText(text, 4096);
console.log(`splitText 40,000 chars into ${splitText(text, 4096).length} parts: ${((performance.now() - t0) / rounds).toFixed(2)} ms per text`);
