import { understandCount } from "../domain/understand/count.ts";
import { understandYesNo } from "../domain/understand/yesno.ts";
import { isSkip } from "../domain/text.ts";
import { answerText } from "./flow.ts";
import type { ChoiceMsg, InboundContent, Msg } from "./types.ts";

/**
 * Building blocks for flow steps: parsers that turn what a person sent into a value or the
 * message saying what was expected, (the words of a feature's own rules live with the feature).
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: Msg };

export const yesNoChoices: ChoiceMsg[] = [
  { label: { key: "btn-yes" }, value: "yes" },
  { label: { key: "btn-no" }, value: "no" },
];

export const skipChoice: ChoiceMsg = { label: { key: "btn-skip" }, value: "skip" };

/** A count, or a count to confirm first ("hơn 3": "Ý bạn là 3 phải không?"). */
export type CountParsed = Parsed<number> | { ok: "confirm"; value: number };

/**
 * A count as people type it: digits, words ("mười hai"), with its noun ("12 người"), "không có"
 * for zero (see understand/count.ts). A refusal says what to type, with an example.
 */
export function countAnswer(input: InboundContent): CountParsed {
  const text = answerText(input);
  if (text === undefined) return { ok: false, error: notTextError(input, "err-count-not-a-number") };
  const u = understandCount(text);
  if (u.kind === "value") return { ok: true, value: u.value };
  if (u.kind === "confirm") return { ok: "confirm", value: u.value };
  return { ok: false, error: { key: `err-count-${u.reason}` } };
}

/** A yes or a no as people say it; `edit` is a no that asks to change something ("sửa"). */
export function yesNoAnswer(input: InboundContent): Parsed<boolean> & { edit?: boolean } {
  const text = answerText(input);
  if (text === undefined) return { ok: false, error: notTextError(input, "err-yes-no") };
  const understood = understandYesNo(text);
  if (!understood) return { ok: false, error: { key: "err-yes-no" } };
  return understood.value ? { ok: true, value: true } : { ok: true, value: false, ...(understood.edit ? { edit: true } : {}) };
}

/** A sticker or a voice note where words were expected: a kind word saying to tap or type. */
export function notTextError(input: InboundContent, otherwise = "expect-text"): Msg {
  return input.kind === "sticker" || input.kind === "other" ? { key: "expect-text-not-media" } : { key: otherwise };
}

/** Free text with a length limit; `null` when an optional answer was skipped or said "nothing". */
export function textAnswer(input: InboundContent, opts: { max: number; optional: boolean }): Parsed<string | null> {
  const text = answerText(input);
  if (text === undefined) return { ok: false, error: notTextError(input) };
  if (opts.optional && isSkip(text)) return { ok: true, value: null };
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, error: { key: "expect-text" } };
  if (trimmed.length > opts.max) return { ok: false, error: { key: "err-too-long", args: { max: opts.max } } };
  return { ok: true, value: trimmed };
}
