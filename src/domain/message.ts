import type { Lang } from "./roles.ts";

/**
 * Messages as plain data: what flows say (locale keys with arguments) and what leaves on a
 * channel (rendered text with buttons). Every layer may use these; none of them does I/O.
 */

/** A button: what the person sees, and what comes back when they tap it. */
export interface Choice {
  label: string;
  /** at most 64 bytes (Telegram's callback_data) */
  value: string;
}

/** A message out, already in the person's language. Channels render it as well as they can. */
export interface Outbound {
  text: string;
  choices?: Choice[];
  /** a photo a person sent, shown where the channel can (a Telegram file id on Telegram) */
  photo?: { channel: string; fileId: string };
  /**
   * The person's language, given with choices: a channel that shows fewer buttons than there are
   * choices offers the rest in words of this language (bots/choices.ts). Absent: Vietnamese.
   */
  lang?: Lang;
}

/** A localised message before rendering: a key of locales/*.ftl and its arguments. */
export interface Msg {
  key: string;
  args?: Record<string, MsgArg>;
}
/** An argument is a value, or other messages rendered in the same language (joined by lines). */
export type MsgArg = string | number | Msg | Msg[];

/** A button before rendering. */
export interface ChoiceMsg {
  label: Msg;
  value: string;
  /** other ways people type this choice ("hút chích" for "Sử dụng, tụ tập"), any language */
  says?: string[];
}

/** A question: what to say, and the buttons offered with it. */
export interface Prompt {
  say: Msg[];
  choices?: ChoiceMsg[];
  /**
   * The answer is one of the choices: a typed answer is matched to them by their words, their
   * number in the list or a close typo (and asked back when it fits several). Without it, the
   * buttons are shortcuts beside a typed answer ("Bỏ qua", "Giữ nguyên"), matched only exactly.
   */
  pick?: boolean;
}

