import pino, { type Logger } from "pino";

export type { Logger };

/**
 * Paths that may carry a person's identity or what they wrote. Logs are read by operators who
 * must never learn who sent a tip, so these are censored wherever they appear.
 */
export const REDACT_PATHS = [
  "chatId",
  "externalUserId",
  "*.chatId",
  "*.externalUserId",
  "text",
  "*.text",
  "payload",
  "*.payload",
  "update",
  "*.update",
  "req.headers.authorization",
  'req.headers["x-telegram-bot-api-secret-token"]',
  "token",
  "*.token",
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: "[redacted]" } }, destination);
}
