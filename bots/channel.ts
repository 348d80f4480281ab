import type { RequestHandler } from "express";
import type { Config } from "../src/config.ts";
import type { Inbox } from "../src/engine/inbox.ts";
import type { Logger } from "../src/logger.ts";
import type { ChannelSender } from "../src/outbox/sender.ts";
import type { Db } from "../src/store/client.ts";

/**
 * What a channel can show, so that flows never have to know: a flow offers all its choices and
 * the channel's sender renders what does not fit its own way.
 */
export interface ChannelLimits {
  /** buttons one message can carry; the rest are offered as words to type (`Infinity`: no limit) */
  maxButtons: number;
  /** the longest text one message can carry; longer texts go out in parts */
  maxText: number;
  /** whether the channel shows a menu of commands (Telegram's `setMyCommands`) */
  commandMenu: boolean;
  /** whether a command may be written without its leading "/" (Zalo's users have no command key) */
  bareCommands: boolean;
  /**
   * Hours after the person's last message within which a proactive message is free
   * (Zalo: 48); `null`: no window. The outbox reads the same rule from `src/domain/channels.ts`.
   */
  freeWindowHours: number | null;
}

/** A command as the channel's menu lists it: its names, English first, then the Vietnamese alias. */
export interface MenuCommand {
  names: readonly string[];
}

/** An HTTP route a channel serves (a webhook, the simulator's page and API). */
export interface ChannelRoute {
  method: "get" | "post" | "use";
  path: string;
  handlers: RequestHandler[];
  /**
   * The channel delivers again what this route refuses (a webhook): after SIGTERM it answers 503
   * with Retry-After instead of taking new work.
   */
  redeliverable?: boolean;
}

/** What the composition root gives every channel when it opens it. */
export interface ChannelDeps {
  config: Config;
  db: Db;
  inbox: Inbox;
  log: Logger;
  clock: () => Date;
  /** the commands a channel with a menu lists, in order */
  menu: readonly MenuCommand[];
  /** least time between two messages to one chat (tests of conversations set 0) */
  perChatMs?: number;
  /** wait between tries of a start-up call that failed, by attempt */
  retryDelayMs?: (attempt: number) => number;
}

/** A file a channel gave back: its bytes and their content type (an image type). */
export interface FetchedFile {
  bytes: Buffer;
  contentType: string;
}

/** How far a file fetch may go: the largest file taken, and the signal that ends it (a timeout). */
export interface FileLimits {
  maxBytes: number;
  signal: AbortSignal;
}

/** A channel opened for this configuration: its routes, its sender, its lifecycle. */
export interface RunningChannel {
  name: string;
  limits: ChannelLimits;
  /** where the outbox dispatcher sends this channel's messages */
  sender?: ChannelSender;
  routes: ChannelRoute[];
  /**
   * Fetches a file a person sent, by the reference the channel stored (`{ channel, fileId }`'s
   * `fileId`): how the console shows a tip's photo. Absent where the channel keeps no file (the
   * simulator). Throws when the channel cannot give it (expired, down, too large); the error
   * carries no secret.
   */
  fetchFile?(fileId: string, limits: FileLimits): Promise<FetchedFile>;
  /** starts pollers, registers webhooks and menus, starts token refresh */
  start(): Promise<void>;
  /** stops what `start` started; what is in flight is left to the caller's deadline */
  stop(): Promise<void>;
}

/**
 * One channel, the same shape for every one (Telegram, Zalo, the simulator): its limits, and how
 * to open it for a configuration. `open` answers `undefined` when the configuration leaves the
 * channel off. Adding a channel is a folder under `bots/` and an entry in `bots/channels.ts`.
 */
export interface ChannelAdapter {
  name: string;
  limits: ChannelLimits;
  open(deps: ChannelDeps): RunningChannel | undefined;
}
