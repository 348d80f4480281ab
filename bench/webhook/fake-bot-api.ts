/**
 * A fake Telegram Bot API on loopback for the bench, answering like Telegram (and like the
 * tests' fake in tests/support/fake-telegram.ts), but built for load: it timestamps each
 * sendMessage as it arrives and keeps only what the bench reads (per-chat texts, counts per
 * method), not every call.
 *
 * Why not the tests' fake: Node's default server keep-alive timeout (5 s) equals the client
 * agents' idle-socket timeout, so under bursty load a client reuses a socket the server is just
 * closing and gets ECONNRESET ("socket hang up") — seen with the tests' fake as the bare grammY
 * bot's sendMessage failing (a 500 to the webhook, then a redelivery). Telegram keeps
 * connections open far longer; so does this fake, so the bench measures the bots, not that race.
 */
import http from "node:http";
import { performance } from "node:perf_hooks";

export interface Delivered {
  /** `performance.now()` of this thread when the request body was read */
  at: number;
  text: string;
}

export interface FakeBotApi {
  token: string;
  apiRoot: string;
  /** every sendMessage seen so far */
  total(): number;
  /** the messages one chat received, in arrival order */
  to(chatId: number): Delivered[];
  /** calls per Bot API method */
  methods(): Record<string, number>;
  /** resolves true once `total()` reaches `count`, false after `timeoutMs` */
  waitForTotal(count: number, timeoutMs: number): Promise<boolean>;
  /** resolves true once chat `chatId` has received `count` messages, false after `timeoutMs` */
  waitForChat(chatId: number, count: number, timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}

export async function startFakeBotApi(token = "123456:BENCH-token"): Promise<FakeBotApi> {
  const byChat = new Map<string, Delivered[]>();
  const methods: Record<string, number> = {};
  let total = 0;
  let messageId = 1000;
  const waiters = new Set<{ done: () => boolean; resolve: (ok: boolean) => void }>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const at = performance.now();
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      const match = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? "");
      if (!match || match[1] !== token) return send(401, { ok: false, error_code: 401, description: "Unauthorized" });
      const method = match[2]!;
      methods[method] = (methods[method] ?? 0) + 1;
      const raw = Buffer.concat(chunks).toString("utf8");
      let body: Record<string, unknown> = {};
      try {
        body = raw ? JSON.parse(raw) : {};
      } catch {
        body = Object.fromEntries(new URLSearchParams(raw));
      }
      if (method !== "sendMessage") return send(200, { ok: true, result: true });
      const chat = String(body.chat_id);
      const list = byChat.get(chat) ?? [];
      list.push({ at, text: String(body.text) });
      byChat.set(chat, list);
      total++;
      for (const w of waiters) if (w.done()) w.resolve(true);
      send(200, { ok: true, result: { message_id: ++messageId, date: Math.floor(Date.now() / 1000), chat: { id: Number(chat), type: "private" }, text: body.text } });
    });
  });
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 125_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;

  function waitUntil(done: () => boolean, timeoutMs: number): Promise<boolean> {
    if (done()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter = {
        done,
        resolve: (ok: boolean) => {
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(ok);
        },
      };
      const timer = setTimeout(() => waiter.resolve(false), timeoutMs);
      waiters.add(waiter);
    });
  }
  const count = (chatId: number) => byChat.get(String(chatId))?.length ?? 0;

  return {
    token,
    apiRoot: `http://127.0.0.1:${port}`,
    total: () => total,
    to: (chatId) => byChat.get(String(chatId)) ?? [],
    methods: () => ({ ...methods }),
    waitForTotal: (n, timeoutMs) => waitUntil(() => total >= n, timeoutMs),
    waitForChat: (chatId, n, timeoutMs) => waitUntil(() => count(chatId) >= n, timeoutMs),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
