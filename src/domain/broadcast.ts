import { z } from "zod";
import type { Msg } from "./message.ts";

/**
 * Who an announcement goes to: the heads, the rehab mentors, or the residents who asked for
 * announcements with /subscribe. The values are what the admin's `--to` and the chat's buttons carry.
 */
export const Audience = z.enum(["heads", "mentors", "residents"]);
export type Audience = z.infer<typeof Audience>;

/** The longest announcement, in characters: a few paragraphs, well inside one Telegram message. */
export const MAX_BROADCAST_LENGTH = 2000;

/** What recipients read: the officer's text under the police's header, in their own language. */
export function broadcastMessage(text: string): Msg {
  return { key: "broadcast-message", args: { text } };
}
