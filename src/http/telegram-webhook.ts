import { timingSafeEqual } from "node:crypto";
import type { RequestHandler } from "express";
import type { Logger } from "../logger.ts";

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The first handler of `POST /telegram/webhook`: a request without the right secret header is
 * answered 401 before its body is read, so an unauthenticated caller never reaches the parser.
 */
export function telegramSecret(secret: string): RequestHandler {
  return (req, res, next) => {
    if (!sameSecret(req.get("x-telegram-bot-api-secret-token"), secret)) {
      res.status(401).json({ ok: false, error: "wrong secret token" });
      return;
    }
    next();
  };
}

/**
 * `POST /telegram/webhook`, behind {@link telegramSecret} and the JSON parser: records the update
 * durably, answers 200. The work happens after the answer, so a slow step never makes Telegram
 * deliver again; if the update cannot be recorded, a 503 with Retry-After asks Telegram to come
 * back, not to hammer.
 */
export function telegramWebhook(deps: { receiveUpdate: (u: unknown) => Promise<void>; log: Logger }): RequestHandler {
  return async (req, res) => {
    try {
      await deps.receiveUpdate(req.body);
      res.status(200).json({ ok: true });
    } catch (error) {
      deps.log.error({ err: error }, "could not record a Telegram update");
      res.status(503).set("Retry-After", "5").json({ ok: false });
    }
  };
}
