import type { Transformer } from "grammy";

/** What stands in for the bot token wherever it would have been written. */
export const REDACTED = "<bot-token>";

/**
 * Replaces the bot token in a text. The Bot API URL carries the token
 * (`https://api.telegram.org/bot<token>/sendMessage`), and a network failure quotes that URL in
 * its message; the secret half alone and its URL-encoded form are replaced as well.
 */
export function redactToken(text: string, token: string): string {
  const secretHalf = token.slice(token.indexOf(":") + 1);
  let out = text;
  for (const form of [token, encodeURIComponent(token), secretHalf]) {
    if (form.length >= 8) out = out.split(form).join(REDACTED);
  }
  return out;
}

/**
 * Removes the token from an error and everything it wraps (grammY's `HttpError.error`, a
 * fetch error's `cause`), in place, so whoever logs or stores it afterwards cannot leak it.
 */
export function redactError(error: unknown, token: string, depth = 0): unknown {
  if (typeof error === "string") return redactToken(error, token);
  if (!(error instanceof Error) || depth > 4) return error;
  const e = error as Error & Record<string, unknown>;
  e.message = redactToken(e.message, token);
  if (typeof e.stack === "string") e.stack = redactToken(e.stack, token);
  for (const key of Object.keys(e)) {
    const value = e[key];
    if (typeof value === "string") e[key] = redactToken(value, token);
    else if (value instanceof Error) redactError(value, token, depth + 1);
  }
  if (e.cause instanceof Error) redactError(e.cause, token, depth + 1);
  return e;
}

/**
 * A grammY API transformer that lets no error out of the Bot API client with the token in it:
 * every call (sending, polling, start-up calls) goes through it, so this is the one boundary.
 */
export function redactingTransformer(token: string): Transformer {
  return async (prev, method, payload, signal) => {
    try {
      return await prev(method, payload, signal);
    } catch (error) {
      throw redactError(error, token);
    }
  };
}
