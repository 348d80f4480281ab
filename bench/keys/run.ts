/**
 * Backup and key-rotation bench, run by hand: `npx tsx bench/keys/run.ts [ROWS]`.
 *
 * Builds a migrated SQLite database holding ROWS (default 50000) sealed outbox messages and
 * ROWS/10 people with a channel identity each, under one key, then times on it:
 *   backup      `backup FILE` (SQLite online backup, switched out of WAL, checked)
 *   rotate-key  every sealed value re-sealed and every tag recomputed under a second key
 *               (default batches of 500 rows per transaction)
 * Prints the figures and one line of JSON. Nothing else is running on the file.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { backupDatabase } from "../../src/admin/backup.ts";
import { rotateKey } from "../../src/admin/rotate-key.ts";
import { openDb } from "../../src/store/client.ts";
import { checkDataKey } from "../../src/store/key-check.ts";
import { chatTag, keyring, useDataKey } from "../../src/store/keyring.ts";
import { migrate } from "../../src/store/migrate.ts";
import { touchIdentity } from "../../src/store/people.ts";

const rows = Number(process.argv[2] ?? 50_000);
const OLD = Buffer.alloc(32, 3).toString("base64");
const NEW = Buffer.alloc(32, 4).toString("base64");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vungxanh-bench-keys-"));
const file = path.join(dir, "bench.db");
await migrate(`file:${file}`);
useDataKey(OLD);
const db = await openDb(`file:${file}`);
await checkDataKey(db, OLD);
const people = Math.max(1, Math.floor(rows / 10));
await db.$transaction(async (tx) => {
  for (let i = 0; i < people; i++) await touchIdentity(tx, { channel: "telegram", externalUserId: `${1000 + i}`, chatId: `${1000 + i}` }, new Date());
});
for (let start = 0; start < rows; start += 5000) {
  const n = Math.min(5000, rows - start);
  await db.outboxMessage.createMany({
    data: Array.from({ length: n }, (_, k) => {
      const chat = `${1000 + ((start + k) % people)}`;
      return { channel: "telegram", chatId: chatTag("telegram", chat), chatRef: keyring().seal(chat), payload: keyring().seal(JSON.stringify({ text: `Thông báo số ${start + k}` })), status: "sent" };
    }),
  });
}
await db.$disconnect();
const size = fs.statSync(file).size;

let t = performance.now();
const backup = await backupDatabase(file, path.join(dir, "backup.db"));
const backupMs = performance.now() - t;

t = performance.now();
let last = performance.now();
const rotation = rotateKey(file, OLD, NEW, { batch: 500, progress: process.env.BENCH_PROGRESS ? (line) => { const now = performance.now(); console.log(`${(now - last).toFixed(0)} ms ${line}`); last = now; } : undefined });
const rotateMs = performance.now() - t;

console.log(`database: ${rows} outbox rows, ${people} people, ${(size / 1e6).toFixed(1)} MB`);
console.log(`backup:     ${backupMs.toFixed(0)} ms (${(backup.bytes / 1e6).toFixed(1)} MB)`);
console.log(`rotate-key: ${rotateMs.toFixed(0)} ms (${rotation.resealed} values re-sealed, ${rotation.retagged} tags recomputed; ${((rotation.resealed + rotation.retagged) / (rotateMs / 1000)).toFixed(0)} per second)`);
console.log(JSON.stringify({ rows, people, bytes: size, backupMs: Math.round(backupMs), rotateMs: Math.round(rotateMs), resealed: rotation.resealed, retagged: rotation.retagged }));
fs.rmSync(dir, { recursive: true, force: true });
