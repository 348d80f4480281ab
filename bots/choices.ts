import type { Choice, Outbound } from "../src/engine/types.ts";
import { t } from "../src/i18n.ts";

/** A message's choices as a channel can show them: buttons up to its limit, the rest to type. */
export interface ChoicesLaidOut {
  buttons: Choice[];
  /** the labels of the choices past the limit, which the person types instead */
  typed: string[];
}

/** Splits a message's choices at a channel's button limit, in the flow's order. */
export function layOutChoices(message: Outbound, maxButtons: number): ChoicesLaidOut {
  const choices = message.choices ?? [];
  return { buttons: choices.slice(0, maxButtons), typed: choices.slice(maxButtons).map((c) => c.label) };
}

/**
 * The line that offers choices past the button limit as words to type, in the person's language
 * (`choices-typed` on one line, `choices-typed-list` one per line). A typed label is read as the
 * tap on its button (src/engine/typed.ts), so every choice stays reachable.
 */
export function typedChoicesText(message: Outbound, typed: string[], style: "inline" | "list"): string {
  const lang = message.lang ?? "vi";
  if (style === "inline") return t(lang, { key: "choices-typed", args: { options: typed.join(" / ") } });
  return t(lang, { key: "choices-typed-list", args: { options: typed.map((label) => `• ${label}`).join("\n") } });
}
