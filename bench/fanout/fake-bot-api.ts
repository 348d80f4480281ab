import http from "node:http";
import { performance } from "node:perf_hooks";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

/** Milliseconds since the epoch, sub-millisecond, comparable across this process's threads. */
export const clock = () => performance.timeOrigin + performance.now();

export interface FakeBotApiOptions {
  token: string;
  /** accepted sendMessage calls allowed in any sliding 1-second window, over all chats */
  limit: number;
  /** the `retry_after` (seconds) a 429 asks for */
  retryAfter: number;
  /** least time between two accepted messages to one chat, ms (0: no per-chat limit) */
  perChatMs: number;
  /** the server waits this long before answering each call, ms (a network round trip) */
  latencyMs: number;
  /** each call is taken up after a random 0…jitterMs ms, as if it crossed a network whose
   * transit time varies: calls can arrive in another order and spacing than they were sent */
  jitterMs: number;
}

export interface Accepted {
  chatId: string;
  text: string;
  /** `clock()` when the call had arrived whole */
  at: number;
}

export interface Rejected {
  chatId: string;
  at: number;
  why: "global" | "per-chat";
}

/**
 * A small Bot API on 127.0.0.1 that behaves like Telegram under flood control: `sendMessage` is
 * accepted while fewer than `limit` messages were accepted in the last 1000 ms (a sliding
 * window, every chat counted), and answered 429 with `retry_after` otherwise. Calls that get a 429
 * do not count toward the window. Every accepted message is recorded with its chat and time.
 */
async function serveFakeBotApi(options: FakeBotApiOptions) {
  const accepted: Accepted[] = [];
  const rejected: Rejected[] = [];
  const lastPerChat = new Map<string, number>();
  const now = clock;
  /** accepted[windowStart..] are the ones inside the current 1-second window */
  let windowStart = 0;
  let messageId = 0;
  let otherCalls = 0;

  const tooMany = (retryAfter: number) => ({
    ok: false,
    error_code: 429,
    description: `Too Many Requests: retry after ${retryAfter}`,
    parameters: { retry_after: retryAfter },
  });

  function sendMessage(body: Record<string, unknown>): { status: number; body: unknown } {
    const at = now();
    const chatId = String(body.chat_id);
    const text = String(body.text ?? "");
    while (windowStart < accepted.length && accepted[windowStart]!.at <= at - 1000) windowStart++;
    if (accepted.length - windowStart >= options.limit) {
      rejected.push({ chatId, at, why: "global" });
      return { status: 429, body: tooMany(options.retryAfter) };
    }
    const last = lastPerChat.get(chatId);
    if (options.perChatMs > 0 && last !== undefined && at - last < options.perChatMs) {
      rejected.push({ chatId, at, why: "per-chat" });
      return { status: 429, body: tooMany(Math.max(1, Math.ceil((options.perChatMs - (at - last)) / 1000))) };
    }
    lastPerChat.set(chatId, at);
    accepted.push({ chatId, text, at });
    return {
      status: 200,
      body: {
        ok: true,
        result: { message_id: ++messageId, date: Math.floor(Date.now() / 1000), chat: { id: Number(chatId), type: "private" }, text },
      },
    };
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => (options.jitterMs > 0 ? setTimeout(handle, Math.random() * options.jitterMs) : handle()));
    const handle = () => {
      const reply = (status: number, body: unknown) => {
        const write = () => {
          res.writeHead(status, { "content-type": "application/json" });
          res.end(JSON.stringify(body));
        };
        if (options.latencyMs > 0) setTimeout(write, options.latencyMs);
        else write();
      };
      const match = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? "");
      if (req.method !== "POST" || !match || match[1] !== options.token) {
        return reply(404, { ok: false, error_code: 404, description: "Not Found" });
      }
      let body: Record<string, unknown> = {};
      const raw = Buffer.concat(chunks).toString("utf8");
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        return reply(400, { ok: false, error_code: 400, description: "Bad Request: can't parse JSON" });
      }
      if (match[2] === "sendMessage") {
        const r = sendMessage(body);
        return reply(r.status, r.body);
      }
      otherCalls++;
      if (match[2] === "getMe") {
        return reply(200, { ok: true, result: { id: 1, is_bot: true, first_name: "Bench", username: "bench_bot" } });
      }
      return reply(400, { ok: false, error_code: 400, description: `Bad Request: ${match[2]} is not faked` });
    };
  });
  // Many keep-alive sockets from the clients under test: don't let the server be the limit.
  server.keepAliveTimeout = 60_000;
  server.maxRequestsPerSocket = 0;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    records: (): Records => ({ accepted, rejected, otherCalls }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface Records {
  accepted: Accepted[];
  rejected: Rejected[];
  /** calls other than sendMessage */
  otherCalls: number;
}

export interface FakeBotApi {
  apiRoot: string;
  /** what it accepted and refused so far */
  records(): Promise<Records>;
  close(): Promise<void>;
}

/**
 * Starts the fake in a worker thread (default), so that its clock and its accept/refuse
 * decisions are not held up by whatever blocks the sender's event loop (synchronous SQLite
 * calls, for one), as Telegram's would not be; or on this thread (`"here"`).
 */
export async function startFakeBotApi(options: FakeBotApiOptions, where: "worker" | "here" = "worker"): Promise<FakeBotApi> {
  if (where === "here") {
    const fake = await serveFakeBotApi(options);
    return { apiRoot: fake.apiRoot, records: async () => fake.records(), close: fake.close };
  }
  // A worker does not inherit tsx's loader: register it first, then load this very file.
  const tsx = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: { fanoutFake: options } });
  const waiting: ((m: FromWorker) => void)[] = [];
  const failed = new Promise<never>((_, reject) => worker.once("error", reject));
  failed.catch(() => undefined);
  worker.on("message", (m: FromWorker) => waiting.shift()?.(m));
  const next = () => Promise.race([new Promise<FromWorker>((resolve) => waiting.push(resolve)), failed]);
  const ready = await next();
  if (!("apiRoot" in ready)) throw new Error("the fake Bot API worker did not start");
  const ask = async (op: ToWorker["op"]) => {
    const answer = next();
    worker.postMessage({ op } satisfies ToWorker);
    return answer;
  };
  return {
    apiRoot: ready.apiRoot,
    records: async () => {
      const m = await ask("records");
      if (!("records" in m)) throw new Error("unexpected answer from the fake Bot API worker");
      return m.records;
    },
    close: async () => {
      await ask("close");
      await worker.terminate();
    },
  };
}

type ToWorker = { op: "records" } | { op: "close" };
type FromWorker = { apiRoot: string } | { records: Records } | { closed: true };

// Worker entry: serve, and answer the main thread one message at a time.
const data = workerData as { fanoutFake?: FakeBotApiOptions } | null;
if (!isMainThread && data?.fanoutFake && parentPort) {
  const port = parentPort;
  const fake = await serveFakeBotApi(data.fanoutFake);
  port.on("message", async (m: ToWorker) => {
    if (m.op === "records") port.postMessage({ records: fake.records() } satisfies FromWorker);
    else {
      await fake.close();
      port.postMessage({ closed: true } satisfies FromWorker);
    }
  });
  port.postMessage({ apiRoot: fake.apiRoot } satisfies FromWorker);
}
