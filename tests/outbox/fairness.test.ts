import { Api } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { createTelegramSender } from "../../bots/telegram/sender.ts";
import { createDispatcher } from "../../src/outbox/dispatcher.ts";
import { throttled } from "../../src/outbox/throttle.ts";
import { dueMessages, enqueue } from "../../src/store/outbox.ts";
import { freshDb } from "../support/db.ts";
import { startFakeTelegram } from "../support/fake-telegram.ts";
import { captureLogger } from "../support/logger.ts";

const now = new Date("2026-11-28T02:00:00Z");
const text = (r: { payload: unknown }) => (r.payload as { text: string }).text;

describe("fair, prioritised sending", () => {
  let cleanup: () => Promise<void> = async () => {};
  afterEach(() => cleanup());

  it("gives one chat's backlog of hundreds one place among the chats, not the whole batch", async () => {
    const { db, cleanup: c } = await freshDb();
    cleanup = c;
    await db.$transaction(async (tx) => {
      for (let i = 0; i < 300; i++) await enqueue(tx, { channel: "telegram", chatId: "flood", personId: null, payload: { text: `flood ${i}` } }, now);
    }, { timeout: 60_000 });
    await enqueue(db, { channel: "telegram", chatId: "officer", personId: null, payload: { text: "reply" } }, now);
    const { rows } = await dueMessages(db, now, 5);
    expect(rows.map(text)).toEqual(["flood 0", "reply"]);
    // A chat the dispatcher already has a message of in hand is skipped, so the others get its place.
    const busy = new Set([rows[0]!.chatKey]);
    expect((await dueMessages(db, now, 5, busy)).rows.map(text)).toEqual(["reply"]);
  });

  it("sends replies and alerts before broadcasts and scheduled prompts, in a chat and across chats", async () => {
    const { db, cleanup: c } = await freshDb();
    cleanup = c;
    const queue = (chatId: string, t: string, priority: "high" | "low") => enqueue(db, { channel: "telegram", chatId, personId: null, payload: { text: t }, priority }, now);
    await queue("a", "broadcast to a", "low");
    await queue("b", "broadcast to b", "low");
    await queue("c", "reply to c", "high");
    await queue("a", "reply to a", "high");
    expect((await dueMessages(db, now, 2)).rows.map(text)).toEqual(["reply to c", "reply to a"]);
    expect((await dueMessages(db, now, 10)).rows.map(text)).toEqual(["reply to c", "reply to a", "broadcast to b"]);
  });

  it("delivers another chat's reply while one chat's backlog is still draining", async () => {
    const { db, cleanup: c } = await freshDb();
    cleanup = c;
    const fake = await startFakeTelegram();
    const api = new Api(fake.token, { apiRoot: fake.apiRoot });
    const dispatcher = createDispatcher({
      db,
      senders: [throttled(createTelegramSender(api), { perSecond: 1000, perChatMs: 0 })],
      clock: () => now,
      log: captureLogger().log,
    });
    try {
      // More than the batch of oldest rows the dispatcher used to look at (400), all of one chat.
      await db.$transaction(async (tx) => {
        for (let i = 0; i < 450; i++) await enqueue(tx, { channel: "telegram", chatId: "111", personId: null, payload: { text: `flood ${i}` } }, now);
        await enqueue(tx, { channel: "telegram", chatId: "222", personId: null, payload: { text: "your answer" } }, now);
      }, { timeout: 60_000 });
      await dispatcher.start();
      await expect.poll(() => fake.sentTo("222").length, { timeout: 20_000 }).toBe(1);
      const order = fake.calls.filter((call) => call.method === "sendMessage" && call.ok).map((call) => String(call.body.text));
      expect(order.indexOf("your answer")).toBeLessThan(2);
      expect(order.filter((t) => t.startsWith("flood"))).toEqual(Array.from({ length: order.length - 1 }, (_, i) => `flood ${i}`));
    } finally {
      await dispatcher.stop();
      await fake.close();
    }
  }, 60_000);
});
