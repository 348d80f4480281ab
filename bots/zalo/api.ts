import axios, { type AxiosInstance } from "axios";
import { scrub } from "./errors.ts";

/**
 * The two Zalo HTTP calls this app makes, as plain functions over axios: sending a consultation
 * message (Open API v3) and refreshing the OA's access token (OAuth v4). They never throw and
 * never judge: they return what came back, and the sender and the token manager decide what it
 * means (the team's notes: shared/notes/zalo.md). Zalo answers most errors with HTTP 200 and an
 * `error` code in the body, so the HTTP status alone says little.
 */

/** Default time allowed for one call, after which it counts as a network failure. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** What one call came to. */
export type ZaloCall<T> =
  /** an HTTP answer with a JSON object body, whatever the status */
  | { kind: "answer"; status: number; body: T }
  /** an HTTP answer whose body is not a JSON object (a proxy's error page, an empty body) */
  | { kind: "bad-answer"; status: number; error: string }
  /** no answer: timeout, connection reset, DNS failure */
  | { kind: "network"; error: string };

/** A button of a consultation message. A tap on `oa.query.*` comes back as a text: `payload`. */
export interface ZaloButton {
  title: string;
  type: "oa.query.hide" | "oa.query.show";
  payload: string;
}

/** An image by URL (notes: the "media" template). */
export interface ZaloMedia {
  template_type: "media";
  elements: { media_type: "image"; url: string }[];
}

/** The body of `POST /v3.0/oa/message/cs`: a text, optionally with buttons, or an image. */
export interface ZaloCsMessage {
  recipient: { user_id: string };
  message: {
    text?: string;
    attachment?: { type: "template"; payload: { buttons: ZaloButton[] } | ZaloMedia };
  };
}

/** Zalo's answer to an Open API call: `error` 0 on success, a negative code otherwise. */
export interface ZaloApiAnswer {
  error?: unknown;
  message?: unknown;
  data?: unknown;
}

/** Zalo's answer to a token refresh: the new pair, or (often with HTTP 200) an error. */
export interface ZaloOAuthAnswer {
  access_token?: unknown;
  refresh_token?: unknown;
  /** seconds, as a string ("90000") */
  expires_in?: unknown;
  error?: unknown;
  error_name?: unknown;
  error_description?: unknown;
}

/** The Open API client: what the sender needs. */
export interface ZaloApi {
  /** `POST {apiBase}/v3.0/oa/message/cs` with the bare `access_token` header */
  sendConsultation(accessToken: string, body: ZaloCsMessage): Promise<ZaloCall<ZaloApiAnswer>>;
}

/** The OAuth client: what the token manager needs. */
export interface ZaloOAuth {
  /** `POST {oauthBase}/v4/oa/access_token`, form-encoded, with the App secret in `secret_key` */
  refreshAccessToken(refreshToken: string): Promise<ZaloCall<ZaloOAuthAnswer>>;
}

export interface ZaloHttpOptions {
  /** an axios instance (tests, proxies); a fresh one by default */
  http?: AxiosInstance;
  timeoutMs?: number;
}

export function createZaloApi(opts: ZaloHttpOptions & { apiBase: string }): ZaloApi {
  const http = opts.http ?? axios.create();
  const url = `${trimBase(opts.apiBase)}/v3.0/oa/message/cs`;
  return {
    sendConsultation(accessToken, body) {
      const headers = { access_token: accessToken, "Content-Type": "application/json" };
      return post(http, url, body, headers, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, [accessToken]);
    },
  };
}

export function createZaloOAuth(opts: ZaloHttpOptions & { oauthBase: string; appId: string; appSecret: string }): ZaloOAuth {
  const http = opts.http ?? axios.create();
  const url = `${trimBase(opts.oauthBase)}/v4/oa/access_token`;
  return {
    refreshAccessToken(refreshToken) {
      const form = new URLSearchParams({ refresh_token: refreshToken, app_id: opts.appId, grant_type: "refresh_token" });
      const headers = { secret_key: opts.appSecret, "Content-Type": "application/x-www-form-urlencoded" };
      return post(http, url, form.toString(), headers, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, [refreshToken, opts.appSecret]);
    },
  };
}

function trimBase(base: string): string {
  return base.replace(/\/+$/, "");
}

async function post<T>(
  http: AxiosInstance,
  url: string,
  data: unknown,
  headers: Record<string, string>,
  timeoutMs: number,
  secrets: string[],
): Promise<ZaloCall<T>> {
  try {
    const res = await http.post(url, data, {
      headers,
      timeout: timeoutMs,
      // Every status is an answer to read: Zalo's errors are in the body.
      validateStatus: () => true,
      responseType: "json",
    });
    const body: unknown = res.data;
    if (body !== null && typeof body === "object" && !Array.isArray(body)) return { kind: "answer", status: res.status, body: body as T };
    return { kind: "bad-answer", status: res.status, error: `HTTP ${res.status} without a JSON object` };
  } catch (error) {
    return { kind: "network", error: scrub(describeNetworkError(error), secrets) };
  }
}

/** The code and message of a failed request, never its config (which holds the tokens). */
function describeNetworkError(error: unknown): string {
  if (axios.isAxiosError(error)) return `${error.code ?? "network error"}: ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
