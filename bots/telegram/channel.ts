import express from "express";
import { throttled } from "../../src/outbox/throttle.ts";
import type { ChannelAdapter } from "../channel.ts";
import { createTelegramChannel } from "./bot.ts";
import { fetchTelegramFile } from "./file.ts";
import { MAX_BUTTONS, MAX_TEXT } from "./sender.ts";
import { jsonOnly } from "../json-only.ts";
import { telegramSecret, telegramWebhook } from "./webhook.ts";

/**
 * Telegram: updates by long polling or by `POST /telegram/webhook`, messages out through the
 * Bot API, a command menu in Vietnamese and English, no delivery window.
 */
export const telegramAdapter: ChannelAdapter = {
  name: "telegram",
  limits: { maxButtons: MAX_BUTTONS, maxText: MAX_TEXT, commandMenu: true, bareCommands: false, freeWindowHours: null },
  open({ config, inbox, log, menu, perChatMs, retryDelayMs }) {
    const telegram = config.telegram;
    if (!telegram) return undefined;
    const channel = createTelegramChannel({
      token: telegram.token,
      apiRoot: telegram.apiRoot,
      mode: telegram.mode,
      webhookUrl: telegram.mode === "webhook" ? telegram.url : undefined,
      webhookSecret: telegram.mode === "webhook" ? telegram.secret : undefined,
      inbox,
      log,
      retryDelayMs,
      menu,
    });
    return {
      name: "telegram",
      limits: telegramAdapter.limits,
      sender: throttled(channel.sender, { perSecond: config.telegramPerSecond, perChatMs: perChatMs ?? 1000 }),
      routes:
        telegram.mode === "webhook"
          ? [
              {
                method: "post",
                path: "/telegram/webhook",
                redeliverable: true,
                // Secret first, then content type, then parsing: a stranger learns nothing from our parser.
                handlers: [
                  telegramSecret(telegram.secret),
                  jsonOnly,
                  express.json({ limit: "1mb" }),
                  telegramWebhook({ receiveUpdate: channel.receiveUpdate, log }),
                ],
              },
            ]
          : [],
      fetchFile: (fileId, limits) => fetchTelegramFile(telegram.apiRoot, telegram.token, fileId, limits),
      start: () => channel.start(),
      stop: () => channel.stop(),
    };
  },
};
