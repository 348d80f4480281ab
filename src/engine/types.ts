import type { Channel } from "../domain/roles.ts";
export type { PersonView } from "../domain/person.ts";
export type { Choice, ChoiceMsg, Msg, MsgArg, Outbound, Prompt } from "../domain/message.ts";

/** What a person sent, whatever the channel. Channel adapters build these and nothing else. */
export type InboundContent =
  | { kind: "text"; text: string }
  /** a tap on a button: the choice's value */
  | { kind: "choice"; value: string }
  /** `ref` names the photo on the channel it came from, so any channel can render it later */
  | { kind: "photo"; ref: { channel: Channel; fileId: string }; size?: number; caption?: string }
  | { kind: "location"; latitude: number; longitude: number }
  | { kind: "sticker" }
  | { kind: "other"; what: string }
  /** the person followed the channel (Zalo "follow"): greet them */
  | { kind: "greeting" }
  /** the person touched the chat without saying anything (Zalo "user_click_chatnow") */
  | { kind: "interaction" }
  /** the person left the channel (Zalo "unfollow"): nothing can be sent there any more */
  | { kind: "unfollow" };

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
