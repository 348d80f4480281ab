import { GrammyError, HttpError, type Api } from "grammy";
import { splitText as splitLongText } from "../../src/domain/split.ts";
import type { Outbound } from "../../src/engine/types.ts";
import type { ChannelSender, SendResult } from "../../src/outbox/sender.ts";
import { layOutChoices, typedChoicesText } from "../choices.ts";

/** Telegram refuses texts over 4,096 characters; longer ones go out in parts. */
export const MAX_TEXT = 4096;
/**
 * Buttons under one message. Telegram takes up to 100, but a keyboard taller than a phone's
 * screen hides the question: past this many, the rest are offered as words to type.
 */
export const MAX_BUTTONS = 24;

/** Splits a long text for Telegram (grapheme-safe: src/domain/split.ts). */
export function splitText(text: string, max = MAX_TEXT): string[] {
  return splitLongText(text, max);
}

/** Buttons two to a row, or one to a row when a label is long. */
export function inlineKeyboard(choices: NonNullable<Outbound["choices"]>) {
  const rows: { text: string; callback_data: string }[][] = [];
  const wide = choices.some((c) => c.label.length > 18);
  for (const c of choices) {
    const button = { text: c.label, callback_data: c.value.slice(0, 64) };
    const last = rows.at(-1);
    if (!wide && last && last.length < 2) last.push(button);
    else rows.push([button]);
  }
  return { inline_keyboard: rows };
}

/**
 * A message's text and buttons on Telegram: choices up to `maxButtons` as an inline keyboard,
 * the rest as lines to type under the text (each typed label counts as its tap).
 */
export function renderChoices(message: Outbound, maxButtons = MAX_BUTTONS): { text: string; buttons: NonNullable<Outbound["choices"]> } {
  const { buttons, typed } = layOutChoices(message, maxButtons);
  const text = typed.length ? `${message.text}\n\n${typedChoicesText(message, typed, "list")}` : message.text;
  return { text, buttons };
}

/** Maps a Bot API failure onto what the outbox should do about it. */
export function classifyError(error: unknown): SendResult {
  if (error instanceof GrammyError) {
    const what = `${error.method}: ${error.error_code} ${error.description}`;
    if (error.error_code === 429) return { kind: "retry-after", seconds: error.parameters.retry_after ?? 5, error: what };
    if (error.error_code === 403) return { kind: "unreachable", error: what };
    if (error.error_code === 400 && /chat not found|user not found|PEER_ID_INVALID/i.test(error.description)) {
      return { kind: "unreachable", error: what };
    }
    if (error.error_code >= 500) return { kind: "transient", error: what };
    return { kind: "rejected", error: what };
  }
  if (error instanceof HttpError) return { kind: "transient", error: `network: ${String(error.error)}` };
  return { kind: "transient", error: String(error) };
}

/**
 * Sends outbox messages through the Bot API. A long text is split; only the last part carries
 * the buttons. A failure part-way is retried as a whole (at least once, never lost).
 */
export function createTelegramSender(api: Api, maxButtons = MAX_BUTTONS): ChannelSender {
  return {
    channel: "telegram",
    async send(chatId, message) {
      const { text, buttons } = renderChoices(message, maxButtons);
      const parts = splitText(text || " ");
      try {
        // A photo a person sent on Telegram can be shown again by its file id; from another
        // channel, the text says there is one.
        if (message.photo?.channel === "telegram") await api.sendPhoto(chatId, message.photo.fileId);
        for (const [i, part] of parts.entries()) {
          const last = i === parts.length - 1;
          await api.sendMessage(chatId, part, last && buttons.length ? { reply_markup: inlineKeyboard(buttons) } : {});
        }
        return { kind: "sent" };
      } catch (error) {
        return classifyError(error);
      }
    },
  };
}
