import type { RequestHandler } from "express";

/**
 * Both webhooks take JSON and nothing else: a body sent with another content type is answered
 * 415 before anything reads it, so Telegram and Zalo treat a wrong content type alike (before,
 * Telegram's route dropped it silently and Zalo's processed it). A bodiless request passes on to
 * the route's own checks.
 */
export const jsonOnly: RequestHandler = (req, res, next) => {
  if (req.is("json") === false) {
    res.status(415).json({ ok: false, error: "content type must be application/json" });
    return;
  }
  next();
};
