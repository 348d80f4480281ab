import { understandChoice, type ChoiceOption } from "../domain/understand/choice.ts";
import { normalize } from "../domain/understand/normalize.ts";
import { Lang } from "../domain/roles.ts";
import { t } from "../i18n.ts";
import type { ChoiceMsg, InboundContent, Prompt } from "./types.ts";

/** A typed answer read against the question's buttons. */
export type TypedChoice = { kind: "content"; content: InboundContent } | { kind: "ambiguous"; choices: ChoiceMsg[] };

/** Every way a button can be typed: its label in each language, and the flow's synonyms. */
export function optionsOf(choices: ChoiceMsg[]): ChoiceOption[] {
  return choices.map((c) => ({ value: c.value, says: [...Lang.options.map((l) => t(l, c.label)), ...(c.says ?? [])] }));
}

/**
 * Turns a typed answer into the tap it stands for, so that every flow understands "2", "mục 2",
 * "hut chich" or "giau ten" at a question with buttons. At a `pick` question the words, the
 * number and a close typo count, and an answer that fits several buttons is asked back; beside
 * shortcut buttons only the button's own words do (a "12" at a count question stays a count).
 */
export function readTyped(content: InboundContent, prompt: Prompt | undefined): TypedChoice {
  if (content.kind !== "text" || !prompt?.choices?.length) return { kind: "content", content };
  const options = optionsOf(prompt.choices);
  if (!prompt.pick) {
    const said = normalize(content.text);
    const exact = options.find((o) => o.says.some((s) => normalize(s) === said));
    return { kind: "content", content: exact ? { kind: "choice", value: exact.value } : content };
  }
  const understood = understandChoice(content.text, options);
  if (understood.kind === "match") return { kind: "content", content: { kind: "choice", value: understood.value } };
  if (understood.kind === "ambiguous") {
    return { kind: "ambiguous", choices: prompt.choices.filter((c) => understood.values.includes(c.value)) };
  }
  return { kind: "content", content };
}
