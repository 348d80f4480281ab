import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDb, TEST_DATA_KEY } from "../support/db.ts";
import type { Db } from "../../src/store/client.ts";
import { openDb } from "../../src/store/client.ts";
import { enqueue } from "../../src/store/outbox.ts";

const root = path.resolve(import.meta.dirname, "..", "..");
const TOKEN = "123456:TEST-token";
const SECRET = "stop-secret_123";
const BACKLOG = 2000;
/** The Bot API answers each message this late, so sends are in flight when SIGTERM comes. */
const SLOW_MS = 1500;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** A Bot API that answers sendMessage slowly and counts the messages it accepted. */
async function slowBotApi() {
  let answered = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const method = /\/bot[^/]+\/(\w+)/.exec(req.url ?? "")?.[1];
      const send = (body: unknown) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (method === "sendMessage") {
        setTimeout(() => {
          answered++;
          send({ ok: true, result: { message_id: answered, date: 0, chat: { id: 1, type: "private" }, text: "x" } });
        }, SLOW_MS);
      } else if (method === "getMe") {
        send({ ok: true, result: { id: 1, is_bot: true, first_name: "VungXanh", username: "vungxanh_bot" } });
      } else send({ ok: true, result: true });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    apiRoot: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    answered: () => answered,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * SIGTERM on the real entry point (`src/main.ts` as its own process) with a large outbox and a
 * slow Bot API: new webhooks get 503, the process exits within 10 s instead of draining the
 * backlog, nothing is left half-sent, and what was not sent is sent after the next start.
 */
describe("SIGTERM", () => {
  let db: Db;
  let url: string;
  let cleanup: () => Promise<void>;
  let api: Awaited<ReturnType<typeof slowBotApi>>;

  beforeAll(async () => {
    ({ db, url, cleanup } = await freshDb());
    api = await slowBotApi();
    const now = new Date();
    await db.$transaction(
      async (tx) => {
        for (let i = 0; i < BACKLOG; i++) await enqueue(tx, { channel: "telegram", chatId: String(10_000 + (i % 400)), personId: null, payload: { text: `Tin ${i}` } }, now);
      },
      { timeout: 120_000 },
    );
    // `prisma migrate deploy` at the server's start fails while another process keeps a written
    // WAL connection open, so the test only opens the database while no server runs.
    await db.$disconnect();
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await cleanup?.();
  });

  async function startServer() {
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(port),
        LOG_LEVEL: "info",
        DATA_KEY: TEST_DATA_KEY,
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: api.apiRoot,
        TELEGRAM_MODE: "webhook",
        TELEGRAM_WEBHOOK_SECRET: SECRET,
      },
    });
    let out = "";
    child.stdout!.on("data", (d) => (out += d));
    child.stderr!.on("data", (d) => (out += d));
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    await expect.poll(() => out, { timeout: 45_000, interval: 100 }).toContain("Vùng Xanh is running");
    return { child, port, exited, out: () => out };
  }

  const statuses = async () => {
    const reader = await openDb(url);
    try {
      const rows = await reader.outboxMessage.groupBy({ by: ["status"], _count: true });
      return Object.fromEntries(rows.map((r) => [r.status, r._count])) as Record<string, number>;
    } finally {
      await reader.$disconnect();
    }
  };

  it("stops taking work, exits within 10 s and leaves the unsent messages pending for the next start", async () => {
    const first = await startServer();
    let child: ChildProcess = first.child;
    try {
      await expect.poll(() => api.answered(), { timeout: 20_000, interval: 100 }).toBeGreaterThan(0);
      child.kill("SIGTERM");
      await expect.poll(first.out, { timeout: 5000, interval: 20 }).toContain("stopping");
      const webhook = await fetch(`http://127.0.0.1:${first.port}/telegram/webhook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
        body: JSON.stringify({ update_id: 1, message: { message_id: 1, date: 1, chat: { id: 1, type: "private" }, from: { id: 1, is_bot: false, first_name: "T" }, text: "/start" } }),
      });
      expect(webhook.status).toBe(503);

      // A bound on the exit, not a measurement: the old stop drained the whole backlog (minutes).
      const code = await Promise.race([first.exited, new Promise<"still running">((resolve) => setTimeout(() => resolve("still running"), 10_000))]);
      expect(code).toBe(0);

      const after = await statuses();
      expect(after.sending ?? 0).toBe(0);
      // A sent reply is deleted (anonymity, see README "Tips"): what is left is what was not sent.
      expect(after.sent ?? 0).toBe(0);
      expect(after.pending).toBe(BACKLOG - api.answered());
      expect(after.pending).toBeGreaterThan(BACKLOG / 2);

      // The next start sends what was left.
      const second = await startServer();
      child = second.child;
      const sentBefore = api.answered();
      await expect.poll(() => api.answered(), { timeout: 20_000, interval: 100 }).toBeGreaterThan(sentBefore);
      child.kill("SIGTERM");
      expect(await second.exited).toBe(0);
      const end = await statuses();
      // Every message is either sent (and so deleted) or still pending: none lost, none stuck.
      expect(end.sending ?? 0).toBe(0);
      expect((end.pending ?? 0) + api.answered()).toBe(BACKLOG);
    } finally {
      child.kill("SIGKILL");
    }
  }, 120_000);
});
