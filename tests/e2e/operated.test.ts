import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../admin/harness.ts";
import { startFakeTelegram, type FakeTelegram } from "../support/fake-telegram.ts";

// The product as it is operated: `npm start` as one process, each `npm run admin -- …` as another,
// on one SQLite file. Nothing here runs in-process: the database is shared only through the file.

const root = path.resolve(import.meta.dirname, "..", "..");
const SECRET = "e2e-secret_1";
const DATA_KEY = Buffer.alloc(32, 9).toString("base64");
/** The machine is shared: starting a process can take many seconds. */
const SLOW = { timeout: 90_000, interval: 200 };

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `npm start`, as its own process, with only the given environment. */
function startServer(env: Record<string, string>): Running {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: os.tmpdir(), LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  children.push(child);
  return { child, output: () => out, exited };
}

const children: ChildProcess[] = [];
const dirs: string[] = [];
const fakes: FakeTelegram[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      child.kill("SIGKILL");
    }
  }
  for (const fake of fakes.splice(0)) await fake.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** The migration folders of this checkout, in order. */
const knownMigrations = () =>
  fs
    .readdirSync(path.join(root, "prisma", "migrations"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vungxanh-operated-"));
  dirs.push(dir);
  return dir;
}

/** The migrations the database records, as (name, finished) pairs, read straight from the file. */
function migrationRows(file: string): { migration_name: string; finished_at: unknown }[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name").all() as never;
  } finally {
    db.close();
  }
}

