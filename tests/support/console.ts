import { openConsoleSession as openSession } from "../../src/store/console-sessions.ts";
import type { Db } from "../../src/store/client.ts";

/** A signed-in browser as a test sees it: the cookie to send and the CSRF token its forms carry. */
export interface ConsoleBrowser {
  cookie: string;
  csrf: string;
}

/** Opens a console session for a person straight in the store, as a `/web` link would. */
export async function openConsoleSession(db: Db, personId: number, now = new Date()): Promise<ConsoleBrowser> {
  const opened = await openSession(db, personId, now);
  return { cookie: `vx_console=${opened.id}`, csrf: opened.csrf };
}

export interface ConsoleResponse {
  status: number;
  /** the redirect target, if any */
  location: string | null;
  body: string;
  headers: Headers;
}

/**
 * One request to the console, never following redirects (a test asserts them). `form` is sent
 * url-encoded as a browser's form would be; put `_csrf` in it yourself when the test wants it.
 */
export async function consoleFetch(
  base: string,
  path: string,
  options: { browser?: ConsoleBrowser; method?: "GET" | "POST"; form?: Record<string, string>; headers?: Record<string, string> } = {},
): Promise<ConsoleResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.browser) headers.cookie = options.browser.cookie;
  let body: string | undefined;
  if (options.form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(options.form).toString();
  }
  const res = await fetch(`${base}${path}`, { method: options.method ?? (options.form ? "POST" : "GET"), headers, body, redirect: "manual" });
  return { status: res.status, location: res.headers.get("location"), body: await res.text(), headers: res.headers };
}

/** The cookie a response sets, as a browser would send it back (`name=value`). */
export function cookieFrom(res: ConsoleResponse): string | null {
  const set = res.headers.get("set-cookie");
  return set ? set.split(";")[0]! : null;
}

/** The CSRF token in a page's forms. */
export function csrfIn(body: string): string | null {
  return /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? null;
}
