import type { AxiosInstance } from "axios";
import { splitText as splitLongText } from "../../src/domain/split.ts";
import type { Outbound } from "../../src/engine/types.ts";
import type { Logger } from "../../src/logger.ts";
import type { ChannelSender, SendResult } from "../../src/outbox/sender.ts";
import { createZaloApi, type ZaloApiAnswer, type ZaloButton, type ZaloCall, type ZaloCsMessage } from "./api.ts";
import { scrub, ZaloAuthError, ZaloTransientError } from "./errors.ts";
import type { ZaloTokens } from "./tokens.ts";
import { CHOICE_PREFIX } from "./translate.ts";
import { layOutChoices, typedChoicesText } from "../choices.ts";

/** Zalo refuses consultation texts over 2,000 characters; longer ones go out in parts. */
export const MAX_TEXT = 2000;
/** Zalo shows at most 5 buttons under a message. */
export const MAX_BUTTONS = 5;
/** Button titles are cut to this (limits quoted range from 20 to 100: the safe end). */
export const MAX_TITLE = 20;
/** -32: the app's or OA's per-minute limit; the next minute is free again. */
const RATE_LIMIT_WAIT_S = 60;
/**
 * A refused refresh token: nothing can go until an OA admin authorises the app again. That is a
 * wait, not a verdict on the message, so the message is kept ("retry-after" does not use up its
 * tries) and tried every 10 minutes; once the admin has authorised, everything queued goes out.
 * "rejected" would drop every message queued in the meantime.
 */
const AUTH_WAIT_S = 600;

const CALL = "POST /v3.0/oa/message/cs";

/** Codes of Zalo's answers (the body's `error`; the HTTP status is 200) by what they mean. */
const TOKEN_INVALID = new Set([-216, -220]);
const RATE_LIMITED = new Set([-32]);
const SEND_FAILED = new Set([-200]);
const OUTSIDE_WINDOW = new Set([-230, -232, -320, -321]);
const UNREACHABLE = new Set([-213, -217, -227, -244]);
const QUOTA = new Set([-211, -218]);
const BUG = new Set([-201, -210, -233]);
const CONFIGURATION = new Set([-209, -212, -219, -221, -223, -224, -235, -242]);

/** Splits a long text for Zalo (grapheme-safe: src/domain/split.ts). */
export function splitText(text: string, max = MAX_TEXT): string[] {
  return splitLongText(text, max);
}

/** A button's title, cut to {@link MAX_TITLE} characters with "…". */
export function buttonTitle(label: string): string {
  const chars = Array.from(label);
  return chars.length <= MAX_TITLE ? label : chars.slice(0, MAX_TITLE - 1).join("").trimEnd() + "…";
}

/**
 * The request bodies for one outbound message: its text in parts, the buttons (at most five) on
 * the last part. A tap comes back as the text `#c:<value>` (hidden from the chat), which the
 * webhook turns back into a tap. Choices past the fifth are offered as words to type, in the
 * person's language ("(Hoặc gõ: …)", locales/*.ftl `choices-typed`).
 */
export function renderMessages(chatId: string, message: Outbound): ZaloCsMessage[] {
  const laidOut = layOutChoices(message, MAX_BUTTONS);
  const buttons: ZaloButton[] = laidOut.buttons.map((c) => ({ title: buttonTitle(c.label), type: "oa.query.hide", payload: CHOICE_PREFIX + c.value }));
  let text = message.text || "…";
  if (laidOut.typed.length) text += `\n${typedChoicesText(message, laidOut.typed, "inline")}`;
  const parts = splitText(text);
  // A photo a person sent on Zalo is shown again by its URL; from another channel, the text
  // says there is one.
  const photo: ZaloCsMessage[] =
    message.photo?.channel === "zalo" && /^https:\/\//.test(message.photo.fileId)
      ? [{ recipient: { user_id: chatId }, message: { attachment: { type: "template", payload: { template_type: "media", elements: [{ media_type: "image", url: message.photo.fileId }] } } } }]
      : [];
  return [...photo, ...parts.map((part, i) => ({
    recipient: { user_id: chatId },
    message: {
      text: part,
      ...(i === parts.length - 1 && buttons.length ? { attachment: { type: "template" as const, payload: { buttons } } } : {}),
    },
  }))];
}

export interface ZaloSenderOptions {
  /** ZALO_API_BASE, e.g. https://openapi.zalo.me */
  apiBase: string;
  tokens: ZaloTokens;
  log: Logger;
  http?: AxiosInstance;
  /** per call (default 10 s) */
  timeoutMs?: number;
}

