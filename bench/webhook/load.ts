/**
 * The Telegram side of the bench: POSTs updates to a webhook the way Telegram does — each chat's
 * updates in order (the next one only after the previous was answered), many chats at once,
 * at most `concurrency` requests in flight (Telegram's `max_connections`, default 40).
 */
import http from "node:http";
import { performance } from "node:perf_hooks";

/** One POSTed update, timed with `performance.now()`. */
export interface Sent {
  chatId: number;
  /** position of the update in its chat's sequence, from 0 */
  seq: number;
  startedAt: number;
  answeredAt: number;
  status: number;
  /** POSTs of this update that got anything but 200 before one did (Telegram redelivers) */
  redeliveries: number;
}

export interface Chat {
  chatId: number;
  /** the JSON bodies of its updates, in order */
  updates: string[];
  /** their update_id, in the same order */
  ids: number[];
}

/** A FIFO semaphore: chats queue for a connection in the order they asked. */
class Slots {
  private waiting: (() => void)[] = [];
  constructor(private free: number) {}
  async take(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  give(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}

/**
 * A keep-alive client for one webhook URL. Plain `node:http` rather than `fetch`, so the pool is
 * exactly `concurrency` sockets and nothing else (no undici dispatcher defaults) is measured.
 */
export function webhookClient(url: string, secret: string, concurrency: number) {
  const target = new URL(url);
  if (target.hostname !== "127.0.0.1") throw new Error(`the bench only talks to 127.0.0.1, not ${target.hostname}`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });

  function post(body: string): Promise<number> {
    return new Promise((resolve) => {
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: "POST",
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
            "x-telegram-bot-api-secret-token": secret,
          },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
          res.on("error", () => resolve(0));
        },
      );
      req.on("error", () => resolve(0));
      // Telegram gives up on a webhook request after a while too; a hung server must not hang the bench.
      req.setTimeout(60_000, () => req.destroy(new Error("timeout")));
      req.end(body);
    });
  }

  return { post, close: () => agent.destroy() };
}
export type WebhookClient = ReturnType<typeof webhookClient>;

export interface DriveOptions {
  concurrency: number;
  /** awaited before a chat sends its next update (e.g. its reply, for a person who reads first) */
  beforeNext?: (chatId: number, seq: number) => Promise<void>;
  /** tries of one update before giving up on it */
  maxTries?: number;
}

/** Sends every chat's updates; resolves with one record per update, in completion order. */
export async function drive(client: WebhookClient, chats: Chat[], options: DriveOptions): Promise<Sent[]> {
  const slots = new Slots(options.concurrency);
  const maxTries = options.maxTries ?? 5;
  const sent: Sent[] = [];
  async function runChat(chat: Chat) {
    for (const [seq, body] of chat.updates.entries()) {
      if (seq > 0 && options.beforeNext) await options.beforeNext(chat.chatId, seq);
      let redeliveries = 0;
      for (;;) {
        await slots.take();
        const startedAt = performance.now();
        let status: number;
        try {
          status = await client.post(body);
        } finally {
          slots.give();
        }
        const answeredAt = performance.now();
        if (status === 200 || redeliveries + 1 >= maxTries) {
          sent.push({ chatId: chat.chatId, seq, startedAt, answeredAt, status, redeliveries });
          break;
        }
        redeliveries++;
        // Telegram waits before redelivering; a short pause keeps the bench quick.
        await new Promise((r) => setTimeout(r, 50 * redeliveries));
      }
    }
  }
  await Promise.all(chats.map(runChat));
  return sent;
}
