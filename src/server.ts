import http from "node:http";
import { registry } from "../features/index.ts";
import type { ChannelAdapter, MenuCommand, RunningChannel } from "../bots/channel.ts";
import { CHANNELS } from "../bots/channels.ts";
import { photoFetcher } from "../bots/photo-fetcher.ts";
import { BUILTIN } from "./engine/commands.ts";
import type { Config } from "./config.ts";
import { createGuessLimit } from "./engine/guess-limit.ts";
import { createInbox, type FloodLimit, type Inbox } from "./engine/inbox.ts";
import { createApp } from "./http/app.ts";
import type { Logger } from "./logger.ts";
import { createDispatcher, type Dispatcher, type DispatcherOptions } from "./outbox/dispatcher.ts";
import { checkpoint, isolated, sqlitePath, type Db } from "./store/client.ts";
import { createWriteProbe } from "./store/write-probe.ts";
import { tellOfficersQuarantined as tellOfficersInboundQuarantined } from "./outbox/quarantined.ts";
import { useDataKey } from "./store/keyring.ts";
import { sealLegacyRows } from "./store/legacy-rows.ts";
import { tellOfficersUndeliverable } from "./outbox/undeliverable.ts";
import { queueOwedToNewcomer } from "./scheduler/newcomer.ts";
import { tellOfficersQuarantined } from "./outbox/quarantine.ts";
import { createScheduler, type Scheduler } from "./scheduler/scheduler.ts";

export interface ServerOptions {
  config: Config;
  db: Db;
  log: Logger;
  clock?: () => Date;
  /** test knobs for retry timing; production uses the defaults */
  dispatcher?: Partial<Pick<DispatcherOptions, "backoffMs" | "pollMs" | "maxAttempts">>;
  inboxRetryDelayMs?: (attempt: number) => number;
  telegramRetryDelayMs?: (attempt: number) => number;
  /** least time between two messages to one chat; tests of conversations set 0 */
  perChatMs?: number;
  /** what one chat may send before the excess is set aside (default `DEFAULT_FLOOD_LIMIT`) */
  floodLimit?: FloodLimit | false;
  /** false: do not start the scheduler (tests that drive ticks themselves) */
  scheduler?: boolean;
  /** `/healthz` says degraded below this much free disk space (default 1 MiB) */
  minFreeBytes?: number;
  /** how long the console waits for a channel to give a tip's photo (default 15 s) */
  photoTimeoutMs?: number;
  /** the channel table (default `CHANNELS` of bots/channels.ts); tests add a channel of their own */
  channels?: readonly ChannelAdapter[];
}

/** The commands a channel's menu lists: the flows' commands, then help, cancel and language. */
export const MENU: readonly MenuCommand[] = [...registry.commands.filter((c) => c.names.length > 0), { names: BUILTIN.help }, { names: BUILTIN.cancel }, { names: BUILTIN.lang }];

/** SIGTERM: what is in flight gets this long to finish, so the process exits within 10 s. */
export const STOP_WAIT_MS = 8000;

/** The running product: HTTP, the inbox, the outbox and the channels, wired once. */
export interface Server {
  inbox: Inbox;
  dispatcher: Dispatcher;
  scheduler: Scheduler;
  /** the channels this configuration opened, in the table's order */
  channels: readonly RunningChannel[];
  /** Starts listening; resolves with the bound port. */
  listen(port: number): Promise<number>;
  /** Processing and sending continue after a restart from what the database holds. */
  start(): Promise<void>;
  /**
   * Takes no new work (webhooks answer 503, so the channels deliver them again later), lets what
   * is in flight finish for at most `waitMs` (default {@link STOP_WAIT_MS}), then closes. Pending
   * updates and messages stay in the database and go on at the next start.
   */
  stop(waitMs?: number): Promise<void>;
}

