import http from "node:http";

export interface RecordedCall {
  method: string;
  body: Record<string, any>;
  /** whether the fake answered it with success */
  ok: boolean;
}

type Scripted = { status: number; body: unknown };

/**
 * A small Bot API server on loopback: records every call, answers like Telegram, and can be
 * told to fail the next calls of a method (429 with retry_after, 403, 5xx) to test error paths.
 */
export async function startFakeTelegram(token = "123456:TEST-token") {
  const calls: RecordedCall[] = [];
  const script = new Map<string, Scripted[]>();
  let messageId = 1000;
  // Stalling: after `holdAfter` delivered messages, sendMessage requests get no answer at all,
  // as if the process sending them died mid-request.
  let holdAfter = Infinity;
  // Answering sendMessage this long after receiving it (the message counts as delivered on
  // receipt, as on Telegram: a sender killed before the answer has still sent it).
  let latencyMs = 0;
  const held: http.ServerResponse[] = [];
  // Chats whose person blocked the bot: every sendMessage to them is refused with 403.
  const blockedChats = new Set<string>();
  // Files the fake's users sent, by file id (getFile and the file URL serve them).
  const files = new Map<string, Buffer>();
  // Methods ("getFile", or "file" for downloads) whose requests get no answer at all.
  const stalled = new Set<string>();
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const download = /^\/file\/bot([^/]+)\/photos\/([^/]+)\.jpg$/.exec(req.url ?? "");
      if (download) {
        const bytes = download[1] === token ? files.get(decodeURIComponent(download[2]!)) : undefined;
        const scripted = script.get("file")?.shift();
        calls.push({ method: "file", body: {}, ok: !scripted && Boolean(bytes) });
        if (stalled.has("file")) return void held.push(res);
        if (scripted) return void res.writeHead(scripted.status).end();
        if (!bytes) return void res.writeHead(404).end();
        // Telegram's file server does not say the image type.
        res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(bytes.byteLength) });
        return void res.end(bytes);
      }
      const match = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? "");
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (!match || match[1] !== token) return send(401, { ok: false, error_code: 401, description: "Unauthorized" });
      const method = match[2]!;
      let body: Record<string, any> = {};
      try {
        body = raw ? JSON.parse(raw) : {};
      } catch {
        body = Object.fromEntries(new URLSearchParams(raw));
      }
      if (method === "sendMessage" && calls.filter((c) => c.method === "sendMessage" && c.ok).length >= holdAfter) {
        calls.push({ method, body, ok: false });
        held.push(res);
        return;
      }
      if (stalled.has(method)) {
        calls.push({ method, body, ok: false });
        held.push(res);
        return;
      }
      const scripted =
        method === "sendMessage" && blockedChats.has(String(body.chat_id))
          ? { status: 403, body: { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" } }
          : script.get(method)?.shift();
      calls.push({ method, body, ok: !scripted || scripted.status === 200 });
      if (scripted) return send(scripted.status, scripted.body);
      switch (method) {
        case "getMe":
          return send(200, { ok: true, result: { id: 1, is_bot: true, first_name: "VungXanh", username: "vungxanh_bot", can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false } });
        case "sendMessage": {
          const answer = { ok: true, result: { message_id: ++messageId, date: 0, chat: { id: Number(body.chat_id), type: "private" }, text: body.text } };
          if (latencyMs > 0) return void setTimeout(() => !res.destroyed && send(200, answer), latencyMs);
          return send(200, answer);
        }
        case "getFile": {
          const bytes = files.get(String(body.file_id));
          if (!bytes) return send(400, { ok: false, error_code: 400, description: "Bad Request: invalid file_id" });
          return send(200, { ok: true, result: { file_id: body.file_id, file_unique_id: body.file_id, file_size: bytes.byteLength, file_path: `photos/${encodeURIComponent(String(body.file_id))}.jpg` } });
        }
        case "getUpdates":
          return setTimeout(() => send(200, { ok: true, result: [] }), 50);
        default:
          return send(200, { ok: true, result: true });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return {
    token,
    apiRoot: `http://127.0.0.1:${port}`,
    calls,
    /** The texts and buttons delivered to one chat (failed calls left out), in order. */
    sentTo(chatId: string | number) {
      return calls
        .filter((c) => c.method === "sendMessage" && c.ok && String(c.body.chat_id) === String(chatId))
        .map((c) => ({
          text: String(c.body.text),
          choices: (c.body.reply_markup?.inline_keyboard ?? []).flat().map((b: any) => ({ label: b.text, value: b.callback_data })),
        }));
    },
    failNext(method: string, ...responses: Scripted[]) {
      script.set(method, [...(script.get(method) ?? []), ...responses]);
    },
    tooManyRequests: (retryAfter: number): Scripted => ({
      status: 429,
      body: { ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } },
    }),
    blocked: (): Scripted => ({ status: 403, body: { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" } }),
    serverError: (): Scripted => ({ status: 502, body: { ok: false, error_code: 502, description: "Bad Gateway" } }),
    /** A file a user sent (a photo's file id), served by getFile and the file URL. */
    setFile(fileId: string, bytes: Buffer) {
      files.set(fileId, bytes);
    },
    /** The file is gone (Telegram forgot it): getFile answers 400. */
    dropFile(fileId: string) {
      files.delete(fileId);
    },
    /** Leave every request of `method` ("file": the downloads) unanswered until {@link release}. */
    stall(method: string) {
      stalled.add(method);
    },
    /** The person of this chat blocks the bot: every later message to it gets 403. */
    blockChat(chatId: string | number) {
      blockedChats.add(String(chatId));
    },
    /** After `n` delivered messages, leave further sendMessage requests unanswered. */
    holdAfter(n: number) {
      holdAfter = n;
    },
    held: () => held.length,
    /** Answer each sendMessage `ms` after receiving it. */
    latency(ms: number) {
      latencyMs = ms;
    },
    /** Drops the stalled requests unanswered and answers normally again. */
    release() {
      holdAfter = Infinity;
      stalled.clear();
      for (const res of held.splice(0)) res.socket?.destroy();
    },
    close: () => {
      for (const res of held.splice(0)) res.socket?.destroy();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
export type FakeTelegram = Awaited<ReturnType<typeof startFakeTelegram>>;
