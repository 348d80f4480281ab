import type { FetchedFile, FileLimits } from "../channel.ts";
import { downloadImage, FileFetchError, imageTypeOfName } from "../fetch-file.ts";
import { redactError } from "./redact.ts";

/**
 * A photo by its Telegram file id: `getFile` for its path, then the file URL
 * `<apiRoot>/file/bot<token>/<path>` (valid about an hour; a file id lasts longer). Both URLs
 * carry the token, so every error leaving here is redacted.
 */
export async function fetchTelegramFile(apiRoot: string, token: string, fileId: string, limits: FileLimits): Promise<FetchedFile> {
  try {
    const res = await fetch(`${apiRoot}/bot${token}/getFile`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ file_id: fileId }),
      signal: limits.signal,
    });
    const answer = (await res.json().catch(() => null)) as { ok?: boolean; result?: { file_path?: string; file_size?: number }; description?: string } | null;
    const filePath = answer?.ok ? answer.result?.file_path : undefined;
    if (!filePath) throw new FileFetchError("status", `getFile ${res.status}${answer?.description ? `: ${answer.description}` : ""}`);
    if ((answer?.result?.file_size ?? 0) > limits.maxBytes) throw new FileFetchError("too-large", String(answer?.result?.file_size));
    return await downloadImage(`${apiRoot}/file/bot${token}/${filePath}`, limits, imageTypeOfName(filePath));
  } catch (error) {
    throw redactError(error, token);
  }
}