export function createServer(options: ServerOptions): Server {
  const { config, db, log } = options;
  if (!config.dataKey) throw new Error("createServer: no data key (DATA_KEY, or the demo key resolved at start)");
  useDataKey(config.dataKey);
  const clock = options.clock ?? (() => new Date());
  let dispatcher: Dispatcher | undefined;
  let stopping = false;
  const probe = createWriteProbe(sqlitePath(config.databaseUrl), { minFreeBytes: options.minFreeBytes });
  // Wrong codes are counted per person whether typed in chat or sent from the console.
  const guesses = createGuessLimit();
  const inbox = createInbox({
    db,
    clock,
    log,
    engine: {
      registry,
      timeZone: config.timeZone,
      dataKey: config.dataKey,
      inviteTtlDays: config.inviteTtlDays,
      publicUrl: config.publicUrl,
      guesses,
      // A head or mentor who joins after this month's (week's) prompt went out gets it at once.
      onJoin: (tx, joined, now) => queueOwedToNewcomer(tx, joined, { schedule: config.schedule, timeZone: config.timeZone }, now),
    },
    onCommitted: () => dispatcher?.wake(),
    retryDelayMs: options.inboxRetryDelayMs,
    floodLimit: options.floodLimit,
    databaseWritable: async () => (await probe.check(1000)).ok,
    onQuarantined: async (_id, now) => {
      if ((await isolated(db, (tx) => tellOfficersInboundQuarantined(tx, now))) > 0) dispatcher?.wake();
    },
  });
  const channels = (options.channels ?? CHANNELS).flatMap((adapter) => {
    const opened = adapter.open({
      config,
      db,
      inbox,
      log,
      clock,
      menu: MENU,
      perChatMs: options.perChatMs,
      retryDelayMs: options.telegramRetryDelayMs,
    });
    return opened ? [opened] : [];
  });
  dispatcher = createDispatcher({
    db,
    senders: channels.flatMap((c) => (c.sender ? [c.sender] : [])),
    clock,
    log,
    onGiveUp: async (row, status, now) => {
      if ((await isolated(db, (tx) => tellOfficersUndeliverable(tx, row, status, now))) > 0) dispatcher?.wake();
    },
    onQuarantined: async (ids, now) => void (await isolated(db, (tx) => tellOfficersQuarantined(tx, ids, now))),
    ...options.dispatcher,
  });
  const scheduler = createScheduler({
    db,
    schedule: config.schedule,
    timeZone: config.timeZone,
    log,
    clock,
    onQueued: () => dispatcher?.wake(),
    tipRetentionDays: config.tipRetentionDays,
  });
  const app = createApp({
    log,
    demo: config.demo,
    routes: channels.flatMap((c) => c.routes),
    health: (timeoutMs) => probe.check(timeoutMs),
    console: {
      db,
      log,
      timeZone: config.timeZone,
      dataKey: config.dataKey,
      publicUrl: config.publicUrl,
      org: config.org,
      schedule: config.schedule,
      clock,
      registry,
      effectContext: { dataKey: config.dataKey, timeZone: config.timeZone, inviteTtlDays: config.inviteTtlDays, guesses, publicUrl: config.publicUrl },
      onQueued: () => dispatcher?.wake(),
      fetchPhoto: photoFetcher(channels, { timeoutMs: options.photoTimeoutMs }),
    },
    stopping: () => stopping,
  });
  const httpServer = http.createServer(app);
  let checkpoints: NodeJS.Timeout | undefined;

  return {
    inbox,
    dispatcher,
    scheduler,
    channels,
    listen(port) {
      return new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, () => {
          const address = httpServer.address();
          resolve(typeof address === "object" && address ? address.port : port);
        });
      });
    },
    async start() {
      const sealed = await sealLegacyRows(db);
      if (sealed) log.info({ sealed }, "sealed the times and conversations an older version kept in the clear");
      await dispatcher!.start();
      await inbox.resume();
      for (const channel of channels) await channel.start();
      if (options.scheduler !== false) await scheduler.start();
      checkpoints = setInterval(() => void checkpoint(db).catch((e) => log.warn({ err: e }, "WAL checkpoint failed")), 60_000).unref();
    },
    async stop(waitMs = STOP_WAIT_MS) {
      stopping = true;
      const deadline = Date.now() + waitMs;
      const left = () => Math.max(0, deadline - Date.now());
      const atMost = (work: Promise<unknown> | undefined) =>
        Promise.race([work?.catch((e) => log.error({ err: e }, "stopping")), new Promise((resolve) => setTimeout(resolve, left()).unref())]);
      scheduler.stop();
      clearInterval(checkpoints);
      await atMost(Promise.all(channels.map((c) => c.stop())));
      // The listener stays open until the end, so a webhook meanwhile gets a 503, not a refusal.
      await inbox.stop(left());
      await dispatcher!.stop(left());
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeAllConnections();
      await atMost(closed);
      probe.close();
      log.info({ pending: "left in the database for the next start" }, "stopped");
    },
  };
}
