import { timingSafeEqual } from "node:crypto";
import type { RequestHandler } from "express";
import type { Logger } from "../../src/logger.ts";

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** How long the webhook waits for an update to be recorded before answering 503. */
export const RECORD_WAIT_MS = 1500;

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
 * deliver again; if the update cannot be recorded, or not within {@link RECORD_WAIT_MS} (a locked
 * or full database), a 503 with Retry-After asks Telegram to come back, not to hammer. A record
 * that lands after that 503 is recognised as a duplicate when Telegram delivers again, so nothing
 * is acted on twice.
 */
export function telegramWebhook(deps: { receiveUpdate: (u: unknown) => Promise<void>; log: Logger }): RequestHandler {
  return async (req, res) => {
    const recording = deps.receiveUpdate(req.body).then(
      () => "recorded" as const,
      (error) => {
        deps.log.error({ err: error }, "could not record a Telegram update");
        return "failed" as const;
      },
    );
    const outcome = await Promise.race([
      recording,
      new Promise<"slow">((resolve) => setTimeout(() => resolve("slow"), RECORD_WAIT_MS).unref()),
    ]);
    if (outcome === "recorded") {
      res.status(200).json({ ok: true });
      return;
    }
    if (outcome === "slow") deps.log.warn("recording a Telegram update is taking too long; asking Telegram to deliver it again");
    res.status(503).set("Retry-After", "5").json({ ok: false });
  };
}
