import { z } from "zod";
import type { Inbound, InboundContent } from "../../src/engine/types.ts";

// Only what we read of a Telegram update; everything else passes through untouched.
const User = z.object({ id: z.number() });
const Chat = z.object({ id: z.number(), type: z.string() });
const Message = z.object({
  message_id: z.number(),
  from: User.optional(),
  chat: Chat,
  text: z.string().optional(),
  caption: z.string().optional(),
  photo: z.array(z.object({ file_id: z.string(), file_size: z.number().optional() })).optional(),
  location: z.object({ latitude: z.number(), longitude: z.number() }).optional(),
  sticker: z.object({}).passthrough().optional(),
});
export const TelegramUpdate = z.object({
  update_id: z.number(),
  message: Message.optional(),
  callback_query: z
    .object({
      id: z.string(),
      from: User,
      data: z.string().optional(),
      message: z.object({ chat: Chat }).passthrough().optional(),
    })
    .optional(),
});
export type TelegramUpdate = z.infer<typeof TelegramUpdate>;

function contentOf(message: z.infer<typeof Message>): InboundContent {
  if (message.text !== undefined) return { kind: "text", text: message.text };
  if (message.photo?.length) {
    const largest = message.photo.at(-1)!;
    return { kind: "photo", ref: { channel: "telegram", fileId: largest.file_id }, size: largest.file_size, caption: message.caption };
  }
  if (message.location) return { kind: "location", ...message.location };
  if (message.sticker) return { kind: "sticker" };
  return { kind: "other", what: Object.keys(message).find((k) => !["message_id", "from", "chat", "date"].includes(k)) ?? "unknown" };
}

/** The inbound message of an update, with the callback query to answer; null when we ignore it. */
export function translateUpdate(raw: unknown): { inbound: Inbound; callbackQueryId?: string } | null {
  const parsed = TelegramUpdate.safeParse(raw);
  if (!parsed.success) return null;
  const update = parsed.data;
  const messageId = String(update.update_id);
  const { message, callback_query: query } = update;
  // Private chats only: a group would expose one person's answers to everyone in it.
  if (message?.from && message.chat.type === "private") {
    return {
      inbound: { channel: "telegram", externalUserId: String(message.from.id), chatId: String(message.chat.id), messageId, content: contentOf(message) },
    };
  }
  if (query && (query.message?.chat.type ?? "private") === "private") {
    return {
      inbound: {
        channel: "telegram",
        externalUserId: String(query.from.id),
        chatId: String(query.message?.chat.id ?? query.from.id),
        messageId,
        content: { kind: "choice", value: query.data ?? "" },
      },
      callbackQueryId: query.id,
    };
  }
  return null;
}
