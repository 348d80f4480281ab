/**
 * Console administration bench, run by hand: `npx tsx bench/console-admin/run.ts [--units 10000] [--runs 3]`.
 *
 * A fresh database with that many units; through our real server, signed in as an officer, times
 * the units page, the announcements page (one audience line per unit), and a list import of the
 * same size (a tenth new, a tenth changed): the upload with its rolled-back trial (preview), then
 * the confirm. Prints the median and worst of each and the size of the HTML.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";
import { createServer } from "../../src/server.ts";
import { openDb } from "../../src/store/client.ts";
import { openConsoleSession } from "../../src/store/console-sessions.ts";
import { migrate } from "../../src/store/migrate.ts";
import { touchIdentity } from "../../src/store/people.ts";
import { addGrant } from "../../src/store/roles.ts";

const { values } = parseArgs({ options: { units: { type: "string" }, runs: { type: "string" } } });
const units = Number(values.units ?? 10_000);
const runs = Number(values.runs ?? 3);
const NOW = new Date("2026-11-27T03:00:00Z");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vungxanh-console-admin-"));
const url = `file:${dir}/bench.db`;
await migrate(url);
const db = await openDb(url);
const config = loadConfig({ DATABASE_URL: url, DATA_KEY: Buffer.alloc(32, 9).toString("base64"), LOG_LEVEL: "silent" });
const server = createServer({ config, db, log: createLogger("silent"), scheduler: false, clock: () => NOW });
const base = `http://127.0.0.1:${await server.listen(0)}`;
await server.start();

await db.unit.createMany({ data: Array.from({ length: units }, (_, i) => ({ name: `Khu phố ${i + 1}`, searchName: `khu pho ${i + 1}`, households: 100, classification: "clean" })) });
const { person } = await touchIdentity(db, { channel: "simulator", externalUserId: "officer", chatId: "officer" }, NOW);
await addGrant(db, person.id, { role: "officer", unitId: null }, "bench", NOW);
const session = await openConsoleSession(db, person.id, NOW);
const cookie = `vx_console=${session.id}`;

const report = (label: string, times: number[], size?: number) => {
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(28)} median ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms, worst ${times.at(-1)!.toFixed(0)} ms${size === undefined ? "" : `, ${(size / 1024).toFixed(0)} KiB`}`);
};

for (const page of ["/console/admin/units", "/console/admin/announcements"]) {
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const res = await fetch(`${base}${page}`, { headers: { cookie }, redirect: "manual" });
    size = (await res.text()).length;
    if (res.status !== 200) throw new Error(`${page} answered ${res.status}`);
    times.push(performance.now() - started);
  }
  report(page, times, size);
}

// A tenth of the units get new households, and a tenth of the list is new units.
const lines = ["Tên,Số hộ,Phân loại"];
for (let i = 1; i <= units; i++) lines.push(`Khu phố ${i},${i % 10 === 0 ? 120 : 100},clean`);
for (let i = 1; i <= units / 10; i++) lines.push(`Thôn ${i},50,clean`);
const csv = Buffer.from(lines.join("\n"));
const previews: number[] = [];
let location = "";
for (let i = 0; i < runs; i++) {
  const form = new FormData();
  form.append("file", new Blob([csv]), "list.csv");
  const started = performance.now();
  const posted = await fetch(`${base}/console/admin/units/import?_csrf=${session.csrf}`, { method: "POST", body: form, headers: { cookie }, redirect: "manual" });
  location = posted.headers.get("location") ?? "";
  const page = await fetch(`${base}${location}`, { headers: { cookie }, redirect: "manual" });
  const body = await page.text();
  previews.push(performance.now() - started);
  if (!body.includes(`thêm ${(units / 10).toLocaleString("vi")}`) && !body.includes(`thêm ${units / 10}`)) throw new Error(`unexpected preview: ${body.slice(body.indexOf("<main"), body.indexOf("<main") + 600)}`);
}
report(`import preview (${(csv.length / 1024).toFixed(0)} KiB CSV)`, previews);
const started = performance.now();
const confirmed = await fetch(`${base}${location}`, { method: "POST", headers: { cookie, "content-type": "application/x-www-form-urlencoded" }, body: `_csrf=${session.csrf}`, redirect: "manual" });
if (confirmed.status !== 303) throw new Error(`confirm answered ${confirmed.status}`);
report("import confirm", [performance.now() - started]);
console.log(`units now: ${await db.unit.count()}`);
await server.stop();
await db.$disconnect();
fs.rmSync(dir, { recursive: true, force: true });
