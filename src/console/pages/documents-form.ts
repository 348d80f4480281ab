import { NarrativeFile } from "../../admin/review.ts";
import type { ReviewRange } from "../../admin/review.ts";
import { monthsBetween } from "../../domain/green-zone.ts";
import type { Msg } from "../../domain/message.ts";
import { displayPeriod, parsePeriodText, type Period } from "../../domain/period.ts";

/** The ranges offered in one click: a half-year review and a whole year's. */
export const REVIEW_CHOICES: readonly number[] = [6, 12];

/** The longest range the page generates: two years of months. */
export const MAX_CONSOLE_REVIEW_MONTHS = 24;

/** The document number after "Số:" fits one line of the heading's left block. */
export const MAX_NUMBER_LENGTH = 40;

/** The narrative parts, in the report's order (II, III, IV). */
export const NARRATIVE_PARTS = ["shortcomings", "directions", "proposals"] as const;
type NarrativePart = (typeof NARRATIVE_PARTS)[number];

/** What the review form holds, as typed: shown again, unchanged, when it is refused. */
export type ReviewForm = { from: string; to: string; number: string } & Record<NarrativePart, string>;

const text = (value: unknown): string => (typeof value === "string" ? value : "");

/** A month from the page: `YYYY-MM` (or `MM/YYYY` typed by hand), not after the month under way. */
export function checkMonth(value: unknown, current: Period): { ok: true; period: Period } | { ok: false; error: Msg } {
  const period = parsePeriodText(text(value));
  if (!period) return { ok: false, error: { key: "console-docs-month-bad", args: { example: current } } };
  if (period > current) return { ok: false, error: { key: "console-docs-month-future", args: { month: displayPeriod(period), current: displayPeriod(current) } } };
  return { ok: true, period };
}

/**
 * The review form checked: both months real and not in the future, in order, at most
 * {@link MAX_CONSOLE_REVIEW_MONTHS} apart; the number on one short line; each part within the
 * length the admin command's narrative file allows. A refusal says what to type and keeps the form.
 */
export function checkReview(
  body: Record<string, unknown>,
  current: Period,
): { ok: true; range: ReviewRange; form: ReviewForm } | { ok: false; error: Msg; form: ReviewForm } {
  const form: ReviewForm = {
    from: text(body.from).trim(),
    to: text(body.to).trim(),
    number: text(body.number).trim(),
    shortcomings: text(body.shortcomings).replace(/\r\n/g, "\n").trim(),
    directions: text(body.directions).replace(/\r\n/g, "\n").trim(),
    proposals: text(body.proposals).replace(/\r\n/g, "\n").trim(),
  };
  const refuse = (error: Msg) => ({ ok: false as const, error, form });
  const from = checkMonth(form.from, current);
  if (!from.ok) return refuse(from.error);
  const to = checkMonth(form.to, current);
  if (!to.ok) return refuse(to.error);
  if (from.period > to.period) return refuse({ key: "console-docs-range-backwards", args: { from: displayPeriod(from.period), to: displayPeriod(to.period) } });
  const months = monthsBetween(from.period, to.period).length;
  if (months > MAX_CONSOLE_REVIEW_MONTHS) return refuse({ key: "console-docs-range-long", args: { months, max: MAX_CONSOLE_REVIEW_MONTHS } });
  if (form.number.length > MAX_NUMBER_LENGTH || /[\r\n]/.test(form.number)) return refuse({ key: "console-docs-number-bad", args: { max: MAX_NUMBER_LENGTH } });
  const narrative = NarrativeFile.safeParse({ shortcomings: form.shortcomings, directions: form.directions, proposals: form.proposals });
  if (!narrative.success) {
    const part = String(narrative.error.issues[0]!.path[0]);
    return refuse({ key: "console-docs-part-long", args: { part: { key: `console-docs-review-${part}` } } });
  }
  return { ok: true, range: { from: from.period, to: to.period }, form };
}

/** `bao-cao-thang-2026-11.xlsx`: ASCII, so no browser or phone mangles the name. */
export function monthlyName(period: Period, format: "xlsx" | "csv"): string {
  return `bao-cao-thang-${period}.${format}`;
}

/** `bao-cao-so-ket-2026-05-den-2026-10.docx` (12 months: `tong-ket`). */
export function docxName(range: ReviewRange): string {
  const kind = monthsBetween(range.from, range.to).length >= 12 ? "tong-ket" : "so-ket";
  return `bao-cao-${kind}-${range.from}-den-${range.to}.docx`;
}
