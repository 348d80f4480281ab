import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import { DEFAULT_LANG, Lang } from "./domain/roles.ts";
import type { ChoiceMsg, Msg, MsgArg, Outbound, Prompt } from "./domain/message.ts";

const localesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "locales");

/** Thrown at start when a locale file does not parse: a broken text must never reach a user. */
export class LocaleError extends Error {
  override name = "LocaleError";
}

function loadBundle(lang: Lang): FluentBundle {
  const bundle = new FluentBundle(lang, { useIsolating: false });
  const source = fs.readFileSync(path.join(localesDir, `${lang}.ftl`), "utf8");
  const errors = bundle.addResource(new FluentResource(source));
  if (errors.length > 0) throw new LocaleError(`locales/${lang}.ftl: ${errors.map(String).join("; ")}`);
  return bundle;
}

const bundles = new Map<Lang, FluentBundle>(Lang.options.map((l) => [l, loadBundle(l)]));

/** The message ids of a language, for the test that keeps vi and en in step. */
export function messageIds(lang: Lang): string[] {
  const source = fs.readFileSync(path.join(localesDir, `${lang}.ftl`), "utf8");
  return [...source.matchAll(/^([a-zA-Z][\w-]*)\s*=/gm)].map((m) => m[1]!);
}

/**
 * Renders one message; a key missing in the person's language falls back to Vietnamese. A key
 * missing in both is a bug (tests/locale-keys.test.ts looks for them): it throws rather than show
 * a person the key's name.
 */
export function t(lang: Lang, msg: Msg): string {
  const bundle = bundles.get(lang)!;
  const found = bundle.getMessage(msg.key) ? bundle : bundles.get(DEFAULT_LANG)!;
  const message = found.getMessage(msg.key);
  if (!message?.value) throw new LocaleError(`t: no message "${msg.key}" in locales/${lang}.ftl or vi.ftl`);
  const args: Record<string, FluentVariable> = {};
  for (const [name, value] of Object.entries(msg.args ?? {})) args[name] = renderArg(lang, value);
  return found.formatPattern(message.value, args);
}

function renderArg(lang: Lang, value: MsgArg): string | number {
  if (typeof value === "string" || typeof value === "number") return value;
  if (Array.isArray(value)) return value.map((m) => t(lang, m)).join("\n");
  return t(lang, value);
}

/** Renders several messages into one text, a blank line apart. */
export function render(lang: Lang, msgs: Msg[]): string {
  return msgs.map((m) => t(lang, m)).join("\n\n");
}

export function renderChoices(lang: Lang, choices: ChoiceMsg[] | undefined) {
  return choices?.map((c) => ({ label: t(lang, c.label), value: c.value }));
}

/** A prompt as one outbound message. */
export function renderPrompt(lang: Lang, prompt: Prompt, before: Msg[] = []): Outbound {
  const choices = renderChoices(lang, prompt.choices);
  return { text: render(lang, [...before, ...prompt.say]), ...(choices?.length ? { choices, lang } : {}) };
}
