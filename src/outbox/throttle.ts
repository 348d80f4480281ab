import pThrottle from "p-throttle";
import type { ChannelSender } from "./sender.ts";

export interface ThrottleOptions {
  /** messages per second over the whole channel (Telegram: about 30) */
  perSecond: number;
  /** least time between two messages to one chat (Telegram: about 1 s) */
  perChatMs: number;
  /** how to wait and what time it is: real time, unless a test drives both */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Keeps a channel's sends within its limits: a sliding-window limit for the whole channel
 * (p-throttle), spacing per chat, and a pause of the whole channel when it answers 429 — the
 * other chats' messages wait too, since Telegram's 429 is usually about the bot, not the chat.
 */
export function throttled(sender: ChannelSender, options: ThrottleOptions): ChannelSender {
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  const gate = pThrottle({ limit: options.perSecond, interval: 1000, strict: true })(async () => undefined);
  const lastSent = new Map<string, number>();
  let pausedUntil = 0;

  return {
    channel: sender.channel,
    async send(chatId, message) {
      const since = now() - (lastSent.get(chatId) ?? 0);
      if (since < options.perChatMs) await sleep(options.perChatMs - since);
      while (now() < pausedUntil) await sleep(pausedUntil - now());
      await gate();
      const result = await sender.send(chatId, message);
      lastSent.set(chatId, now());
      if (lastSent.size > 50_000) lastSent.clear();
      if (result.kind === "retry-after") pausedUntil = Math.max(pausedUntil, now() + result.seconds * 1000);
      return result;
    },
  };
}
