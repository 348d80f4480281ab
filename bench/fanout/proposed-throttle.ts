import type { ChannelSender } from "../../src/outbox/sender.ts";
import type { ThrottleOptions } from "../../src/outbox/throttle.ts";

export interface ProposedOptions extends ThrottleOptions {
  /** the window is 1000 + marginMs long (see (1)) */
  marginMs: number;
  /** also pace sends evenly, (1000 + marginMs) / perSecond apart, so they don't leave in bursts (see (3)) */
  even: boolean;
  /** with `even`: how far a send may go ahead of the even pace to make up for a late one (3) */
  catchUpMs: number;
  /** a send holds its place in the window from when it left (`release`), or until its answer
   * came back (`answer`): the server saw it somewhere in between (5) */
  holdUntil: "release" | "answer";
}

/**
 * A proposed replacement for `src/outbox/throttle.ts`, kept here so the bench can measure it
 * (`--throttle proposed[-even][:MARGIN_MS]`); the project's file is not touched. Differences:
 *
 * (1) The window is `1000 + marginMs` long, not 1000. We count a send when it leaves, Telegram
 *     when it arrives; if an earlier send arrives later (relative to when it left) than the
 *     send L places after it — event-loop stalls from synchronous SQLite, network jitter — the
 *     server sees L + 1 in its second and answers 429, and each 429 pauses the channel for a
 *     whole retry_after. The margin costs marginMs / (1000 + marginMs) of the rate (2.4% at 25).
 * (2) Our own sliding window (the times of the last `perSecond` sends) instead of p-throttle's
 *     strict mode, whose spacing is rounded up to whole ms — `ceil(interval / limit)`: 34 ms at
 *     30/s (98% of the limit), 11 ms at 100/s with a margin (91%).
 * (3) Optionally (`even`), sends are also paced evenly, `(1000 + marginMs) / perSecond` apart (a
 *     GCRA / virtual-clock pacer), and may run up to `catchUpMs` ahead of that pace to make up
 *     for time the sender lost (a dispatcher pass ending, an event-loop stall): the window of (1)
 *     still holds. Bursts of L sends at once stall our event loop (each send costs ~3 ms of
 *     synchronous SQLite and HTTP work), which delays sends and causes the reorderings of (1).
 * (5) Optionally (`holdUntil: "answer"`), a send's place in the window counts from when its
 *     answer came back rather than from when it left. The server took it in somewhere between,
 *     so the window then holds at the server whatever the jitter (the first sends on new
 *     connections are slow, for one), at the cost of a round trip per window when the round
 *     trip is longer than the margin.
 * (4) The pause after a 429 is kept inside the gate: a send already queued at the gate when the
 *     429 came in waits it out too, instead of going out during the pause (to a 429 of its own).
 */
export function throttledProposed(sender: ChannelSender, options: ProposedOptions): ChannelSender {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = options.now ?? Date.now;
  const windowMs = 1000 + options.marginMs; // (1)
  const spacingMs = options.even ? windowMs / options.perSecond : 0; // (3)
  /** when the next send is due on the even pace (3) */
  let pace = 0;
  /** when the last `perSecond` sends left (or were answered (5)), oldest first (2) */
  const released: { at: number; open: boolean }[] = [];
  let queue: Promise<void> = Promise.resolve();
  const lastSent = new Map<string, number>();
  let pausedUntil = 0;

  /** Waits for this send's turn, first come first served; then `done()` when its answer is in. */
  function gate(): Promise<{ done(): void }> {
    const turn = queue.then(async () => {
      for (;;) {
        const oldest = released.length >= options.perSecond ? released[0]! : undefined;
        const full = oldest === undefined ? 0 : oldest.open ? Infinity : oldest.at + windowMs;
        const paced = pace - options.catchUpMs;
        const wait = Math.max(full, paced, pausedUntil) - now(); // (4)
        if (wait <= 0) break;
        // An unanswered oldest send: look again shortly (a sketch; the real thing would wait on it).
        await sleep(Number.isFinite(wait) ? wait : 1);
      }
      pace = Math.max(pace, now()) + spacingMs;
      // Until the answer is in, the send holds its place as if it left just now (5).
      const record = { at: now(), open: options.holdUntil === "answer" };
      released.push(record);
      if (released.length > options.perSecond) released.shift();
      return {
        done() {
          if (record.open) Object.assign(record, { at: now(), open: false });
        },
      };
    });
    queue = turn.then(() => undefined);
    return turn;
  }

  return {
    channel: sender.channel,
    async send(chatId, message) {
      const since = now() - (lastSent.get(chatId) ?? 0);
      if (since < options.perChatMs) await sleep(options.perChatMs - since);
      const turn = await gate();
      let result;
      try {
        result = await sender.send(chatId, message);
      } finally {
        turn.done();
      }
      lastSent.set(chatId, now());
      if (lastSent.size > 50_000) lastSent.clear();
      if (result.kind === "retry-after") pausedUntil = Math.max(pausedUntil, now() + result.seconds * 1000);
      return result;
    },
  };
}
