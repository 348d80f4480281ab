import { fold } from "../domain/text.ts";
import type { Inbound } from "./types.ts";

/** What the engine answers itself, whatever flows exist. */
export const BUILTIN = {
  start: ["start"],
  help: ["help", "trogiup"],
  cancel: ["cancel", "huy"],
  lang: ["lang", "ngonngu"],
} as const;

// A bare word (no "/") is a command only when it cannot be an answer: alone in the message, or,
// for commands that say so (`Command.bareWithArgs`), followed by an argument. "Huy động…" in a
// free-text answer is not /huy.
const BUILTIN_BARE_WITH_ARGS = ["lang", "ngonngu"];

export interface ParsedCommand {
  name: string;
  args: string;
}

/**
 * Reads a command from a message: `/name args` on every channel, `/name@bot` on Telegram, and on
 * channels without a command menu (Zalo) also `name` alone. Names are folded, so `/báocáo` works.
 */
export function parseCommand(inbound: Inbound, known: Set<string>, bareWithArgs: ReadonlySet<string> = new Set()): ParsedCommand | undefined {
  // A button may carry a command ("/baocao" under a reminder): tapping it is typing it.
  const { content } = inbound;
  if (content.kind === "choice" && content.value.startsWith("/")) {
    return parseCommand({ ...inbound, content: { kind: "text", text: content.value } }, known, bareWithArgs);
  }
  if (content.kind !== "text") return undefined;
  const text = content.text.trim();
  const match = /^(\/?)([^\s@]+)(?:@\S+)?(?:\s+([\s\S]*))?$/.exec(text);
  if (!match) return undefined;
  const [, slash, word = "", rest = ""] = match;
  const name = fold(word);
  if (slash) return { name, args: rest.trim() };
  if (!inbound.bareCommands || !known.has(name)) return undefined;
  if (rest.trim() && !bareWithArgs.has(name) && !BUILTIN_BARE_WITH_ARGS.includes(name)) return undefined;
  return { name, args: rest.trim() };
}
