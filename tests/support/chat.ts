import { randomUUID } from "node:crypto";
import { loadConfig } from "../../src/config.ts";
import type { InboundContent } from "../../src/engine/types.ts";
import type { FloodLimit } from "../../src/engine/inbox.ts";
import { createServer, type Server } from "../../src/server.ts";
import type { Db } from "../../src/store/client.ts";
import { createInvite, inviteExpiry } from "../../src/store/invites.ts";
import { addUnit } from "../../src/store/units.ts";
import type { Classification } from "../../src/domain/units.ts";
import { freshDb, TEST_DATA_KEY } from "./db.ts";
import { startFakeTelegram, type FakeTelegram } from "./fake-telegram.ts";
import { captureLogger } from "./logger.ts";
import { fakeZaloApi, signedEvent, ZALO, type FakeZalo } from "./fake-zalo.ts";

export interface Reply {
  text: string;
  choices: { label: string; value: string }[];
}

/** What a person does in a chat, whatever the channel. */
export interface ChatDriver {
  channel: string;
  server: Server;
  db: Db;
  fake?: FakeTelegram;
  zalo?: FakeZalo;
  /** the SQLite file behind `db` */
  dbFile: string;
  /** the server's HTTP root, e.g. http://127.0.0.1:40123 */
  base: string;
  logLines: string[];
  /** The clock the product reads; tests move it. */
  clock: { now: Date };
  /** Sends text as `user` and returns the replies it produced. */
  send(user: string, text: string): Promise<Reply[]>;
  /** Taps the button whose value is `value`. */
  press(user: string, value: string): Promise<Reply[]>;
  /** Sends something that is not text. */
  sendOther(user: string, kind: "sticker" | "photo" | "location"): Promise<Reply[]>;
  /** Everything sent to `user` so far. */
  history(user: string): Promise<Reply[]>;
  /** The id the channel knows `user` by (Telegram's numeric id, Zalo's user id, the simulator's name). */
  idOf(user: string): string;
  /** Stops the server and starts a new one on the same database (a restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export const CHANNELS = ["simulator", "telegram", "zalo"] as const;
export type TestChannel = (typeof CHANNELS)[number];

const SECRET = "test-secret_123";

/** The simulator's secret beside a real channel (outside demo mode it is required). */
export const SIMULATOR_TEST_SECRET = "simulator-test-secret-0123456789";
/** Headers of a call to the simulator's API from a test. */
export const simulatorHeaders = { "content-type": "application/json", "x-simulator-secret": SIMULATOR_TEST_SECRET };

/**
 * A running product on a fresh database with a fake channel, driven over HTTP exactly as the
 * channel would drive it: the simulator's API, or Telegram's webhook with a fake Bot API.
 */
export async function openChat(channel: TestChannel, options: { now?: Date; scheduler?: boolean; floodLimit?: FloodLimit | false } = {}): Promise<ChatDriver> {
  const { db, url, file: dbFile, cleanup } = await freshDb();
  const fake = channel === "telegram" ? await startFakeTelegram() : undefined;
  const zalo = channel === "zalo" ? fakeZaloApi() : undefined;
  const { log, lines } = captureLogger();
  const clock = { now: options.now ?? new Date("2026-11-21T03:00:00Z") };
  // A data key on every channel, as a real deployment has (demo mode makes one at start).
  const env: Record<string, string> = {
    DATABASE_URL: url,
    SIMULATOR: "on",
    SIMULATOR_SECRET: SIMULATOR_TEST_SECRET,
    LOG_LEVEL: "debug",
    DATA_KEY: TEST_DATA_KEY,
  };
  if (fake) {
    Object.assign(env, {
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_MODE: "webhook",
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      DATA_KEY: Buffer.alloc(32, 7).toString("base64"),
    });
  }
  if (zalo) {
    Object.assign(env, {
      ZALO_APP_ID: ZALO.appId,
      ZALO_APP_SECRET: ZALO.appSecret,
      ZALO_OA_SECRET_KEY: ZALO.oaSecretKey,
      ZALO_ACCESS_TOKEN: "access-0",
      ZALO_REFRESH_TOKEN: "refresh-0",
      ZALO_API_BASE: ZALO.apiBase,
      ZALO_OAUTH_BASE: ZALO.oauthBase,
      DATA_KEY: Buffer.alloc(32, 7).toString("base64"),
    });
  }
  const config = loadConfig(env);
  let server: Server;
  let base = "";
  const boot = async () => {
    server = createServer({
      config,
      db,
      log,
      clock: () => clock.now,
      dispatcher: { backoffMs: () => 10, pollMs: 50 },
      inboxRetryDelayMs: () => 10,
      // Telegram's one message a second per chat is tested on its own (tests/outbox).
      perChatMs: 0,
      // Jobs are run by the tests that are about them, at the instants they choose.
      scheduler: options.scheduler ?? false,
      // A test types a whole report in a second, far faster than anyone can: the flood limit is
      // off unless the test is about it (tests/engine/flood.test.ts).
      floodLimit: options.floodLimit ?? false,
    });
    base = `http://127.0.0.1:${await server.listen(0)}`;
    await server.start();
  };
  await boot();

  const base_ = () => base;
  const userIds = new Map<string, number>();
  const numericId = (user: string) => {
    if (!userIds.has(user)) userIds.set(user, 5000 + userIds.size);
    return userIds.get(user)!;
  };
  let updateId = 1;
  const seen = new Map<string, number>();

  async function settle() {
    await server.inbox.idle();
    await server.dispatcher.flush();
  }

  const zaloId = (user: string) => `84${String(numericId(user)).padStart(16, "0")}`;

  async function history(user: string): Promise<Reply[]> {
    if (fake) return fake.sentTo(numericId(user));
    if (zalo) return zalo.sentTo(zaloId(user));
    const res = await fetch(`${base}/simulator/api/messages?user=${encodeURIComponent(user)}&after=0`, { headers: simulatorHeaders });
    const body = (await res.json()) as { messages: { text: string; choices?: Reply["choices"] }[] };
    return body.messages.map((m) => ({ text: m.text, choices: m.choices ?? [] }));
  }

  async function deliver(user: string, content: InboundContent): Promise<Reply[]> {
    if (fake) {
      const id = numericId(user);
      const from = { id, is_bot: false, first_name: "Test" };
      const chat = { id, type: "private" };
      const message: Record<string, unknown> = { message_id: updateId, from, chat, date: 1 };
      if (content.kind === "text") message.text = content.text;
      if (content.kind === "sticker") message.sticker = { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false };
      if (content.kind === "photo") message.photo = [{ file_id: "p", file_unique_id: "p", width: 1, height: 1, file_size: 1000 }];
      if (content.kind === "location") message.location = { latitude: 19.9, longitude: 105.2 };
      const update =
        content.kind === "choice"
          ? { update_id: updateId++, callback_query: { id: `cq${updateId}`, from, chat_instance: "x", data: content.value, message: { message_id: 1, date: 1, chat } } }
          : { update_id: updateId++, message };
      const res = await fetch(`${base}/telegram/webhook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
        body: JSON.stringify(update),
      });
      if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
    } else if (zalo) {
      const userId = zaloId(user);
      const at = String(clock.now.getTime());
      const base = { sender: { id: userId }, recipient: { id: ZALO.oaId }, timestamp: at };
      const msg_id = `zmsg${updateId++}`;
      const event =
        content.kind === "text"
          ? { ...base, event_name: "user_send_text", message: { text: content.text, msg_id } }
          : content.kind === "choice"
            ? { ...base, event_name: "user_send_text", message: { text: `#c:${content.value}`, msg_id } }
            : content.kind === "sticker"
              ? { ...base, event_name: "user_send_sticker", message: { msg_id, attachments: [{ type: "sticker", payload: { id: "s", url: "https://s" } }] } }
              : content.kind === "photo"
                ? { ...base, event_name: "user_send_image", message: { msg_id, attachments: [{ type: "image", payload: { url: "https://img", thumbnail: "https://t" } }] } }
                : { ...base, event_name: "user_send_location", message: { msg_id, attachments: [{ type: "location", payload: { coordinates: { latitude: "19.9", longitude: "105.2" } } }] } };
      const { body, signature } = signedEvent(event);
      const res = await fetch(`${base_()}/zalo/webhook`, { method: "POST", headers: { "content-type": "application/json", "x-zevent-signature": signature }, body });
      if (res.status !== 200) throw new Error(`zalo webhook answered ${res.status}`);
    } else {
      const body =
        content.kind === "text" ? { text: content.text } : content.kind === "choice" ? { choice: content.value } : { sticker: true };
      const res = await fetch(`${base}/simulator/api/send`, {
        method: "POST",
        headers: simulatorHeaders,
        body: JSON.stringify({ user, id: randomUUID(), ...body }),
      });
      if (res.status !== 200) throw new Error(`simulator answered ${res.status}`);
    }
    await settle();
    const all = await history(user);
    const from = seen.get(user) ?? 0;
    seen.set(user, all.length);
    return all.slice(from);
  }

  return {
    channel,
    get server() {
      return server;
    },
    get base() {
      return base;
    },
    db,
    dbFile,
    fake,
    zalo,
    logLines: lines,
    clock,
    send: (user, text) => deliver(user, { kind: "text", text }),
    press: (user, value) => deliver(user, { kind: "choice", value }),
    sendOther: (user, kind) =>
      deliver(user, kind === "sticker" ? { kind: "sticker" } : kind === "photo" ? { kind: "photo", ref: { channel: "telegram", fileId: "p" } } : { kind: "location", latitude: 1, longitude: 1 }),
    history,
    idOf: (user: string) => (fake ? String(numericId(user)) : zalo ? zaloId(user) : user),
    async restart() {
      await server.stop();
      await boot();
    },
    async close() {
      await server.stop();
      await fake?.close();
      zalo?.close();
      await cleanup();
    },
  } as ChatDriver;
}

/** A unit and a person in a role in it, joined through the real /join flow. */
export async function seedUnit(db: Db, name = "Khu phố Nguyễn Trãi", households = 150, classification: Classification = "priority") {
  return addUnit(db, { name, households, classification });
}

export async function joinAs(chat: ChatDriver, user: string, role: "head" | "officer" | "mentor", unitId: number | null) {
  const code = await createInvite(chat.db, { role, unitId, createdBy: "test", expiresAt: inviteExpiry(chat.clock.now) });
  const replies = await chat.send(user, `/join ${code}`);
  // The welcome may be followed by what the newcomer is owed at once (the month's prompt).
  if (!replies.some((r) => /Bạn đã là|You are now/.test(r.text))) throw new Error(`join failed: ${JSON.stringify(replies)}`);
  return code;
}

/** The last reply's text. */
export const lastText = (replies: Reply[]) => replies.at(-1)?.text ?? "";
