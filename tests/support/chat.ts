import { CHANNELS as CHANNEL_TABLE } from "../../bots/channels.ts";
import { loadConfig } from "../../src/config.ts";
import type { InboundContent } from "../../src/engine/types.ts";
import type { FloodLimit } from "../../src/engine/inbox.ts";
import { createServer, type Server } from "../../src/server.ts";
import type { Db } from "../../src/store/client.ts";
import { createInvite, inviteExpiry } from "../../src/store/invites.ts";
import { addUnit } from "../../src/store/units.ts";
import type { Classification } from "../../src/domain/units.ts";
import { SIMULATOR_TEST_SECRET, TEST_DRIVERS, type DriverContext, type Reply } from "./channel-drivers.ts";
import { freshDb, TEST_DATA_KEY } from "./db.ts";
import type { FakeTelegram } from "./fake-telegram.ts";
import type { FakeZalo } from "./fake-zalo.ts";
import { captureLogger } from "./logger.ts";

export { SIMULATOR_TEST_SECRET, simulatorHeaders, type Reply } from "./channel-drivers.ts";

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

export type TestChannel = keyof typeof TEST_DRIVERS;

const hasDriver = (name: string): name is TestChannel => name in TEST_DRIVERS;
const undriven = CHANNEL_TABLE.map((c) => c.name).filter((name) => !hasDriver(name));
if (undriven.length) throw new Error(`tests/support/channel-drivers.ts: no test driver for the channel(s) ${undriven.join(", ")} of bots/channels.ts`);

/** Every channel of the product's table (bots/channels.ts), for suites that run over each. */
export const CHANNELS: readonly TestChannel[] = CHANNEL_TABLE.map((c) => c.name).filter(hasDriver);

/**
 * A running product on a fresh database with a fake channel, driven over HTTP exactly as the
 * channel would drive it (tests/support/channel-drivers.ts): the simulator's API, Telegram's
 * webhook with a fake Bot API, Zalo's signed webhook with a fake OA API.
 */
export async function openChat(channel: TestChannel, options: { now?: Date; scheduler?: boolean; floodLimit?: FloodLimit | false; photoTimeoutMs?: number } = {}): Promise<ChatDriver> {
  const { db, url, file: dbFile, cleanup } = await freshDb();
  const { log, lines } = captureLogger();
  const clock = { now: options.now ?? new Date("2026-11-21T03:00:00Z") };
  let base = "";
  const userIds = new Map<string, number>();
  let updateId = 1;
  const context: DriverContext = {
    base: () => base,
    clock,
    numericId(user) {
      if (!userIds.has(user)) userIds.set(user, 5000 + userIds.size);
      return userIds.get(user)!;
    },
    nextId: () => updateId++,
  };
  const driver = await TEST_DRIVERS[channel](context);
  // A data key on every channel, as a real deployment has (demo mode makes one at start).
  const env: Record<string, string> = {
    DATABASE_URL: url,
    SIMULATOR: "on",
    SIMULATOR_SECRET: SIMULATOR_TEST_SECRET,
    LOG_LEVEL: "debug",
    DATA_KEY: TEST_DATA_KEY,
    ...driver.env,
  };
  const config = loadConfig(env);
  let server: Server;
  const boot = async () => {
    server = createServer({
      config,
      db,
      log,
      clock: () => clock.now,
      // The backoff waits on the product's clock, which a test holds still: a retry even 10 ms
      // "later" never came due, so `flush` returned without a reply whose first send failed (a
      // dropped connection on a loaded machine). At 0 the retry is due at once and `flush` waits
      // for it; a message that fails every try is still given up and the officers told.
      dispatcher: { backoffMs: () => 0, pollMs: 50 },
      photoTimeoutMs: options.photoTimeoutMs,
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

  const seen = new Map<string, number>();

  async function settle() {
    await server.inbox.idle();
    await server.dispatcher.flush();
  }

  const history = (user: string) => driver.history(user);

  async function deliver(user: string, content: InboundContent): Promise<Reply[]> {
    await driver.deliver(user, content);
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
    fake: driver.fake,
    zalo: driver.zalo,
    logLines: lines,
    clock,
    send: (user, text) => deliver(user, { kind: "text", text }),
    press: (user, value) => deliver(user, { kind: "choice", value }),
    sendOther: (user, kind) =>
      deliver(user, kind === "sticker" ? { kind: "sticker" } : kind === "photo" ? { kind: "photo", ref: { channel: "telegram", fileId: "p" } } : { kind: "location", latitude: 1, longitude: 1 }),
    history,
    idOf: (user: string) => driver.idOf(user),
    async restart() {
      await server.stop();
      await boot();
    },
    async close() {
      await server.stop();
      await driver.close();
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
