import { registry } from "../../features/index.ts";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadSchedule } from "../../src/scheduler/schedule.ts";
import { runJob } from "../../src/scheduler/runner.ts";
import { addUnit } from "../../src/store/units.ts";
import { freshDb, TEST_DATA_KEY } from "../support/db.ts";
import { startFakeTelegram } from "../support/fake-telegram.ts";
import { captureLogger } from "../support/logger.ts";
import { addPerson } from "../support/people.ts";

const root = path.resolve(import.meta.dirname, "..", "..");
const HEADS = 40;

function startSender(env: Record<string, string>): Promise<ChildProcess> {
  // node itself, not the tsx binary: tsx would run the script in a child that SIGKILL misses.
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/outbox-process.ts"], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d) => String(d).includes("ready") && resolve(child));
    child.once("exit", (code) => reject(new Error(`sender exited ${code}`)));
  });
}

describe("the outbox across a crash", () => {
  const children: ChildProcess[] = [];
  afterEach(() => children.forEach((c) => c.kill("SIGKILL")));

  it("sends the rest after a kill in the middle of a fan-out, and each recipient gets exactly one message", async () => {
    const { db, url, cleanup } = await freshDb();
    const fake = await startFakeTelegram();
    try {
      for (let i = 0; i < HEADS; i++) {
        const unit = await addUnit(db, { name: `Khu phố ${i + 1}`, households: 100, classification: "has_cases" });
        await addPerson(db, { role: "head", unitId: unit.id, channel: "telegram", chatId: String(9000 + i) });
      }
      const deps = { db, schedule: loadSchedule({}, registry.jobs), timeZone: "Asia/Ho_Chi_Minh", log: captureLogger().log };
      expect(await runJob(deps, "report-prompt", new Date("2026-11-20T01:00:00Z"), "manual", new Date())).toMatchObject({ queued: HEADS });

      const env = { DATABASE_URL: url, TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, DATA_KEY: TEST_DATA_KEY };
      fake.holdAfter(HEADS / 2);
      const first = await startSender(env);
      children.push(first);
      const delivered = () => new Set(fake.calls.filter((c) => c.method === "sendMessage" && c.ok).map((c) => c.body.chat_id)).size;
      // Half delivered and recorded, the next ones in flight: kill there. (A kill in the instant
      // between Telegram accepting a message and our recording it would send that one twice:
      // the outbox is at-least-once, and that window is as small as one database write.)
      const sent = () => db.outboxMessage.count({ where: { status: "sent" } });
      await expect.poll(async () => delivered() === HEADS / 2 && (await sent()) === HEADS / 2 && fake.held() > 0, { timeout: 20_000 }).toBe(true);
      first.kill("SIGKILL");
      await new Promise((r) => first.once("exit", r));
      fake.release();
      expect(await db.outboxMessage.count({ where: { status: "sending" } })).toBeGreaterThan(0);

      children.push(await startSender(env));
      await expect.poll(() => db.outboxMessage.count({ where: { status: { not: "sent" } } }), { timeout: 20_000 }).toBe(0);
      const perChat = new Map<string, number>();
      for (const c of fake.calls.filter((c) => c.method === "sendMessage" && c.ok)) perChat.set(String(c.body.chat_id), (perChat.get(String(c.body.chat_id)) ?? 0) + 1);
      expect(perChat.size).toBe(HEADS);
      expect([...perChat.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    } finally {
      await fake.close();
      await cleanup();
    }
  }, 60_000);

  it("sends at most the messages in flight at the kill twice, when the Bot API takes 300 ms to answer", async () => {
    const { db, url, cleanup } = await freshDb();
    const fake = await startFakeTelegram();
    const people = 60;
    // The dispatcher holds up to 16 messages, but at 10 a second with answers 300 ms late (and the
    // throttle's 100 ms of catch-up) only about 4 are on their way at once: messages waiting for
    // their turn are not yet claimed, so they are not at risk.
    const concurrency = 16;
    const perSecond = 10;
    const latencyMs = 300;
    const inFlight = Math.min(concurrency, Math.ceil((perSecond * (latencyMs + 100)) / 1000) + 1);
    try {
      for (let i = 0; i < people; i++) {
        const unit = await addUnit(db, { name: `Tổ ${i + 1}`, households: 100, classification: "has_cases" });
        await addPerson(db, { role: "head", unitId: unit.id, channel: "telegram", chatId: String(7000 + i) });
      }
      const deps = { db, schedule: loadSchedule({}, registry.jobs), timeZone: "Asia/Ho_Chi_Minh", log: captureLogger().log };
      expect(await runJob(deps, "report-prompt", new Date("2026-11-20T01:00:00Z"), "manual", new Date())).toMatchObject({ queued: people });
      fake.latency(latencyMs);
      const env = {
        DATABASE_URL: url,
        TELEGRAM_BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
        DATA_KEY: TEST_DATA_KEY,
        OUTBOX_PER_SECOND: String(perSecond),
        OUTBOX_CONCURRENCY: String(concurrency),
      };
      const first = await startSender(env);
      children.push(first);
      const received = () => fake.calls.filter((c) => c.method === "sendMessage" && c.ok).length;
      await expect.poll(received, { timeout: 20_000, interval: 20 }).toBeGreaterThanOrEqual(people / 3);
      first.kill("SIGKILL");
      await new Promise((r) => first.once("exit", r));
      const maybeSent = await db.outboxMessage.count({ where: { status: "sending" } });

      children.push(await startSender(env));
      await expect.poll(() => db.outboxMessage.count({ where: { status: { not: "sent" } } }), { timeout: 30_000 }).toBe(0);
      const perChat = new Map<string, number>();
      for (const c of fake.calls.filter((c) => c.method === "sendMessage" && c.ok)) perChat.set(String(c.body.chat_id), (perChat.get(String(c.body.chat_id)) ?? 0) + 1);
      expect(perChat.size).toBe(people);
      const duplicates = [...perChat.values()].reduce((sum, n) => sum + n - 1, 0);
      // Only a message marked `sending` (claimed right before its HTTP call) can go out twice,
      // and at most min(concurrency, rate × latency) of them are on their way at once.
      expect(duplicates).toBeLessThanOrEqual(maybeSent);
      expect(maybeSent).toBeLessThanOrEqual(inFlight);
    } finally {
      await fake.close();
      await cleanup();
    }
  }, 90_000);
});
