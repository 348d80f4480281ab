import express from "express";
import { Api } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import type { ChannelAdapter } from "../../bots/channel.ts";
import { CHANNELS } from "../../bots/channels.ts";
import { createTelegramSender, MAX_BUTTONS as TELEGRAM_BUTTONS } from "../../bots/telegram/sender.ts";
import { translateEvent, ZaloEvent } from "../../bots/zalo/translate.ts";
import { registry } from "../../features/index.ts";
const { commands } = registry;
import { loadConfig } from "../../src/config.ts";
import { FREE_WINDOW_HOURS } from "../../src/domain/channels.ts";
import type { Channel } from "../../src/domain/roles.ts";
import type { Outbound } from "../../src/engine/types.ts";
import { createServer, type Server } from "../../src/server.ts";
import { freshDb, TEST_DATA_KEY } from "../support/db.ts";
import { startFakeTelegram, type FakeTelegram } from "../support/fake-telegram.ts";
import { captureLogger } from "../support/logger.ts";

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/**
 * A channel that exists only in this test: a JSON route in, a list of messages out. The server
 * learns of it only through the table it is given.
 */
function fakeChannel() {
  const sent: { chatId: string; message: Outbound }[] = [];
  const life: string[] = [];
  const adapter: ChannelAdapter = {
    name: "fake",
    limits: { maxButtons: 3, maxText: 1000, commandMenu: false, bareCommands: true, freeWindowHours: null },
    open: ({ inbox }) => ({
      name: "fake",
      limits: adapter.limits,
      sender: {
        channel: "fake",
        async send(chatId, message) {
          sent.push({ chatId, message });
          return { kind: "sent" };
        },
      },
      routes: [
        {
          method: "post",
          path: "/fake/in",
          redeliverable: true,
          handlers: [
            express.json(),
            async (req, res) => {
              const { user, id, text } = req.body as { user: string; id: string; text: string };
              await inbox.receive({ channel: "fake" as Channel, externalUserId: user, chatId: user, messageId: id, bareCommands: true, content: { kind: "text", text } });
              res.json({ ok: true });
            },
          ],
        },
      ],
      start: async () => void life.push("started"),
      stop: async () => void life.push("stopped"),
    }),
  };
  return { adapter, sent, life };
}

async function serve(env: Record<string, string>, channels?: readonly ChannelAdapter[]) {
  const { db, url, cleanup } = await freshDb();
  const { log } = captureLogger();
  const config = loadConfig({ DATABASE_URL: url, DATA_KEY: TEST_DATA_KEY, SIMULATOR: "off", ...env });
  const server = createServer({ config, db, log, channels, scheduler: false, perChatMs: 0, telegramRetryDelayMs: () => 20, dispatcher: { pollMs: 50, backoffMs: () => 10 } });
  const base = `http://127.0.0.1:${await server.listen(0)}`;
  await server.start();
  let stopped = false;
  const stop = async () => {
    if (!stopped) await server.stop();
    stopped = true;
  };
  closers.push(cleanup, stop);
  return { server, base, stop };
}

async function settle(server: Server) {
  await server.inbox.idle();
  await server.dispatcher.flush();
}

describe("the channel table", () => {
  it("serves a channel's route and sends its messages from the table alone, and starts and stops it", async () => {
    const fake = fakeChannel();
    const { server, base, stop } = await serve({}, [...CHANNELS, fake.adapter]);
    expect(server.channels.map((c) => c.name)).toEqual(["fake"]);
    expect(fake.life).toEqual(["started"]);

    const res = await fetch(`${base}/fake/in`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ user: "u1", id: "m1", text: "/start" }) });
    expect(res.status).toBe(200);
    await settle(server);
    expect(fake.sent.map((s) => s.chatId)).toEqual(["u1"]);
    expect(fake.sent[0]!.message.text).toContain("Xin chào");

    // Without the adapter in the table, the route does not exist.
    const { base: other } = await serve({}, CHANNELS);
    expect((await fetch(`${other}/fake/in`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })).status).toBe(404);

    await stop();
    expect(fake.life).toEqual(["started", "stopped"]);
  });

  it("opens only the channels the configuration enables", async () => {
    const { server } = await serve({ SIMULATOR: "on", SIMULATOR_SECRET: "s".repeat(32) });
    expect(server.channels.map((c) => c.name)).toEqual(["simulator"]);
  });

  it("states each channel's limits once, in agreement with the rules that read them elsewhere", () => {
    const byName = Object.fromEntries(CHANNELS.map((c) => [c.name, c.limits]));
    expect(Object.keys(byName).sort()).toEqual(["simulator", "telegram", "zalo"]);
    // The outbox decides delivery windows from the domain's rule: the table must say the same.
    for (const c of CHANNELS) expect(c.limits.freeWindowHours).toBe(FREE_WINDOW_HOURS[c.name as Channel] ?? null);
    expect(byName.zalo!.maxButtons).toBe(5);
    // What Zalo's translation marks on every inbound is what the table says.
    const event = ZaloEvent.parse({ app_id: "1", event_name: "user_send_text", sender: { id: "2" }, recipient: { id: "3" }, message: { text: "baocao", msg_id: "m" }, timestamp: "1" });
    expect(translateEvent(event)?.bareCommands ?? false).toBe(byName.zalo!.bareCommands);
  });
});

