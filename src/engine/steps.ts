import { parseCount } from "../domain/numbers.ts";
import { isSkip, parseYesNo } from "../domain/text.ts";
import type { ReportWarning, RuleViolation } from "../domain/report.ts";
import { answerText } from "./flow.ts";
import type { ChoiceMsg, InboundContent, Msg } from "./types.ts";

/**
 * Building blocks for flow steps: parsers that turn what a person sent into a value or the
 * message saying what was expected, and the messages for domain rules.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: Msg };

export const yesNoChoices: ChoiceMsg[] = [
  { label: { key: "btn-yes" }, value: "yes" },
  { label: { key: "btn-no" }, value: "no" },
];

export const skipChoice: ChoiceMsg = { label: { key: "btn-skip" }, value: "skip" };

/** A count typed as digits (or tapped). Anything else says what a count looks like. */
export function countAnswer(input: InboundContent): Parsed<number> {
  const text = answerText(input);
  if (text === undefined) return { ok: false, error: { key: "err-not-a-number" } };
  const parsed = parseCount(text);
  return parsed.ok ? parsed : { ok: false, error: { key: `err-${parsed.error}` } };
}

export function yesNoAnswer(input: InboundContent): Parsed<boolean> {
  const text = answerText(input);
  const value = text === undefined ? undefined : parseYesNo(text);
  return value === undefined ? { ok: false, error: { key: "err-yes-no" } } : { ok: true, value };
}

/** Free text with a length limit; `null` when an optional answer was skipped. */
export function textAnswer(input: InboundContent, opts: { max: number; optional: boolean }): Parsed<string | null> {
  const text = answerText(input);
  if (text === undefined) return { ok: false, error: { key: "expect-text" } };
  if (opts.optional && isSkip(text)) return { ok: true, value: null };
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, error: { key: "expect-text" } };
  if (trimmed.length > opts.max) return { ok: false, error: { key: "err-too-long", args: { max: opts.max } } };
  return { ok: true, value: trimmed };
}

/** A unit's class in words (`class-priority` …). */
export function classMsg(classification: string): Msg {
  return { key: `class-${classification}` };
}

export function fieldLabel(field: string): Msg {
  return { key: `field-${field}` };
}

export function warningMsg(w: ReportWarning): Msg {
  return w.rule === "big-change"
    ? { key: "warn-big-change", args: { label: fieldLabel(w.field), previous: w.previous, value: w.value } }
    : { key: "warn-new-cases-in-clean-unit", args: { value: w.value } };
}

export function violationMsg(v: RuleViolation): Msg {
  return v.rule === "exceeds-addicts"
    ? { key: "rule-exceeds-addicts", args: { label: fieldLabel(v.field), value: v.value, addicts: v.addicts } }
    : { key: "rule-exceeds-households", args: { value: v.value, households: v.households } };
}
