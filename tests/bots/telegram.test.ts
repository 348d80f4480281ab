import { afterEach, describe, expect, it } from "vitest";
import { splitText, inlineKeyboard } from "../../bots/telegram/sender.ts";
import { loadConfig } from "../../src/config.ts";
import { createServer } from "../../src/server.ts";
import { joinAs, lastText, openChat, seedUnit, type ChatDriver } from "../support/chat.ts";
import { freshDb } from "../support/db.ts";
import { getConversation } from "../../src/store/conversations.ts";
import { startFakeTelegram } from "../support/fake-telegram.ts";
import { captureLogger } from "../support/logger.ts";

const SECRET = "test-secret_123";

describe("Telegram webhook", () => {
  let chat: ChatDriver;
  afterEach(async () => chat?.close());

  async function post(update: unknown, secret?: string) {
    return fetch(`${chat.base}/telegram/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}) },
      body: JSON.stringify(update),
    });
  }

  const update = (id: number, text: string, user = 777) => ({
    update_id: id,
    message: { message_id: id, from: { id: user, is_bot: false, first_name: "A" }, chat: { id: user, type: "private" }, date: 1, text },
  });

  it("refuses a request without the right secret with 401 and changes nothing", async () => {
    chat = await openChat("telegram");
    for (const secret of [undefined, "wrong", SECRET + "x"]) {
      const res = await post(update(1, "/start"), secret);
      expect(res.status).toBe(401);
    }
    await chat.server.inbox.idle();
    expect(await chat.db.inboundUpdate.count()).toBe(0);
    expect(await chat.db.person.count()).toBe(0);
    expect(chat.fake!.calls.filter((c) => c.method === "sendMessage")).toHaveLength(0);
  });

  it("checks the secret before reading the body: a wrong secret with malformed JSON gets 401, not a parser error", async () => {
    chat = await openChat("telegram");
    for (const secret of [undefined, "wrong"]) {
      const res = await fetch(`${chat.base}/telegram/webhook`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}) },
        body: "{not json",
      });
      expect(res.status).toBe(401);
      expect(await res.text()).not.toMatch(/json|parse|token \w/i);
    }
  });

  it("answers 415 to a body that is not JSON, as the Zalo webhook does, and changes nothing", async () => {
    chat = await openChat("telegram");
    const res = await fetch(`${chat.base}/telegram/webhook`, {
      method: "POST",
      headers: { "content-type": "text/plain", "x-telegram-bot-api-secret-token": SECRET },
      body: JSON.stringify(update(9, "/start")),
    });
    expect(res.status).toBe(415);
    await chat.server.inbox.idle();
    expect(await chat.db.inboundUpdate.count()).toBe(0);
  });

  it("acts once on an update delivered twice", async () => {
    chat = await openChat("telegram");
    for (let i = 0; i < 3; i++) expect((await post(update(42, "/start"), SECRET)).status).toBe(200);
    await chat.server.inbox.idle();
    await chat.server.dispatcher.flush();
    expect(chat.fake!.sentTo(777)).toHaveLength(1);
    expect(await chat.db.inboundUpdate.count()).toBe(1);
  });

  it("answers malformed JSON with 400 and ignores updates it does not handle", async () => {
    chat = await openChat("telegram");
    const bad = await fetch(`${chat.base}/telegram/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
      body: "{not json",
    });
    expect(bad.status).toBe(400);
    const group = { update_id: 5, message: { message_id: 1, from: { id: 1, is_bot: false, first_name: "A" }, chat: { id: -100, type: "group" }, date: 1, text: "/report" } };
    expect((await post(group, SECRET)).status).toBe(200);
    expect((await post({ update_id: 6, edited_message: {} }, SECRET)).status).toBe(200);
    await chat.server.inbox.idle();
    expect(await chat.db.inboundUpdate.count()).toBe(0);
  });

  it("waits out a 429 and sends the reply, keeping the answer", async () => {
    chat = await openChat("telegram");
    const unit = await seedUnit(chat.db);
    await joinAs(chat, "head", "head", unit.id);
    await chat.send("head", "/report");
    chat.fake!.failNext("sendMessage", chat.fake!.tooManyRequests(1));
    const during = await chat.send("head", "12");
    expect(during).toHaveLength(0);
    const row = await chat.db.outboxMessage.findFirst({ orderBy: { id: "desc" } });
    expect(row).toMatchObject({ status: "pending", attempts: 0 });
    expect(row!.nextAttemptAt.getTime() - chat.clock.now.getTime()).toBe(1000);
    // The conversation moved on even though the reply waits.
    expect((await getConversation(chat.db, (await chat.db.conversation.findFirstOrThrow()).personId))?.step).toBe("suspected");
    chat.clock.now = new Date(chat.clock.now.getTime() + 1000);
    await expect.poll(async () => lastText(await chat.history("head")), { timeout: 5000 }).toContain("(2/11)");
    // The fake records the message a moment before the dispatcher marks it sent.
    await expect.poll(() => chat.db.outboxMessage.count({ where: { status: { not: "sent" } } }), { timeout: 5000 }).toBe(0);
  });

  it("retries a 5xx with backoff and marks a message failed after the last try", async () => {
    chat = await openChat("telegram");
    chat.fake!.failNext("sendMessage", chat.fake!.serverError(), chat.fake!.serverError());
    await chat.send("u", "/start");
    // Backoff waits on the product's clock: move it on while waiting.
    const tick = () => (chat.clock.now = new Date(chat.clock.now.getTime() + 60_000));
    await expect.poll(() => (tick(), chat.fake!.sentTo(5000).length), { timeout: 5000 }).toBe(1);
    const calls = chat.fake!.calls.filter((c) => c.method === "sendMessage");
    expect(calls).toHaveLength(3);
    chat.fake!.failNext("sendMessage", ...Array.from({ length: 6 }, () => chat.fake!.serverError()));
    await chat.send("u", "/start");
    // Six tries, then given up: a reply is not kept once it can no longer be sent.
    await expect.poll(() => (tick(), chat.fake!.calls.filter((c) => c.method === "sendMessage").length), { timeout: 5000 }).toBe(9);
    await expect.poll(() => chat.logLines.some((l) => l.includes("giving up on a message after its last try")), { timeout: 5000 }).toBe(true);
    expect(await chat.db.outboxMessage.count()).toBe(0);
  });

  it("marks a person who blocked the bot unreachable and does not retry", async () => {
    chat = await openChat("telegram");
    chat.fake!.failNext("sendMessage", chat.fake!.blocked());
    await chat.send("u", "/start");
    // Not retried, and not kept: the reply is forgotten once it cannot be sent.
    expect(await chat.db.outboxMessage.count()).toBe(0);
    expect(chat.fake!.calls.filter((c) => c.method === "sendMessage")).toHaveLength(1);
    expect(await chat.db.channelIdentity.findFirst()).toMatchObject({ unreachable: true });
    // Writing again means they unblocked the bot.
    const back = await chat.send("u", "/start");
    expect(lastText(back)).toContain("Xin chào");
    expect(await chat.db.channelIdentity.findFirst()).toMatchObject({ unreachable: false });
  });

  it("answers a failing update once with an apology instead of a retry storm, and keeps the answers", async () => {
    chat = await openChat("telegram");
    const unit = await seedUnit(chat.db);
    await joinAs(chat, "head", "head", unit.id);
    await chat.send("head", "/report");
    await chat.send("head", "12");
    // Break the stored conversation so processing throws.
    const before = await chat.db.conversation.findFirstOrThrow();
    await chat.db.conversation.update({ where: { personId: before.personId }, data: { data: "{broken" } });
    const replies = await chat.send("head", "4");
    expect(lastText(replies)).toContain("Xin lỗi, hệ thống gặp lỗi");
    const failed = await chat.db.inboundUpdate.findFirst({ where: { status: "failed" } });
    expect(failed?.attempts).toBe(3);
    expect(chat.logLines.join("")).toContain("processing an update failed");
    // Repaired, the head goes on from the same question.
    await chat.db.conversation.update({ where: { personId: before.personId }, data: { data: before.data } });
    expect(lastText(await chat.send("head", "4"))).toContain("(3/11)");
  });

  it("registers the webhook with its secret when TELEGRAM_WEBHOOK_URL is set, and survives a failing start-up call", async () => {
    const { db, url, cleanup } = await freshDb();
    const fake = await startFakeTelegram();
    fake.failNext("setMyCommands", fake.serverError());
    fake.failNext("setWebhook", fake.tooManyRequests(1));
    const config = loadConfig({
      DATABASE_URL: url,
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_MODE: "webhook",
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_WEBHOOK_URL: "https://bot.example.vn/telegram/webhook",
      DATA_KEY: Buffer.alloc(32, 1).toString("base64"),
    });
    const { log } = captureLogger();
    const server = createServer({ config, db, log, telegramRetryDelayMs: () => 20 });
    await server.listen(0);
    await server.start();
    try {
      await expect.poll(() => fake.calls.filter((c) => c.method === "setWebhook").length, { timeout: 5000 }).toBe(2);
      const set = fake.calls.filter((c) => c.method === "setWebhook").at(-1)!;
      expect(set.body).toMatchObject({ url: "https://bot.example.vn/telegram/webhook", secret_token: SECRET });
      // The menu in two languages: one call failed and was tried again.
      await expect.poll(() => fake.calls.filter((c) => c.method === "setMyCommands").length, { timeout: 5000 }).toBe(3);
    } finally {
      await server.stop();
      await fake.close();
      await cleanup();
    }
  });

  it("polls for updates in polling mode and answers them", async () => {
    const { db, url, cleanup } = await freshDb();
    const fake = await startFakeTelegram();
    fake.failNext("getMe", fake.serverError());
    fake.failNext("getUpdates", { status: 200, body: { ok: true, result: [update(900, "/start", 4242)] } });
    const config = loadConfig({
      DATABASE_URL: url,
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      DATA_KEY: Buffer.alloc(32, 1).toString("base64"),
    });
    const { log } = captureLogger();
    const server = createServer({ config, db, log, telegramRetryDelayMs: () => 20, dispatcher: { pollMs: 20 } });
    await server.start();
    try {
      await expect.poll(() => fake.sentTo(4242).length, { timeout: 5000 }).toBe(1);
      expect(fake.sentTo(4242)[0]!.text).toContain("Xin chào");
      expect(fake.calls.some((c) => c.method === "deleteWebhook")).toBe(true);
    } finally {
      await server.stop();
      await fake.close();
      await cleanup();
    }
  });
});

describe("Telegram rendering", () => {
  it("splits texts over 4,096 characters at a line break", () => {
    const text = ("a".repeat(100) + "\n").repeat(100);
    const parts = splitText(text);
    expect(parts.length).toBe(3);
    expect(parts.every((p) => p.length <= 4096)).toBe(true);
    expect(parts.join("\n")).toBe(text.replace(/\n$/, "") + "\n".repeat(text.endsWith("\n") ? 1 : 0));
  });
  it("lays buttons two to a row", () => {
    const kb = inlineKeyboard([{ label: "Có", value: "yes" }, { label: "Không", value: "no" }, { label: "Bỏ qua", value: "skip" }]);
    expect(kb.inline_keyboard.map((r) => r.length)).toEqual([2, 1]);
  });
});
