import type { ChannelSender } from "./sender.ts";

export interface ThrottleOptions {
  /** messages per second over the whole channel (Telegram: about 30) */
  perSecond: number;
  /** least time between two messages to one chat (Telegram: about 1 s) */
  perChatMs: number;
  /**
   * added to the one-second window: we count a send when it leaves, the channel when it arrives,
   * and a send delayed on its way (an event-loop stall, the network) must not make the channel
   * see one too many in its second. Costs margin / (1000 + margin) of the rate.
   */
  marginMs?: number;
  /** how far a send may run ahead of the even pace to make up for time the sender lost */
  catchUpMs?: number;
  /** how to wait and what time it is: real time unless a test drives both */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * A pause longer than this is not waited out inside `send`: the message goes back to the outbox
 * with the time left, so the dispatcher's workers stay free for other channels (a Zalo
 * authorisation wait is ten minutes).
 */
export const MAX_HELD_PAUSE_MS = 2000;

interface Slot {
  /** when it left, then when its answer came back */
  at: number;
  open: boolean;
  answered: Promise<void>;
  close: () => void;
}

/**
 * Keeps a channel within its limits without drawing 429s, since each 429 costs the whole channel
 * its `retry_after` (bench/fanout measured 61% of the limit with a plain sliding window, 97% with
 * this). Sends take turns in order and each goes out at the latest of:
 * - when the oldest of the last `perSecond` sends is a window behind — counted from when its
 *   answer came back, since the channel took it in somewhere between leaving and answering;
 * - an even pace of (1000 + margin) / perSecond ms apart, allowed `catchUpMs` ahead to make up
 *   for stalls, so sends never leave in bursts that themselves stall the event loop;
 * - the end of the pause after a 429, which sends already waiting respect too.
 * Per-chat spacing comes first, outside the turn.
 */
export function throttled(sender: ChannelSender, options: ThrottleOptions): ChannelSender {
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  const windowMs = 1000 + (options.marginMs ?? 25);
  const spacingMs = windowMs / options.perSecond;
  const catchUpMs = options.catchUpMs ?? 100;
  const recent: Slot[] = [];
  const lastSent = new Map<string, number>();
  let pace = 0;
  let pausedUntil = 0;
  let queue: Promise<unknown> = Promise.resolve();

  async function waitForTurn(): Promise<Slot | { pausedMs: number }> {
    for (;;) {
      if (pausedUntil - now() > MAX_HELD_PAUSE_MS) return { pausedMs: pausedUntil - now() };
      const full = recent.length >= options.perSecond ? recent[0]! : undefined;
      if (full?.open) {
        await full.answered;
        continue;
      }
      const wait = Math.max(full ? full.at + windowMs : 0, pace - catchUpMs, pausedUntil) - now();
      if (wait <= 0) break;
      await sleep(wait);
    }
    pace = Math.max(pace, now()) + spacingMs;
    let close = () => {};
    const answered = new Promise<void>((resolve) => (close = resolve));
    const slot: Slot = { at: now(), open: true, answered, close };
    recent.push(slot);
    if (recent.length > options.perSecond) recent.shift();
    return slot;
  }

  return {
    channel: sender.channel,
    claimsOnLeaving: true,
    async send(chatId, message, claim) {
      const since = now() - (lastSent.get(chatId) ?? -Infinity);
      if (since < options.perChatMs) await sleep(options.perChatMs - since);
      const turn = queue.then(waitForTurn);
      queue = turn.catch(() => undefined);
      const slot = await turn;
      if ("pausedMs" in slot) {
        return { kind: "retry-after", seconds: Math.ceil(slot.pausedMs / 1000), error: `${sender.channel} paused after a rate limit` };
      }
      try {
        if (claim && !(await claim())) return { kind: "rejected", error: "taken by another sender" };
        const result = await sender.send(chatId, message);
        if (result.kind === "retry-after") pausedUntil = Math.max(pausedUntil, now() + result.seconds * 1000);
        return result;
      } finally {
        slot.at = now();
        slot.open = false;
        slot.close();
        lastSent.set(chatId, now());
        if (lastSent.size > 50_000) lastSent.clear();
      }
    },
  };
}
