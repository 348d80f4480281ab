import type { Channel } from "../domain/roles.ts";
export type { PersonView } from "../domain/person.ts";

/** What a person sent, whatever the channel. Channel adapters build these and nothing else. */
export type InboundContent =
  | { kind: "text"; text: string }
  /** a tap on a button: the choice's value */
  | { kind: "choice"; value: string }
  | { kind: "photo"; fileId: string; size?: number; caption?: string }
  | { kind: "location"; latitude: number; longitude: number }
  | { kind: "sticker" }
  | { kind: "other"; what: string };

export interface Inbound {
  channel: Channel;
  /** the person's id on the channel (Telegram user id, Zalo user id) */
  externalUserId: string;
  /** where replies to this person go on the channel */
  chatId: string;
  /** the channel's id of this update or message; the same id is acted on once */
  messageId: string;
  /** whether a command may be written without its leading "/" on this channel (Zalo) */
  bareCommands?: boolean;
  content: InboundContent;
}

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
}

/** A question: what to say, and the buttons offered with it. */
export interface Prompt {
  say: Msg[];
  choices?: ChoiceMsg[];
}