describe("the Telegram command menu", () => {
  it("is registered from the command table in Vietnamese (default) and English, for all chats", async () => {
    const fake = await startFakeTelegram();
    closers.push(() => fake.close());
    await serve({ TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, TELEGRAM_MODE: "webhook", TELEGRAM_WEBHOOK_SECRET: "menu-secret" });
    const menus = () => fake.calls.filter((c) => c.method === "setMyCommands" && c.ok);
    await expect.poll(() => menus().length, { timeout: 5000 }).toBe(2);
    const vi = menus().find((c) => c.body.language_code === undefined)!;
    const en = menus().find((c) => c.body.language_code === "en")!;
    // No scope: Telegram's default, which covers every chat.
    expect(vi.body.scope).toBeUndefined();
    expect(en.body.scope).toBeUndefined();
    expect(vi.body.commands).toContainEqual({ command: "baocao", description: "Báo cáo tháng (trưởng khu phố)" });
    expect(vi.body.commands).toContainEqual({ command: "trogiup", description: "Trợ giúp" });
    expect(en.body.commands).toContainEqual({ command: "report", description: "Monthly report (heads)" });
    expect(en.body.commands).toContainEqual({ command: "help", description: "Help" });
    // Every command of the table is in both menus, by its Vietnamese alias and its English name.
    const named = commands.filter((c) => c.names.length > 0);
    expect(vi.body.commands.map((c: { command: string }) => c.command)).toEqual([...named.map((c) => c.names[1] ?? c.names[0]), "trogiup", "huy", "ngonngu"]);
    expect(en.body.commands.map((c: { command: string }) => c.command)).toEqual([...named.map((c) => c.names[0]), "help", "cancel", "lang"]);
    for (const menu of [vi, en]) for (const c of menu.body.commands) expect(c.description).not.toMatch(/^menu-/);
  });
});

describe("choices past Telegram's button limit", () => {
  let fake: FakeTelegram;
  const choices = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `Lựa chọn ${i + 1}`, value: `v${i + 1}` }));
  const keyboard = (body: Record<string, any>) => (body.reply_markup?.inline_keyboard ?? []).flat().map((b: { callback_data: string }) => b.callback_data);

  it("go under the text as lines to type, in the person's language; the rest stay buttons", async () => {
    fake = await startFakeTelegram();
    closers.push(() => fake.close());
    const api = new Api(fake.token, { apiRoot: fake.apiRoot });
    await createTelegramSender(api, 5).send("42", { text: "Chọn khu phố", choices: choices(8) });
    await createTelegramSender(api, 5).send("42", { text: "Choose", choices: choices(8), lang: "en" });
    await createTelegramSender(api).send("42", { text: "Nhiều", choices: choices(TELEGRAM_BUTTONS + 2) });
    const [vi, en, many] = fake.calls.filter((c) => c.method === "sendMessage").map((c) => c.body);
    expect(keyboard(vi!)).toEqual(["v1", "v2", "v3", "v4", "v5"]);
    expect(vi!.text).toBe("Chọn khu phố\n\nHoặc gõ một trong các lựa chọn:\n• Lựa chọn 6\n• Lựa chọn 7\n• Lựa chọn 8");
    expect(en!.text).toBe("Choose\n\nOr type one of these:\n• Lựa chọn 6\n• Lựa chọn 7\n• Lựa chọn 8");
    expect(keyboard(many!)).toHaveLength(TELEGRAM_BUTTONS);
    expect(many!.text).toContain(`• Lựa chọn ${TELEGRAM_BUTTONS + 1}\n• Lựa chọn ${TELEGRAM_BUTTONS + 2}`);
  });
});
