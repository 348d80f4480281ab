import type { RunningChannel } from "./channel.ts";
import { FileFetchError } from "./fetch-file.ts";

/** What asking a channel for a stored photo gave: the image, or why there is none to show. */
export type PhotoFetch =
  | { ok: true; bytes: Buffer; contentType: string }
  /** `no-file`: the channel keeps no file (the simulator); `unavailable`: expired, down, too large or not configured */
  | { ok: false; reason: "no-file" | "unavailable"; failure: string };

/** The default bounds of one photo fetch. */
export const PHOTO_LIMITS = { maxBytes: 10 * 1024 * 1024, timeoutMs: 15_000 } as const;

/** A word for what went wrong, safe to log: never a URL, a token or anything of the sender. */
function failureOf(error: unknown): string {
  if (error instanceof FileFetchError) return error.reason;
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return "timeout";
  return error instanceof Error ? error.name : "error";
}

/**
 * `fetchPhoto(ref)` over the open channels: the channel named by the reference fetches its file
 * within the size limit and the deadline. Never throws.
 */
export function photoFetcher(channels: readonly RunningChannel[], limits: { maxBytes?: number; timeoutMs?: number } = {}) {
  const maxBytes = limits.maxBytes ?? PHOTO_LIMITS.maxBytes;
  const timeoutMs = limits.timeoutMs ?? PHOTO_LIMITS.timeoutMs;
  return async (ref: { channel: string; fileId: string }): Promise<PhotoFetch> => {
    const channel = channels.find((c) => c.name === ref.channel);
    if (!channel) return { ok: false, reason: "unavailable", failure: "not-configured" };
    if (!channel.fetchFile) return { ok: false, reason: "no-file", failure: "no-file" };
    try {
      const file = await channel.fetchFile(ref.fileId, { maxBytes, signal: AbortSignal.timeout(timeoutMs) });
      return { ok: true, ...file };
    } catch (error) {
      return { ok: false, reason: "unavailable", failure: failureOf(error) };
    }
  };
}
