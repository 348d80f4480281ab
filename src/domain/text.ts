import { isNothing } from "./understand/nothing.ts";
import { fold as foldText } from "./understand/normalize.ts";
import { understandYesNo } from "./understand/yesno.ts";

/**
 * Text as people type it on a phone: with or without Vietnamese diacritics, any case, stray
 * spaces. Everything a person may type as a choice is compared in this folded form.
 */
export function fold(text: string): string {
  return foldText(text).replace(/\s+/g, " ").trim();
}

/** Reads a yes/no answer as people say it (see understand/yesno.ts); `undefined` when neither. */
export function parseYesNo(text: string): boolean | undefined {
  return understandYesNo(text)?.value;
}

/** True when the person asked to skip an optional question, or answered it with "nothing". */
export function isSkip(text: string): boolean {
  return isNothing(text);
}
