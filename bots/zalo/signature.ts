import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Zalo signs each event as `mac=` + sha256_hex(app_id + rawBody + timestamp + OA secret key)
 * (a plain hash of the concatenation, not an HMAC), with `app_id` and `timestamp` taken from the
 * body itself and the body exactly as received.
 */
export function zaloSignature(appId: string, rawBody: string, timestamp: string, oaSecretKey: string): string {
  return createHash("sha256").update(appId + rawBody + timestamp + oaSecretKey).digest("hex");
}

/** Compares the header (with or without `mac=`) with the expected signature in constant time. */
export function signatureMatches(header: string | undefined, expected: string): boolean {
  if (!header) return false;
  const given = Buffer.from(header.trim().replace(/^mac=/i, "").toLowerCase());
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
