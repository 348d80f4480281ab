// `npm run bench:health [-- --pending 23000 --root DIR --no-lock]`: the real server (src/main.ts, its own
// process) with a large outbox and a Bot API answering in 300 ms. Prints how long /healthz and the
// Telegram webhook take normally and while another process holds the database's write lock, and
// how long SIGTERM takes to end the process and what it leaves pending. `--root` runs another
// checkout of the product (e.g. an older commit exported with `git archive`) on the same steps.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { openDb } from "../../src/store/client.ts";
import { useDataKey } from "../../src/store/keyring.ts";
import { migrate } from "../../src/store/migrate.ts";
import { enqueue } from "../../src/store/outbox.ts";

const { values } = parseArgs({ options: { pending: { type: "string", default: "23000" }, root: { type: "string" }, "no-lock": { type: "boolean", default: false } } });
const PENDING = Number(values.pending);
const root = path.resolve(values.root ?? path.join(import.meta.dirname, "..", ".."));
const DATA_KEY = Buffer.alloc(32, 9).toString("base64");
const SECRET = "bench-secret_1";
const TOKEN = "123456:BENCH";

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

async function botApi() {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const reply = (body: unknown) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
      if (req.url?.endsWith("/sendMessage")) setTimeout(() => reply({ ok: true, result: { message_id: 1, date: 0, chat: { id: 1, type: "private" } } }), 300);
      else if (req.url?.endsWith("/getMe")) reply({ ok: true, result: { id: 1, is_bot: true, first_name: "B", username: "b_bot" } });
      else reply({ ok: true, result: true });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, apiRoot: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}` };
}

async function timed(url: string, init?: RequestInit): Promise<string> {
  const start = performance.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(60_000) });
    await res.text();
    return `${res.status} in ${Math.round(performance.now() - start)} ms`;
  } catch (error) {
    return `${(error as Error).name} after ${Math.round(performance.now() - start)} ms`;
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vungxanh-bench-health-"));
const file = path.join(dir, "bench.db");
const url = `file:${file}`;
await migrate(url);
useDataKey(DATA_KEY);
const db = await openDb(url);
const now = new Date();
await db.$transaction(
  async (tx) => {
    for (let i = 0; i < PENDING; i++) await enqueue(tx, { channel: "telegram", chatId: String(10_000 + (i % 2000)), personId: null, payload: { text: `Tin ${i}` } }, now);
  },
  { timeout: 600_000 },
);
await db.$disconnect();

const api = await botApi();
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
  cwd: root,
  env: {
    ...process.env,
    DATABASE_URL: url,
    PORT: String(port),
    LOG_LEVEL: "warn",
    DATA_KEY,
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: api.apiRoot,
    TELEGRAM_MODE: "webhook",
    TELEGRAM_WEBHOOK_SECRET: SECRET,
  },
  stdio: ["ignore", "ignore", "inherit"],
});
const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
for (let i = 0; ; i++) {
  if (i > 600) throw new Error("the server did not start");
  try {
    await fetch(`${base}/healthz`);
    break;
  } catch {
    await new Promise((r) => setTimeout(r, 100));
  }
}
await new Promise((r) => setTimeout(r, 2000));

let update = 1;
const webhook = () =>
  timed(`${base}/telegram/webhook`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
    body: JSON.stringify({ update_id: update, message: { message_id: update++, date: 1, chat: { id: 77, type: "private" }, from: { id: 77, is_bot: false, first_name: "B" }, text: "/start" } }),
  });

console.log(`root ${root}, ${PENDING} messages pending, Bot API answering in 300 ms`);
console.log(`/healthz, normal:         ${await timed(`${base}/healthz`)}, ${await timed(`${base}/healthz`)}, ${await timed(`${base}/healthz`)}`);
console.log(`webhook, normal:          ${await webhook()}, ${await webhook()}, ${await webhook()}`);
if (!values["no-lock"]) {
  const lock = new Database(file);
  lock.exec("BEGIN IMMEDIATE");
  lock.prepare(`INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES ('bench-lock', 'x', '2026-01-01T00:00:00.000+00:00')`).run();
  console.log(`/healthz, locked:         ${await timed(`${base}/healthz`)}, ${await timed(`${base}/healthz`)}, ${await timed(`${base}/healthz`)}`);
  console.log(`webhook, locked:          ${await webhook()}, ${await webhook()}, ${await webhook()}`);
  lock.exec("ROLLBACK");
  lock.close();
  await new Promise((r) => setTimeout(r, 2000));
}

const start = performance.now();
child.kill("SIGTERM");
const gone = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 300_000))]);
const took = Math.round(performance.now() - start);
if (!gone) child.kill("SIGKILL");
const after = new Database(file, { readonly: true });
const counts = after.prepare(`SELECT status, COUNT(*) n FROM "OutboxMessage" GROUP BY status`).all() as { status: string; n: number }[];
after.close();
console.log(`SIGTERM to exit:          ${gone ? `${took} ms` : `still running after ${took} ms (killed)`}`);
console.log(`outbox after the stop:    ${counts.map((c) => `${c.status} ${c.n}`).join(", ")}`);
api.server.closeAllConnections();
api.server.close();
fs.rmSync(dir, { recursive: true, force: true });
