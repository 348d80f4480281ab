import { RateLimiterMemory } from "rate-limiter-flexible";

/**
 * How many wrong codes (invite or link) one person may type before they must wait: enough for
 * typos, far too few to guess a code (31^8 of them).
 */
export const WRONG_CODES = 5;
export const WRONG_CODES_WINDOW_MINUTES = 15;

/**
 * Counts wrong codes per person and key. Kept in memory (rate-limiter-flexible's
 * RateLimiterMemory): a restart forgets the count, which a guesser cannot trigger, and the effect
 * that consults it runs inside the step's SQLite transaction, where a second writer would wait
 * on the first.
 */
export interface GuessLimit {
  /** minutes left to wait, or 0 when this person may try a code now */
  waitMinutes(key: string): Promise<number>;
  /** records one wrong code */
  wrong(key: string): Promise<void>;
}

export function createGuessLimit(options: { points?: number; minutes?: number } = {}): GuessLimit {
  const points = options.points ?? WRONG_CODES;
  const limiter = new RateLimiterMemory({ points, duration: (options.minutes ?? WRONG_CODES_WINDOW_MINUTES) * 60 });
  return {
    async waitMinutes(key) {
      const state = await limiter.get(key);
      if (!state || state.consumedPoints < points) return 0;
      return Math.max(1, Math.ceil(state.msBeforeNext / 60_000));
    },
    async wrong(key) {
      await limiter.penalty(key, 1);
    },
  };
}
