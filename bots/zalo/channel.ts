import express from "express";
import { throttled } from "../../src/outbox/throttle.ts";
import type { ChannelAdapter } from "../channel.ts";
import { downloadImage } from "../fetch-file.ts";
import { jsonOnly } from "../json-only.ts";
import { createZaloSender, MAX_BUTTONS, MAX_TEXT } from "./sender.ts";
import { createZaloTokens } from "./tokens.ts";
import { BARE_COMMANDS } from "./translate.ts";
import { zaloWebhook } from "./webhook.ts";

/** Zalo sends consultation messages free for this long after the person's last interaction. */
export const FREE_WINDOW_HOURS = 48;

/**
 * Zalo OA: events by `POST /zalo/webhook` (signed), consultation messages out with tokens it
 * stores and rotates itself, commands typed without "/", and a 48-hour free window.
 */
export const zaloAdapter: ChannelAdapter = {
  name: "zalo",
  limits: { maxButtons: MAX_BUTTONS, maxText: MAX_TEXT, commandMenu: false, bareCommands: BARE_COMMANDS, freeWindowHours: FREE_WINDOW_HOURS },
  open({ config, db, inbox, log, clock, perChatMs }) {
    const zalo = config.zalo;
    if (!zalo) return undefined;
    if (!config.dataKey) throw new Error("Zalo needs DATA_KEY to keep its tokens encrypted");
    const tokens = createZaloTokens({
      db,
      dataKey: config.dataKey,
      appId: zalo.appId,
      appSecret: zalo.appSecret,
      oauthBase: zalo.oauthBase,
      initial: { accessToken: zalo.accessToken, refreshToken: zalo.refreshToken },
      clock,
      log,
    });
    return {
      name: "zalo",
      limits: zaloAdapter.limits,
      // Zalo allows about 4,000 calls a minute per app; stay well under it.
      sender: throttled(createZaloSender({ apiBase: zalo.apiBase, tokens, log }), { perSecond: 50, perChatMs: perChatMs ?? 0 }),
      routes: [
        {
          method: "post",
          path: "/zalo/webhook",
          redeliverable: true,
          // The signature covers the exact bytes: the body stays raw.
          handlers: [
            jsonOnly,
            express.raw({ type: () => true, limit: "1mb" }),
            zaloWebhook({ oaSecretKey: zalo.oaSecretKey, appId: zalo.appId, receive: (i) => inbox.receive(i), log, clock }),
          ],
        },
      ],
      // A Zalo image is stored as the URL its event carried (bots/zalo/translate.ts); anything else is no file.
      async fetchFile(fileId, limits) {
        if (!/^https?:\/\//i.test(fileId)) throw new Error("zalo photo reference is not a URL");
        return downloadImage(fileId, limits);
      },
      async start() {
        tokens.startAutoRefresh();
      },
      async stop() {
        tokens.stop();
      },
    };
  },
};
