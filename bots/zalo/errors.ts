/**
 * Errors of the Zalo client. Their messages name the failing call and never carry a token: they
 * end up in logs and in the outbox's `lastError`.
 */

/**
 * Zalo refused the refresh token (or there is none): nothing can be sent until an OA admin
 * authorises the app again and the new tokens are stored.
 */
export class ZaloAuthError extends Error {
  override name = "ZaloAuthError";
  constructor(
    message: string,
    /** Zalo's error code, when it gave one */
    readonly code?: number,
  ) {
    super(message);
  }
}

/** A token refresh that may work if tried again: network error, timeout, 5xx, a busy lease. */
export class ZaloTransientError extends Error {
  override name = "ZaloTransientError";
}

/**
 * `text` with every secret in it replaced, cut to a length fit for a log line. Error texts from
 * the HTTP stack can quote the request (a test double does), and the request holds tokens.
 */
export function scrub(text: string, secrets: readonly (string | undefined)[], max = 300): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    // As is, and as it appears in a form body or a URL.
    for (const form of new Set([secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)])) {
      out = out.split(form).join("[secret]");
    }
  }
  return out.length > max ? out.slice(0, max - 1) + "…" : out;
}
