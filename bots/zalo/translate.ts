import { z } from "zod";
import type { Inbound, InboundContent } from "../../src/engine/types.ts";

/** Button taps come back as text carrying this prefix (see sender.ts): a tap, not typing. */
export const CHOICE_PREFIX = "#c:";

// Ids are strings longer than 2^53: never numbers.
const Id = z.string().min(1);
const Attachment = z.object({
  type: z.string(),
  payload: z
    .object({
      url: z.string().optional(),
      coordinates: z.object({ latitude: z.union([z.string(), z.number()]), longitude: z.union([z.string(), z.number()]) }).optional(),
    })
    .passthrough()
    .optional(),
});
export const ZaloEvent = z.object({
  app_id: Id,
  event_name: z.string(),
  timestamp: z.string(),
  sender: z.object({ id: Id }).optional(),
  recipient: z.object({ id: Id }).optional(),
  follower: z.object({ id: Id }).optional(),
  user_id_by_app: z.string().optional(),
  message: z
    .object({ msg_id: Id.optional(), text: z.string().optional(), attachments: z.array(Attachment).optional() })
    .passthrough()
    .optional(),
});
export type ZaloEvent = z.infer<typeof ZaloEvent>;

function messageContent(event: ZaloEvent): InboundContent {
  const text = event.message?.text ?? "";
  const attachment = event.message?.attachments?.[0];
  switch (event.event_name) {
    case "user_send_text":
      return text.startsWith(CHOICE_PREFIX) ? { kind: "choice", value: text.slice(CHOICE_PREFIX.length) } : { kind: "text", text };
    case "user_send_image":
      return { kind: "photo", ref: { channel: "zalo", fileId: attachment?.payload?.url ?? "" }, caption: text || undefined };
    case "user_send_location": {
      const c = attachment?.payload?.coordinates;
      const latitude = Number(c?.latitude);
      const longitude = Number(c?.longitude);
      return Number.isFinite(latitude) && Number.isFinite(longitude) ? { kind: "location", latitude, longitude } : { kind: "other", what: "location" };
    }
    case "user_send_sticker":
      return { kind: "sticker" };
    default:
      return { kind: "other", what: event.event_name.replace(/^user_send_/, "") };
  }
}

/** Zalo has no command button, so a command may be typed without its "/" (baocao is /baocao). */
export const BARE_COMMANDS = true;

/**
 * The inbound message of a Zalo event, or null for events that are not a person acting (the
 * OA's own messages echoed back, delivery and read receipts).
 */
export function translateEvent(event: ZaloEvent): Inbound | null {
  const base = { channel: "zalo" as const, bareCommands: BARE_COMMANDS };
  if (event.event_name === "follow" || event.event_name === "unfollow") {
    const user = event.follower?.id;
    if (!user) return null;
    return {
      ...base,
      externalUserId: user,
      chatId: user,
      messageId: `${event.event_name}:${user}:${event.timestamp}`,
      content: { kind: event.event_name === "follow" ? "greeting" : "unfollow" },
    };
  }
  const user = event.sender?.id;
  if (!user) return null;
  if (event.event_name === "user_click_chatnow") {
    return { ...base, externalUserId: user, chatId: user, messageId: `chatnow:${user}:${event.timestamp}`, content: { kind: "interaction" } };
  }
  if (!event.event_name.startsWith("user_send_")) return null;
  const msgId = event.message?.msg_id ?? `${event.event_name}:${user}:${event.timestamp}`;
  return { ...base, externalUserId: user, chatId: user, messageId: msgId, content: messageContent(event) };
}