/**
 * Sends outbox messages as Zalo consultation messages. Zalo answers errors with HTTP 200 and a
 * code in the body; each code is mapped onto what the outbox should do (shared/notes/zalo.md).
 * An expired token is refreshed and the call tried once more. A long text goes in parts; a
 * failure part-way is retried as a whole (at least once, never lost).
 */
export function createZaloSender(opts: ZaloSenderOptions): ChannelSender {
  const { tokens, log } = opts;
  const api = createZaloApi({ apiBase: opts.apiBase, http: opts.http, timeoutMs: opts.timeoutMs });

  /** What to do when no token can be had. */
  function tokenFailure(error: unknown): SendResult {
    if (error instanceof ZaloAuthError) return { kind: "retry-after", seconds: AUTH_WAIT_S, error: `zalo: ${error.message}` };
    if (error instanceof ZaloTransientError) return { kind: "transient", error: `zalo: ${error.message}` };
    const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    log.error({ error: what.slice(0, 300) }, "Zalo tokens could not be read (DATA_KEY or database?)");
    return { kind: "transient", error: `zalo tokens: ${what.slice(0, 300)}` };
  }

  function codeOf(call: ZaloCall<ZaloApiAnswer>): number | undefined {
    if (call.kind !== "answer" || call.body.error === undefined || call.body.error === null) return undefined;
    const code = Number(call.body.error);
    return Number.isInteger(code) ? code : undefined;
  }

  function classify(call: ZaloCall<ZaloApiAnswer>, token: string): SendResult {
    if (call.kind === "network") return { kind: "transient", error: `zalo ${CALL}: ${call.error}` };
    if (call.kind === "bad-answer") {
      if (call.status === 429) return { kind: "retry-after", seconds: RATE_LIMIT_WAIT_S, error: `zalo ${CALL}: HTTP 429` };
      return { kind: "transient", error: `zalo ${CALL}: ${call.error}` };
    }
    const code = codeOf(call);
    if (code === 0) return { kind: "sent" };
    if (code === undefined) {
      if (call.status === 429) return { kind: "retry-after", seconds: RATE_LIMIT_WAIT_S, error: `zalo ${CALL}: HTTP 429` };
      // Neither a success nor a known failure: trying again risks a duplicate, not a loss.
      return { kind: "transient", error: `zalo ${CALL}: HTTP ${call.status} without an error code` };
    }
    const error = scrub(`zalo ${CALL}: ${code} ${String(call.body.message ?? "")}`.trim(), [token]);
    if (RATE_LIMITED.has(code)) return { kind: "retry-after", seconds: RATE_LIMIT_WAIT_S, error };
    if (SEND_FAILED.has(code)) return { kind: "transient", error };
    if (OUTSIDE_WINDOW.has(code)) return { kind: "outside-window", error };
    if (UNREACHABLE.has(code)) return { kind: "unreachable", error };
    if (QUOTA.has(code)) {
      log.warn({ code }, "Zalo quota exhausted: the message is not sent on Zalo");
      return { kind: "rejected", error: `${error} (quota exhausted)` };
    }
    if (BUG.has(code)) {
      log.error({ code, error }, "Zalo refused a message as malformed: a bug in the Zalo sender");
      return { kind: "rejected", error: `${error} (malformed message: a bug)` };
    }
    if (CONFIGURATION.has(code)) {
      log.error({ code, error }, "Zalo refused to send: the operator must fix the OA/app configuration (permissions, OA verification, app linked to the OA)");
      return { kind: "rejected", error: `${error} (the OA/app configuration must be fixed)` };
    }
    if (TOKEN_INVALID.has(code)) return { kind: "transient", error: `${error} (even after a token refresh)` };
    log.warn({ code, error }, "Zalo answered an unknown error code; will try again");
    return { kind: "transient", error };
  }

  async function sendOne(body: ZaloCsMessage): Promise<SendResult> {
    let token: string;
    try {
      token = await tokens.accessToken();
    } catch (error) {
      return tokenFailure(error);
    }
    let call = await api.sendConsultation(token, body);
    const code = codeOf(call);
    if (code !== undefined && TOKEN_INVALID.has(code)) {
      log.info({ code }, "Zalo says the access token is invalid: refreshing it and trying once more");
      try {
        token = await tokens.refresh(`${CALL} answered ${code}`, token);
      } catch (error) {
        return tokenFailure(error);
      }
      call = await api.sendConsultation(token, body);
    }
    return classify(call, token);
  }

  return {
    channel: "zalo",
    async send(chatId, message) {
      for (const body of renderMessages(chatId, message)) {
        const result = await sendOne(body);
        if (result.kind !== "sent") return result;
      }
      return { kind: "sent" };
    },
  };
}
