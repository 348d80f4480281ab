import type { RequestHandler } from "express";
import type { Inbound } from "../../src/engine/types.ts";
import type { Logger } from "../../src/logger.ts";
import { signatureMatches, zaloSignature } from "./signature.ts";
import { translateEvent, ZaloEvent } from "./translate.ts";

/** Zalo retries an event for about two hours: anything older is a replay, not a retry. */
export const MAX_EVENT_AGE_MS = 3 * 3600_000;
/** A clock a little ahead of ours is tolerated; a day ahead is not. */
const MAX_CLOCK_SKEW_MS = 10 * 60_000;
/** Zalo wants an answer within 2 s; we wait this long for the event to be recorded. */
const RECORD_WAIT_MS = 1500;

export interface ZaloWebhookDeps {
  oaSecretKey: string;
  /** when set, events for another app are refused */
  appId?: string;
  receive: (inbound: Inbound) => Promise<unknown>;
  log: Logger;
  clock: () => Date;
}

/**
 * `POST /zalo/webhook` (mounted behind `express.raw`, since the signature covers the exact bytes).
 * A missing or wrong signature, or a stale timestamp, gets 401 and no effect. A good event is
 * recorded and answered 200. If recording fails, or takes longer than Zalo waits (a locked or full
 * database), the answer is 503 so Zalo delivers it again; a record that lands after that answer is
 * recognised as a duplicate on redelivery, so nothing is acted on twice.
 */
export function zaloWebhook(deps: ZaloWebhookDeps): RequestHandler {
  return async (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body.toString("utf8") : "";
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      res.status(400).json({ error: "body is not JSON" });
      return;
    }
    const parsed = ZaloEvent.safeParse(json);
    if (!parsed.success) {
      // Zalo may probe the URL with an unsigned, bodiless POST when it is saved: refuse quietly.
      res.status(401).json({ error: "not a signed Zalo event" });
      return;
    }
    const event = parsed.data;
    const expected = zaloSignature(event.app_id, raw, event.timestamp, deps.oaSecretKey);
    if (!signatureMatches(req.get("x-zevent-signature"), expected)) {
      res.status(401).json({ error: "signature does not verify" });
      return;
    }
    const age = deps.clock().getTime() - Number(event.timestamp);
    if (!Number.isFinite(age) || age > MAX_EVENT_AGE_MS || age < -MAX_CLOCK_SKEW_MS) {
      res.status(401).json({ error: "stale event" });
      return;
    }
    if (deps.appId && event.app_id !== deps.appId) {
      res.status(401).json({ error: "event for another app" });
      return;
    }
    const inbound = translateEvent(event);
    if (!inbound) {
      res.status(200).json({ ok: true, ignored: event.event_name });
      return;
    }
    const recording = deps.receive(inbound).catch((error) => {
      deps.log.error({ err: error, event: event.event_name }, "could not record a Zalo event");
      throw error;
    });
    const outcome = await Promise.race([
      recording.then(() => "recorded" as const, () => "failed" as const),
      new Promise<"slow">((resolve) => setTimeout(() => resolve("slow"), RECORD_WAIT_MS).unref()),
    ]);
    if (outcome === "recorded") {
      res.status(200).json({ ok: true });
      return;
    }
    if (outcome === "slow") deps.log.warn({ event: event.event_name }, "recording a Zalo event is taking too long; asking Zalo to deliver it again");
    res.status(503).set("Retry-After", "5").json({ ok: false });
  };
}
