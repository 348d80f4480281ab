import { autoRetry } from "@grammyjs/auto-retry";
import { apiThrottler } from "@grammyjs/transformer-throttler";
import { Bot, GrammyError } from "grammy";
import { clock, type FakeBotApi, type Records } from "./fake-bot-api.ts";

export interface GrammyOptions {
  fake: FakeBotApi;
  token: string;
  limit: number;
  recipients: string[];
  textOf: (chatId: string) => string;
}

export interface GrammyResult {
  records: Records;
  startAt: number;
  endAt: number;
  senderSays: Record<string, number>;
}

/**
 * The common alternative: a grammY bot whose API calls go through
 * `@grammyjs/transformer-throttler` (its documented global reservoir, scaled from 30/s to the
 * limit; per-chat queues at its defaults) and `@grammyjs/auto-retry` (installed last, so it
 * wraps the throttler: a retried call queues again). All messages are handed over at once.
 */
export async function runGrammy(o: GrammyOptions): Promise<GrammyResult> {
  const bot = new Bot(o.token, {
    client: { apiRoot: o.fake.apiRoot },
    botInfo: {
      id: 1,
      is_bot: true,
      first_name: "Bench",
      username: "bench_bot",
      can_join_groups: false,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
    },
  });
  bot.api.config.use(
    apiThrottler({
      global: { reservoir: o.limit, reservoirRefreshAmount: o.limit, reservoirRefreshInterval: 1000 },
    }),
  );
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 10 }));

  const startAt = clock();
  const settled = await Promise.allSettled(o.recipients.map((chatId) => bot.api.sendMessage(chatId, o.textOf(chatId))));
  const endAt = clock();

  const senderSays: Record<string, number> = { fulfilled: 0, rejected: 0 };
  for (const s of settled) {
    if (s.status === "fulfilled") senderSays.fulfilled!++;
    else {
      senderSays.rejected!++;
      const key = s.reason instanceof GrammyError ? `rejected:${s.reason.error_code}` : "rejected:other";
      senderSays[key] = (senderSays[key] ?? 0) + 1;
    }
  }
  return { records: await o.fake.records(), startAt, endAt, senderSays };
}
