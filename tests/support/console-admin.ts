import { expect } from "vitest";
import { consoleFetch, type ConsoleBrowser, type ConsoleResponse } from "./console.ts";

/**
 * Posts a console form as its page would (with the session's CSRF token), expects the
 * post/redirect/get answer, and returns the page the browser is sent to.
 */
export async function submit(base: string, browser: ConsoleBrowser, path: string, form: Record<string, string>): Promise<ConsoleResponse & { at: string }> {
  const posted = await consoleFetch(base, path, { browser, form: { _csrf: browser.csrf, ...form } });
  expect(posted.status, posted.body.slice(0, 500)).toBe(303);
  const at = posted.location!;
  return { ...(await consoleFetch(base, at, { browser })), at };
}

/** A multipart upload of one file in the field `file`, as a plain `<input type=file>` form sends it. */
export async function upload(base: string, browser: ConsoleBrowser | undefined, path: string, fileName: string, bytes: Buffer | string): Promise<ConsoleResponse> {
  const form = new FormData();
  form.append("file", new Blob([typeof bytes === "string" ? Buffer.from(bytes) : new Uint8Array(bytes)]), fileName);
  const res = await fetch(`${base}${path}`, { method: "POST", body: form, headers: browser ? { cookie: browser.cookie } : {}, redirect: "manual" });
  return { status: res.status, location: res.headers.get("location"), body: await res.text(), headers: res.headers };
}
