import type { Outbound } from "../domain/message.ts";

/**
 * How a channel answered one send. Each adapter maps its own errors onto these, so the outbox
 * decides retries the same way for every channel.
 */
export type SendResult =
  | { kind: "sent" }
  /** the channel said how long to wait (Telegram 429 retry_after) */
  | { kind: "retry-after"; seconds: number; error: string }
  /** worth trying again later: 5xx, network errors, timeouts */
  | { kind: "transient"; error: string }
  /** the person cannot be reached on this channel (blocked the bot, deleted the account) */
  | { kind: "unreachable"; error: string }
  /**
   * the channel only delivers within a window after the person's last message (Zalo: 48 h free);
   * the message may still reach them on another channel
   */
  | { kind: "outside-window"; error: string }
  /** the message itself was refused (a bug or a configuration problem): never retried */
  | { kind: "rejected"; error: string };

/**
 * Called by a sender right before the message leaves; false means another sender took it: the
 * message is not sent, and whatever the send answers then is ignored by the caller.
 */
export type ClaimBeforeSend = () => Promise<boolean>;

/** One channel's way out. */
export interface ChannelSender {
  channel: string;
  /**
   * True when `send` may wait (for the channel's rate) before the message leaves, and so calls
   * `claim` itself at the last moment: the dispatcher then marks a message `sending` only while
   * it may actually be on its way, which bounds what a crash can send twice.
   */
  claimsOnLeaving?: boolean;
  send(chatId: string, message: Outbound, claim?: ClaimBeforeSend): Promise<SendResult>;
}