describe("operated: the server and the admin as separate processes on one database", () => {
  it("runs every admin command of the README beside the server while a head files a report over the webhook", async () => {
    const dir = tempDir();
    const file = path.join(dir, "data", "vungxanh.db");
    const fake = await startFakeTelegram();
    fakes.push(fake);
    const port = await freePort();
    const env = {
      DATABASE_URL: `file:${file}`,
      DATA_KEY,
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_MODE: "webhook",
      TELEGRAM_WEBHOOK_SECRET: SECRET,
    };
    const server = startServer({ ...env, PORT: String(port) });
    await expect.poll(server.output, SLOW).toContain("Vùng Xanh is running");

    const admin = async (...argv: string[]) => {
      const result = await runCli(env, ...argv);
      expect(result.stderr, argv.join(" ")).toBe("");
      expect(result.code, `${argv.join(" ")}\n${result.stdout}`).toBe(0);
      return result.stdout.trimEnd().split("\n");
    };

    const HEAD = 7001;
    let updateId = 1;
    /** The head sends `text` (or taps a button) through the webhook; resolves with what the bot answered. */
    const head = async (input: { text: string } | { press: string }, expected: RegExp) => {
      const before = fake.sentTo(HEAD).length;
      const from = { id: HEAD, is_bot: false, first_name: "Head" };
      const chat = { id: HEAD, type: "private" };
      const update =
        "text" in input
          ? { update_id: updateId++, message: { message_id: updateId, from, chat, date: 1, text: input.text } }
          : { update_id: updateId++, callback_query: { id: `cq${updateId}`, from, chat_instance: "x", data: input.press, message: { message_id: 1, date: 1, chat } } };
      const res = await fetch(`http://127.0.0.1:${port}/telegram/webhook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
        body: JSON.stringify(update),
      });
      expect(res.status).toBe(200);
      const replies = () => fake.sentTo(HEAD).slice(before).map((r) => r.text).join("\n");
      await expect.poll(replies, SLOW).toMatch(expected);
      return replies();
    };

    expect(await admin("units", "add", "Khu phố Nguyễn Trãi", "--households", "150", "--class", "priority")).toEqual([
      "added unit 1: Khu phố Nguyễn Trãi (150 households, priority)",
    ]);
    const headCode = (await admin("invite", "head", "--unit", "nguyen trai")).at(-1)!;
    expect(headCode).toMatch(/^[A-Z0-9]{8}$/);
    await head({ text: `/join ${headCode}` }, /Bạn đã là/);
    const opening = await head({ text: "/baocao" }, /\(1\/11\)/);
    const [, mm, yyyy] = /Báo cáo tháng (\d{2})\/(\d{4})/.exec(opening)!;
    const month = `${yyyy}-${mm}`;

    // Each admin command runs while the head's next answer goes through the webhook.
    const values = ["12", "4", "2", "5", "1", "1", "120", "3", "1", "2"];
    const xlsx = path.join(dir, "bao-cao.xlsx");
    const steps: [string[], (lines: string[]) => void][] = [
      [["units", "list"], (l) => expect(l.join("\n")).toMatch(/1\s+Khu phố Nguyễn Trãi\s+150\s+priority/)],
      [["invite", "officer"], (l) => expect(l.at(-1)).toMatch(/^[A-Z0-9]{8}$/)],
      [["invite", "mentor", "--unit", "Nguyễn Trãi"], (l) => expect(l.at(-1)).toMatch(/^[A-Z0-9]{8}$/)],
      [["cases", "add", "CN-01", "--unit", "nguyen trai", "--name", "Nguyễn Văn An", "--start", "2026-10-01"], (l) => expect(l[0]).toContain("opened case CN-01 in Khu phố Nguyễn Trãi")],
      [["invite", "mentor", "--case", "CN-01"], (l) => expect(l.at(-1)).toMatch(/^[A-Z0-9]{8}$/)],
      [["cases", "list", "--names"], (l) => expect(l.join("\n")).toMatch(/CN-01[\s\S]*Nguyễn Văn An/)],
      [["cases", "status", "CN-01", "completed"], (l) => expect(l).toEqual(["case CN-01: active → completed"])],
      [["jobs", "list"], (l) => expect(l.filter((line) => /next .* last /.test(line))).toHaveLength(6)],
      [["export", "--month", month], (l) => expect(l[1]).toMatch(/^Khu phố Nguyễn Trãi,.*missing/)],
      [["export", "--month", month, "--format", "xlsx", "--out", xlsx], () => expect(fs.existsSync(xlsx)).toBe(true)],
    ];
    for (const [i, [argv, check]] of steps.entries()) {
      const [lines] = await Promise.all([admin(...argv), head({ text: values[i]! }, new RegExp(`\\(${i + 2}/11\\)`))]);
      check(lines);
    }
    const [summary] = await Promise.all([head({ text: "Cần thêm kinh phí" }, /Gửi báo cáo này\?/), admin("jobs", "run", "report-reminder", "--at", `${month}-25T08:00:00+07:00`)]);
    expect(summary).toContain("1. Số người nghiện có hồ sơ quản lý: 12");
    await head({ press: "yes" }, new RegExp(`Đã gửi báo cáo tháng ${mm}/${yyyy} của Khu phố Nguyễn Trãi`));

    // Stored as answered: the export (a third process) reads what the server wrote.
    const csv = await admin("export", "--month", month);
    expect(csv[1]).toMatch(/^Khu phố Nguyễn Trãi,12,4,2,5,1,1,120,3,1,2,Cần thêm kinh phí,submitted,\d{4}-/);
    expect(await admin("export", "--month", month, "--format", "xlsx", "--out", xlsx)).toEqual([`wrote ${xlsx}: ${month}, 1 of 1 units reported`]);
    // The review report of that month, as a third process reads it: filed, and not green (12 addicts).
    const docx = path.join(dir, "so-ket.docx");
    expect(await admin("review", "--from", month, "--to", month, "--out", docx)).toEqual([
      `wrote ${docx}: ${month} to ${month}, 1 of 1 monthly reports, 0 green units in ${month}`,
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const numbers: unknown[] = [];
    workbook.worksheets[0]!.eachRow((row) => {
      // The unit's column follows the STT column; its ten counts follow it.
      const at = [1, 2, 3].find((c) => row.getCell(c).value === "Khu phố Nguyễn Trãi");
      if (at) for (let c = at + 1; c <= at + 10; c++) numbers.push(row.getCell(c).value);
    });
    expect(numbers).toEqual([12, 4, 2, 5, 1, 1, 120, 3, 1, 2]);

    const run = await admin("jobs", "run", "report-prompt", "--at", `${month}-20T08:00:00+07:00`);
    expect(run[0]).toMatch(/due, \d+ newly queued, \d+ already sent, \d+ unreachable$/);

    // The broadcast is queued by the admin and sent by the running server.
    const text = "Họp giao ban 8:00 thứ Hai tại Công an thị trấn";
    expect((await admin("broadcast", "--to", "heads", text))[0]).toMatch(/: 1 queued, 0 with no reachable channel$/);
    await expect.poll(() => fake.sentTo(HEAD).map((r) => r.text).join("\n"), SLOW).toContain(text);

    expect(server.child.exitCode).toBeNull();
    expect(server.output()).not.toMatch(/"level":(50|60)/);
  }, 600_000);

  it("migrates a fresh database once when the server and two admins start together", async () => {
    const dir = tempDir();
    const file = path.join(dir, "fresh", "vungxanh.db");
    const env = { DATABASE_URL: `file:${file}`, DATA_KEY };
    // A real deployment's server (credentials set): demo mode would refuse a database the admins
    // are filling at the same moment. Telegram is unreachable here, which the server tolerates.
    const server = startServer({
      ...env,
      PORT: String(await freePort()),
      TELEGRAM_BOT_TOKEN: "123456:TEST-token",
      TELEGRAM_API_ROOT: `http://127.0.0.1:${await freePort()}`,
      TELEGRAM_MODE: "webhook",
      TELEGRAM_WEBHOOK_SECRET: SECRET,
    });
    const [a, b] = await Promise.all([
      runCli(env, "units", "add", "Thôn Yên Lạc"),
      runCli(env, "units", "add", "Thôn Đồng Tâm"),
      expect.poll(server.output, SLOW).toContain("Vùng Xanh is running"),
    ]);
    expect([a.code, a.stderr]).toEqual([0, ""]);
    expect([b.code, b.stderr]).toEqual([0, ""]);
    const rows = migrationRows(file);
    expect(rows.map((r) => r.migration_name)).toEqual(knownMigrations());
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    const list = await runCli(env, "units", "list");
    expect(list.stdout).toContain("Thôn Yên Lạc");
    expect(list.stdout).toContain("Thôn Đồng Tâm");
  }, 300_000);

  it("says when the database is of another version than this build, with exit 2, instead of failing obscurely", async () => {
    const dir = tempDir();
    const file = path.join(dir, "vungxanh.db");
    const env = { DATABASE_URL: `file:${file}`, DATA_KEY };
    const server = startServer({ ...env, PORT: String(await freePort()), SIMULATOR: "on" });
    await expect.poll(server.output, SLOW).toContain("Vùng Xanh is running");
    const sql = (statement: string) => {
      const db = new Database(file);
      db.prepare(statement).run();
      db.close();
    };
    const oneErrorLine = (result: { code: number | null; stdout: string; stderr: string }) => {
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
      return result.stderr;
    };

    // Behind (its last migration undone) while the server keeps it open: it cannot be migrated now.
    const last = knownMigrations().at(-1)!;
    sql(`UPDATE _prisma_migrations SET rolled_back_at = CURRENT_TIMESTAMP WHERE migration_name = '${last}'`);
    expect(oneErrorLine(await runCli(env, "units", "list"))).toMatch(
      new RegExp(`^error: the database is from an older version of Vùng Xanh and another process \\(the running server\\?\\) has it open, .*1 migration \\(${last}\\) to apply`),
    );
    sql(`UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE migration_name = '${last}'`);

    // Migrated by a newer build: neither the admin nor the server touches it.
    sql(
      "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ('future', 'x', CURRENT_TIMESTAMP, '29990101000000_future', CURRENT_TIMESTAMP, 1)",
    );
    expect(oneErrorLine(await runCli(env, "units", "list"))).toMatch(
      /^error: the database was migrated by a newer version of Vùng Xanh: it has 1 migration \(29990101000000_future\) this version does not know/,
    );
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    const again = startServer({ ...env, PORT: String(await freePort()), SIMULATOR: "on" });
    expect(await again.exited).toBe(2);
    expect(again.output()).toMatch(/Vùng Xanh cannot start: the database was migrated by a newer version of Vùng Xanh: .*29990101000000_future/);
    expect(again.output()).not.toContain("is running");
  }, 300_000);
});
