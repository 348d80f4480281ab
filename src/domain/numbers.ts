import { MAX_COUNT } from "./report.ts";

export type CountParse =
  | { ok: true; value: number }
  | { ok: false; error: "not-a-number" | "negative" | "too-large" | "not-whole" };

/**
 * Reads a count typed as digits. Accepts Vietnamese thousands separators ("1.200", "1 200") and
 * stray spaces; refuses words, negatives, fractions and numbers too large to be a count.
 */
export function parseCount(text: string): CountParse {
  const t = text.trim();
  if (/^-\s*\d/.test(t)) return { ok: false, error: "negative" };
  if (/^\d+[.,]\d{1,2}$/.test(t) && !/^\d{1,3}[.,]\d{3}$/.test(t)) return { ok: false, error: "not-whole" };
  const grouped = /^\d{1,3}([., ]\d{3})+$/.test(t) ? t.replace(/[., ]/g, "") : t;
  if (!/^\d+$/.test(grouped)) return { ok: false, error: "not-a-number" };
  if (grouped.length > 9) return { ok: false, error: "too-large" };
  const value = Number(grouped);
  if (value > MAX_COUNT) return { ok: false, error: "too-large" };
  return { ok: true, value };
}
