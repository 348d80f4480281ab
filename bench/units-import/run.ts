/**
 * How long `units import` takes for a town-sized list: 10,000 rows as CSV and as XLSX, into an
 * empty database (all added) and again with every household count changed (all updated).
 * Prints the in-process time of the import (parse, check, one transaction) and the whole CLI run
 * (`npm run admin`, with its start and migration). `npm run bench:units-import`.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { runAdmin } from "../../src/admin/run.ts";
import { openDb } from "../../src/store/client.ts";
import { migrate } from "../../src/store/migrate.ts";

const ROWS = 10_000;
const RUNS = 3;
const CLASSES = ["trọng điểm", "đã có người nghiện", "chưa có"];

function rows(offset: number) {
  return Array.from({ length: ROWS }, (_, i) => [`Khu phố Tân Thành ${String(i + 1).padStart(5, "0")}`, String(100 + ((i + offset) % 400)), CLASSES[(i + offset) % 3]!]);
}

function writeCsv(file: string, offset: number) {
  fs.writeFileSync(file, ["Tên,Số hộ,Phân loại", ...rows(offset).map((r) => r.join(","))].join("\n"));
}

async function writeXlsx(file: string, offset: number) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Danh sách");
  ws.addRow(["Tên", "Số hộ", "Phân loại"]);
  for (const r of rows(offset)) ws.addRow([r[0], Number(r[1]), r[2]]);
  await wb.xlsx.writeFile(file);
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `${s[0]!.toFixed(0)} / ${s[Math.floor(s.length / 2)]!.toFixed(0)} / ${s.at(-1)!.toFixed(0)} ms`;
};

/** Wall-clock and CPU (user + system) milliseconds of one import. */
async function timed(fn: () => Promise<void>): Promise<{ wall: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const c = process.cpuUsage(c0);
  return { wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 };
}

async function inProcess(file: string, second: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vungxanh-bench-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  await migrate(url);
  const db = await openDb(url);
  const io = { db, out: () => {}, err: (l: string) => console.error(l), now: new Date() };
  const added = await timed(async () => {
    if ((await runAdmin(["units", "import", file], io)) !== 0) throw new Error("import failed");
  });
  const updated = await timed(async () => {
    if ((await runAdmin(["units", "import", second], io)) !== 0) throw new Error("second import failed");
  });
  const count = await db.unit.count();
  if (count !== ROWS) throw new Error(`expected ${ROWS} units, got ${count}`);
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
  return [added, updated] as const;
}

function cli(file: string): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vungxanh-bench-"));
  const t0 = performance.now();
  const run = spawnSync(process.execPath, ["--import", "tsx", "src/admin/cli.ts", "units", "import", file], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: `file:${path.join(dir, "cli.db")}` },
    encoding: "utf8",
  });
  const ms = performance.now() - t0;
  if (run.status !== 0) throw new Error(run.stderr);
  fs.rmSync(dir, { recursive: true, force: true });
  return ms;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vungxanh-bench-files-"));
const files = { csv: path.join(dir, "a.csv"), csv2: path.join(dir, "b.csv"), xlsx: path.join(dir, "a.xlsx"), xlsx2: path.join(dir, "b.xlsx") };
writeCsv(files.csv, 0);
writeCsv(files.csv2, 1);
await writeXlsx(files.xlsx, 0);
await writeXlsx(files.xlsx2, 1);

for (const [format, first, second] of [["csv", files.csv, files.csv2], ["xlsx", files.xlsx, files.xlsx2]] as const) {
  const added: { wall: number; cpu: number }[] = [];
  const updated: { wall: number; cpu: number }[] = [];
  const whole: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const [a, u] = await inProcess(first, second);
    added.push(a);
    updated.push(u);
    whole.push(cli(first));
  }
  const both = (xs: { wall: number; cpu: number }[]) => `wall ${stats(xs.map((x) => x.wall))}, CPU ${stats(xs.map((x) => x.cpu))}`;
  console.log(`${format}, ${ROWS} rows (min / median / max of ${RUNS}; the machine is shared: CPU is the steadier figure):`);
  console.log(`  import into an empty database (all added):   ${both(added)}`);
  console.log(`  import again, every row changed (updated):   ${both(updated)}`);
  console.log(`  whole CLI run, wall (start, migrate, import): ${stats(whole)}`);
}
fs.rmSync(dir, { recursive: true, force: true });
