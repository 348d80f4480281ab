import { randomUUID } from "node:crypto";
import type { InboundContent } from "../../src/engine/types.ts";
import { startFakeTelegram, type FakeTelegram } from "./fake-telegram.ts";
import { fakeZaloApi, signedEvent, ZALO, type FakeZalo } from "./fake-zalo.ts";

export interface Reply {
  text: string;
  choices: { label: string; value: string }[];
}

/** The simulator's secret beside a real channel (outside demo mode it is required). */
export const SIMULATOR_TEST_SECRET = "simulator-test-secret-0123456789";
/** Headers of a call to the simulator's API from a test. */
export const simulatorHeaders = { "content-type": "application/json", "x-simulator-secret": SIMULATOR_TEST_SECRET };

const TELEGRAM_SECRET = "test-secret_123";

/** What a driver needs from the chat it serves. */
export interface DriverContext {
  /** the server's HTTP root (it changes on a restart) */
  base(): string;
  clock: { now: Date };
  /** a small number per test user, stable for the test */
  numericId(user: string): number;
  /** a fresh update or message number */
  nextId(): number;
}

/**
 * One channel as a test drives it: the environment that turns it on against its fake, how a
 * person's message reaches the server over HTTP as the channel would send it, and what the
 * channel delivered to that person.
 */
export interface TestChannelDriver {
  env: Record<string, string>;
  deliver(user: string, content: InboundContent): Promise<void>;
  history(user: string): Promise<Reply[]>;
  /** the id the channel knows `user` by */
  idOf(user: string): string;
  close(): Promise<void>;
  fake?: FakeTelegram;
  zalo?: FakeZalo;
}

const telegram = async (ctx: DriverContext): Promise<TestChannelDriver> => {
  const fake = await startFakeTelegram();
  return {
    fake,
    env: {
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_MODE: "webhook",
      TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
      DATA_KEY: Buffer.alloc(32, 7).toString("base64"),
    },
    async deliver(user, content) {
      const id = ctx.numericId(user);
      const updateId = ctx.nextId();
      const from = { id, is_bot: false, first_name: "Test" };
      const chat = { id, type: "private" };
      const message: Record<string, unknown> = { message_id: updateId, from, chat, date: 1 };
      if (content.kind === "text") message.text = content.text;
      if (content.kind === "sticker") message.sticker = { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false };
      if (content.kind === "photo") message.photo = [{ file_id: "p", file_unique_id: "p", width: 1, height: 1, file_size: 1000 }];
      if (content.kind === "location") message.location = { latitude: 19.9, longitude: 105.2 };
      const update =
        content.kind === "choice"
          ? { update_id: updateId, callback_query: { id: `cq${updateId + 1}`, from, chat_instance: "x", data: content.value, message: { message_id: 1, date: 1, chat } } }
          : { update_id: updateId, message };
      const res = await fetch(`${ctx.base()}/telegram/webhook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": TELEGRAM_SECRET },
        body: JSON.stringify(update),
      });
      if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
    },
    history: async (user) => fake.sentTo(ctx.numericId(user)),
    idOf: (user) => String(ctx.numericId(user)),
    close: () => fake.close(),
  };
};

const zalo = async (ctx: DriverContext): Promise<TestChannelDriver> => {
  const api = fakeZaloApi();
  const zaloId = (user: string) => `84${String(ctx.numericId(user)).padStart(16, "0")}`;
  return {
    zalo: api,
    env: {
      ZALO_APP_ID: ZALO.appId,
      ZALO_APP_SECRET: ZALO.appSecret,
      ZALO_OA_SECRET_KEY: ZALO.oaSecretKey,
      ZALO_ACCESS_TOKEN: "access-0",
      ZALO_REFRESH_TOKEN: "refresh-0",
      ZALO_API_BASE: ZALO.apiBase,
      ZALO_OAUTH_BASE: ZALO.oauthBase,
      DATA_KEY: Buffer.alloc(32, 7).toString("base64"),
    },
    async deliver(user, content) {
      const userId = zaloId(user);
      const at = String(ctx.clock.now.getTime());
      const base = { sender: { id: userId }, recipient: { id: ZALO.oaId }, timestamp: at };
      const msg_id = `zmsg${ctx.nextId()}`;
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
      const res = await fetch(`${ctx.base()}/zalo/webhook`, { method: "POST", headers: { "content-type": "application/json", "x-zevent-signature": signature }, body });
      if (res.status !== 200) throw new Error(`zalo webhook answered ${res.status}`);
    },
    history: async (user) => api.sentTo(zaloId(user)),
    idOf: zaloId,
    close: async () => api.close(),
  };
};

const simulator = async (ctx: DriverContext): Promise<TestChannelDriver> => ({
  // The simulator is on in every test chat (the base environment).
  env: {},
  async deliver(user, content) {
    const body = content.kind === "text" ? { text: content.text } : content.kind === "choice" ? { choice: content.value } : { sticker: true };
    const res = await fetch(`${ctx.base()}/simulator/api/send`, {
      method: "POST",
      headers: simulatorHeaders,
      body: JSON.stringify({ user, id: randomUUID(), ...body }),
    });
    if (res.status !== 200) throw new Error(`simulator answered ${res.status}`);
  },
  async history(user) {
    const res = await fetch(`${ctx.base()}/simulator/api/messages?user=${encodeURIComponent(user)}&after=0`, { headers: simulatorHeaders });
    const body = (await res.json()) as { messages: { text: string; choices?: Reply["choices"] }[] };
    return body.messages.map((m) => ({ text: m.text, choices: m.choices ?? [] }));
  },
  idOf: (user) => user,
  close: async () => {},
});

/**
 * A test driver for every channel of the product's table (bots/channels.ts), by name; a channel
 * added there without a driver here makes every channel suite fail (tests/support/chat.ts).
 */
export const TEST_DRIVERS = { telegram, zalo, simulator } satisfies Record<string, (ctx: DriverContext) => Promise<TestChannelDriver>>;
