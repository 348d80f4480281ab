import http from "node:http";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { createServer } from "../../src/server.ts";
import { databaseBytes, freshDb } from "../support/db.ts";
import { captureLogger } from "../support/logger.ts";

const TOKEN = "987654321:AAH-secret-half-never-in-logs";
const SECRET = "test-secret_123";

/** A loopback address nothing listens on: every Bot API call is refused. */
async function refusedApiRoot(): Promise<string> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

describe("the Telegram bot token", () => {
  it("never reaches a log line, an outbox error or any byte of the database when the Bot API is unreachable", async () => {
    const { db, url, file, cleanup } = await freshDb();
    const config = loadConfig({
      DATABASE_URL: url,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: await refusedApiRoot(),
      TELEGRAM_MODE: "webhook",
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      DATA_KEY: Buffer.alloc(32, 1).toString("base64"),
    });
    const { log, lines } = captureLogger();
    const server = createServer({ config, db, log, telegramRetryDelayMs: () => 20, // Many tries: the reply stays queued with its error (given up, a reply is deleted: see Tips).
      dispatcher: { backoffMs: () => 10, pollMs: 20, maxAttempts: 1000 } });
    const base = `http://127.0.0.1:${await server.listen(0)}`;
    await server.start();
    try {
      const update = { update_id: 1, message: { message_id: 1, from: { id: 77, is_bot: false, first_name: "A" }, chat: { id: 77, type: "private" }, date: 1, text: "/start" } };
      const res = await fetch(`${base}/telegram/webhook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
        body: JSON.stringify(update),
      });
      expect(res.status).toBe(200);
      // The reply's sending fails on the network and its error is stored.
      await expect.poll(async () => (await db.outboxMessage.findFirst({ where: { lastError: { not: null } } }))?.lastError ?? "", { timeout: 10_000 }).toMatch(/network/);
      // The start-up call (setMyCommands) fails too and is logged.
      await expect.poll(() => lines.join("").includes("setMyCommands failed"), { timeout: 10_000 }).toBe(true);
    } finally {
      await server.stop();
    }
    try {
      const secretHalf = TOKEN.split(":")[1]!;
      const logs = lines.join("");
      expect(logs).toContain("ECONNREFUSED");
      expect(logs).not.toContain(secretHalf);
      const errors = [
        ...(await db.outboxMessage.findMany()).map((r) => r.lastError ?? ""),
        ...(await db.inboundUpdate.findMany()).map((r) => r.lastError ?? ""),
      ].join("\n");
      expect(errors).toContain("ECONNREFUSED");
      expect(errors).not.toContain(secretHalf);
      expect(databaseBytes(file)).not.toContain(secretHalf);
    } finally {
      await cleanup();
    }
  });
});
