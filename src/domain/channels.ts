import type { Channel } from "./roles.ts";

/**
 * Channels that deliver only within a window after the person's last message. Zalo OA sends
 * consultation messages free for 48 hours after the user's last interaction; past that they are
 * paid (to 7 days) or refused (see ../shared/notes/zalo.md). Telegram has no such window.
 */
export const FREE_WINDOW_HOURS: Partial<Record<Channel, number>> = { zalo: 48 };

/** Whether a proactive message can reach a person on `channel`, given when they last wrote. */
export function windowOpen(channel: Channel, lastInboundAt: Date | null, now: Date): boolean {
  const hours = FREE_WINDOW_HOURS[channel];
  if (hours === undefined) return true;
  return lastInboundAt !== null && now.getTime() - lastInboundAt.getTime() < hours * 3600_000;
}
