/**
 * The baseline: the least a grammY webhook bot can do — parse the update, reply "ok" through the
 * Bot API, answer 200 — on express 5, as our server is. Its latency includes the reply (grammY
 * answers the webhook once the handler, and so `ctx.reply`, has finished).
 */
import http from "node:http";
import express from "express";
import { Bot, webhookCallback } from "grammy";

export async function startBareBot(options: { token: string; apiRoot: string; secretToken: string }) {
  const bot = new Bot(options.token, {
    // Given up front, so the bot never calls getMe (not part of what is measured).
    botInfo: {
      id: Number(options.token.split(":")[0]),
      is_bot: true,
      first_name: "Bare",
      username: "bare_bench_bot",
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
    client: { apiRoot: options.apiRoot },
  });
  bot.on("message", (ctx) => ctx.reply("ok"));

  const app = express();
  app.disable("x-powered-by");
  app.use(express.json());
  app.post("/telegram/webhook", webhookCallback(bot, "express", { secretToken: options.secretToken }));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/telegram/webhook`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
