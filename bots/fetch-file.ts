import type { FetchedFile, FileLimits } from "./channel.ts";

/**
 * The image types a console page may show. SVG is left out on purpose: it is a document that
 * can carry script, and a tipster chooses what they send.
 */
const IMAGE_TYPES: Record<string, string> = {
  "image/jpeg": "image/jpeg",
  "image/jpg": "image/jpeg",
  "image/png": "image/png",
  "image/webp": "image/webp",
  "image/gif": "image/gif",
};

const BY_EXTENSION: Record<string, string> = { jpg: "image/jpeg", jpeg: "image/jpeg", png: "image/png", webp: "image/webp", gif: "image/gif" };

/** The image type a file's name suggests (Telegram's file server answers `application/octet-stream`). */
export function imageTypeOfName(name: string): string | undefined {
  return BY_EXTENSION[name.split(".").pop()?.toLowerCase() ?? ""];
}

/** Why a download gave nothing; said in the log without the URL (it may carry a token). */
export class FileFetchError extends Error {
  constructor(readonly reason: "status" | "too-large" | "not-image", detail: string) {
    super(`file download: ${reason} (${detail})`);
  }
}

/**
 * Downloads an image within a size limit and a deadline: stops reading past `maxBytes` and
 * refuses what is not a JPEG/PNG/WebP/GIF. `typeHint` is used when the server does not say.
 * Throws on failure (the caller redacts and logs).
 */
export async function downloadImage(url: string, limits: FileLimits, typeHint?: string): Promise<FetchedFile> {
  const res = await fetch(url, { signal: limits.signal, redirect: "follow" });
  if (!res.ok || !res.body) throw new FileFetchError("status", String(res.status));
  const declared = Number(res.headers.get("content-length") ?? "0");
  if (declared > limits.maxBytes) {
    await res.body.cancel();
    throw new FileFetchError("too-large", String(declared));
  }
  const said = (res.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const contentType = IMAGE_TYPES[said] ?? (typeHint && IMAGE_TYPES[typeHint]);
  if (!contentType) {
    await res.body.cancel();
    throw new FileFetchError("not-image", said || "no type");
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > limits.maxBytes) throw new FileFetchError("too-large", `>${limits.maxBytes}`);
    chunks.push(chunk);
  }
  if (size === 0) throw new FileFetchError("status", "empty");
  return { bytes: Buffer.concat(chunks), contentType };
}
