/**
 * Console bench, run by hand: `npx tsx bench/console/run.ts [--units 1000] [--months 24] [--runs 5]`.
 *
 * Fills a fresh database with that many units, each with a report for every one of the last
 * months, then times the overview (`/console`), the green-zone grid (`/console/green`) and one
 * unit's page through our real server, signed in as an officer. Prints the median and worst time
 * of each and the size of the HTML.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { loadConfig } from "../../src/config.ts";
import { shiftPeriod } from "../../src/console/green-data.ts";
import { createLogger } from "../../src/logger.ts";
import { createServer } from "../../src/server.ts";
import { openDb } from "../../src/store/client.ts";
import { openConsoleSession } from "../../src/store/console-sessions.ts";
import { migrate } from "../../src/store/migrate.ts";
import { touchIdentity } from "../../src/store/people.ts";
import { addGrant } from "../../src/store/roles.ts";

const { values } = parseArgs({ options: { units: { type: "string" }, months: { type: "string" }, runs: { type: "string" } } });
const units = Number(values.units ?? 1000);
const months = Number(values.months ?? 24);
const runs = Number(values.runs ?? 5);
const NOW = new Date("2026-11-27T03:00:00Z");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vungxanh-console-"));
const url = `file:${dir}/bench.db`;
await migrate(url);
const db = await openDb(url);
const config = loadConfig({ DATABASE_URL: url, DATA_KEY: Buffer.alloc(32, 9).toString("base64"), LOG_LEVEL: "silent" });
const server = createServer({ config, db, log: createLogger("silent"), scheduler: false, clock: () => NOW });
const base = `http://127.0.0.1:${await server.listen(0)}`;
await server.start();

const seeded = performance.now();
const classes = ["priority", "has_cases", "clean"] as const;
await db.unit.createMany({
  data: Array.from({ length: units }, (_, i) => ({ name: `Khu phố ${i + 1}`, searchName: `khu pho ${i + 1}`, households: 100, classification: classes[i % 3]! })),
});
const ids = (await db.unit.findMany({ select: { id: true } })).map((u) => u.id);
const { person } = await touchIdentity(db, { channel: "simulator", externalUserId: "officer", chatId: "officer" }, NOW);
await addGrant(db, person.id, { role: "officer", unitId: null }, "bench", NOW);
const periods = Array.from({ length: months }, (_, i) => shiftPeriod("2026-11", -i));
for (const period of periods) {
  await db.monthlyReport.createMany({
    data: ids
      .filter((id) => id % 7 !== period.charCodeAt(6) % 7)
      .map((unitId) => ({
        unitId,
        period,
        addicts: unitId % 4 === 0 ? 0 : unitId % 5,
        suspected: 0,
        newCases: 0,
        familyRehab: 0,
        compulsoryReferrals: 0,
        relapses: 0,
        householdsCommitted: 50,
        propagandaSessions: 1,
        incidents: 0,
        suspectedSpots: 0,
        warnings: "[]",
        submittedById: person.id,
        submittedAt: new Date(`${period}-20T03:00:00Z`),
      })),
  });
}
console.log(`seeded ${units} units × ${months} months in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

const { id } = await openConsoleSession(db, person.id, NOW);
const cookie = `vx_console=${id}`;
for (const page of ["/console", "/console/green", `/console/units/${ids[0]}`]) {
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const res = await fetch(`${base}${page}`, { headers: { cookie }, redirect: "manual" });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${page} answered ${res.status}`);
    times.push(performance.now() - started);
    size = body.length;
  }
  times.sort((a, b) => a - b);
  console.log(`${page.padEnd(20)} median ${times[Math.floor(runs / 2)]!.toFixed(0)} ms, worst ${times.at(-1)!.toFixed(0)} ms, ${(size / 1024).toFixed(0)} KiB`);
}
await server.stop();
await db.$disconnect();
fs.rmSync(dir, { recursive: true, force: true });
