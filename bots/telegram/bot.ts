import { Bot } from "grammy";
import type { Inbox } from "../../src/engine/inbox.ts";
import type { Logger } from "../../src/logger.ts";
import type { MenuCommand } from "../channel.ts";
import { menuCommands } from "./menu.ts";
import { redactError, redactingTransformer } from "./redact.ts";
import { createTelegramSender } from "./sender.ts";
import { translateUpdate } from "./translate.ts";

export interface TelegramOptions {
  token: string;
  apiRoot: string;
  mode: "polling" | "webhook";
  webhookUrl?: string;
  webhookSecret?: string;
  inbox: Inbox;
  log: Logger;
  /** wait between tries of a start-up call that failed, by attempt */
  retryDelayMs?: (attempt: number) => number;
  /** the command table the menu is built from (bots/telegram/menu.ts) */
  menu?: readonly MenuCommand[];
}

/** Telegram as a channel: updates in (polling or webhook), messages out through the outbox. */
export interface TelegramChannel {
  sender: ReturnType<typeof createTelegramSender>;
  /** Records one update durably; resolves when it is safe to answer Telegram. */
  receiveUpdate(update: unknown): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createTelegramChannel(options: TelegramOptions): TelegramChannel {
  const { log, inbox } = options;
  const retryDelayMs = options.retryDelayMs ?? ((n: number) => Math.min(1000 * 2 ** n, 5 * 60_000));
  const bot = new Bot(options.token, { client: { apiRoot: options.apiRoot } });
  // The token is in every Bot API URL: errors leave the client without it (redact.ts).
  bot.api.config.use(redactingTransformer(options.token));
  const sender = createTelegramSender(bot.api);
  let stopped = false;

  async function receiveUpdate(update: unknown) {
    const translated = translateUpdate(update);
    if (!translated) return;
    await inbox.receive(translated.inbound);
    if (translated.callbackQueryId) {
      // Stops the button's spinner; cosmetic, so a failure is only logged.
      bot.api.answerCallbackQuery(translated.callbackQueryId).catch((e) => log.debug({ err: e }, "answerCallbackQuery failed"));
    }
  }

  // In polling mode the offset moves on once the handler returns: keep trying to record the
  // update (the database may be briefly locked or down) rather than lose it.
  bot.use(async (ctx) => {
    for (let attempt = 1; !stopped; attempt++) {
      try {
        await receiveUpdate(ctx.update);
        return;
      } catch (error) {
        log.error({ err: error, attempt }, "could not record a Telegram update; trying again");
        await sleep(retryDelayMs(attempt));
      }
    }
  });
  bot.catch((error) => log.error({ err: redactError(error.error, options.token) }, "Telegram handler failed"));

  /** Runs a start-up call until it succeeds, in the background: Telegram may be down at start. */
  function keepTrying(what: string, call: () => Promise<unknown>) {
    void (async () => {
      for (let attempt = 1; !stopped; attempt++) {
        try {
          await call();
          log.info(`telegram: ${what} done`);
          return;
        } catch (error) {
          log.warn({ err: error, attempt }, `telegram: ${what} failed; trying again later`);
          await sleep(retryDelayMs(attempt));
        }
      }
    })();
  }

  return {
    sender,
    receiveUpdate,
    async start() {
      stopped = false;
      // The menu in Vietnamese for everyone, and in English for a Telegram set to English.
      const menu = options.menu ?? [];
      if (menu.length) {
        keepTrying("vi setMyCommands", () => bot.api.setMyCommands(menuCommands(menu, "vi")));
        keepTrying("en setMyCommands", () => bot.api.setMyCommands(menuCommands(menu, "en"), { language_code: "en" }));
      }
      if (options.mode === "webhook") {
        if (options.webhookUrl) {
          const url = options.webhookUrl;
          keepTrying("setWebhook", () =>
            bot.api.setWebhook(url, { secret_token: options.webhookSecret, allowed_updates: ["message", "callback_query"] }),
          );
        }
        return;
      }
      keepTrying("polling", async () => {
        await bot.api.deleteWebhook();
        await bot.init();
        // start() resolves only when polling stops; errors inside the loop are retried by grammY.
        void bot.start({ allowed_updates: ["message", "callback_query"], onStart: () => log.info("telegram: polling") }).catch((error) => {
          log.error({ err: redactError(error, options.token) }, "telegram polling stopped");
        });
      });
    },
    async stop() {
      stopped = true;
      if (bot.isRunning()) await bot.stop();
    },
  };
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
