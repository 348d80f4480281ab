import type { GreenState } from "../domain/green-zone.ts";
import type { Msg } from "../domain/message.ts";
import { Period } from "../domain/period.ts";
import type { Bar } from "./charts.ts";
import { html, type SafeHtml } from "./html.ts";

type T = (msg: Msg) => string;

const SYMBOL: Record<GreenState, string> = { green: "✓", "at-risk": "!", "not-green": "✗", unknown: "?" };

/** A green-zone state as a badge: colour, a symbol and the word, so colour is never the only sign. */
export function stateBadge(t: T, state: GreenState, short = false): SafeHtml {
  const word = t({ key: `console-state-${state}` });
  return short
    ? html`<span class="state state-${state}" title="${word}"><span aria-hidden="true">${SYMBOL[state]}</span><span class="sr">${word}</span></span>`
    : html`<span class="state state-${state}"><span aria-hidden="true">${SYMBOL[state]}</span> ${word}</span>`;
}

/** The legend of the state badges. */
export function stateLegend(t: T): SafeHtml {
  const states: GreenState[] = ["green", "at-risk", "not-green", "unknown"];
  return html`<ul class="legend">${states.map((s) => html`<li>${stateBadge(t, s)}</li>`)}</ul>`;
}

/** `+3`, `−2`, `±0`, or a dash when there is nothing to compare with. */
export function delta(now: number, before: number | null | undefined): string {
  if (before === null || before === undefined) return "—";
  const d = now - before;
  return d > 0 ? `+${d}` : d < 0 ? `−${-d}` : "±0";
}

/** `11/26`: a month in a narrow column heading. */
export function shortMonth(period: string): string {
  return `${period.slice(5, 7)}/${period.slice(2, 4)}`;
}

/** The bars' labels of a run of months: the month's number, and the year under January and the first. */
export function monthBars(months: readonly string[], value: (period: string) => number | null): Bar[] {
  return months.map((m, i) => ({ label: String(Number(m.slice(5, 7))), sublabel: i === 0 || m.endsWith("-01") ? m.slice(0, 4) : undefined, value: value(m) }));
}

/** A month from a query string, or undefined when absent or not `YYYY-MM`. */
export function readMonth(value: unknown): { period?: string; bad: boolean } {
  if (value === undefined || value === "") return { bad: false };
  const parsed = Period.safeParse(value);
  return parsed.success ? { period: parsed.data, bad: false } : { bad: true };
}
