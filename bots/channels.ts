import type { ChannelAdapter } from "./channel.ts";
import { simulatorAdapter } from "./simulator/channel.ts";
import { telegramAdapter } from "./telegram/channel.ts";
import { zaloAdapter } from "./zalo/channel.ts";

export type { ChannelAdapter } from "./channel.ts";

/**
 * Every channel the product speaks, one adapter each. The server opens each one the
 * configuration enables, serves its routes, gives its sender to the outbox and starts and stops
 * it; nothing else names a channel. A new channel is a folder under `bots/` and a line here.
 */
export const CHANNELS: readonly ChannelAdapter[] = [telegramAdapter, zaloAdapter, simulatorAdapter];
