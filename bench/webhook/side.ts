/**
 * The Telegram side of the bench — the fake Bot API, the webhook client and the clocks — kept
 * apart from the server under test. By default it runs in a worker thread: our server is
 * CPU-bound on its event loop, and a client sharing that loop would time the server's backlog
 * as its own (a 200 sitting unread in the socket). In the worker, every timestamp (POST sent,
 * 200 read, sendMessage arrived) is taken on one clock that the server does not block.
 */
import { performance } from "node:perf_hooks";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { startFakeBotApi, type FakeBotApi } from "./fake-bot-api.ts";
import { drive, webhookClient, type Chat, type Sent } from "./load.ts";
import { perSecond, summarize, type LatencySummary } from "./stats.ts";

export interface RunRequest {
  url: string;
  secret: string;
  chats: Chat[];
  concurrency: number;
  /** null: each chat's updates back to back; else wait for the reply, then this many ms */
  thinkMs: number | null;
  timeoutS: number;
}

export interface RunFigures {
  updates: number;
  /** POST sent → 200 read */
  ack: LatencySummary;
  ackPerSecond: number;
  wallAckMs: number;
  /** POST sent → the reply to that update reached the Bot API */
  reply: LatencySummary;
  repliedPerSecond: number;
  wallReplyMs: number;
  non200: number;
  redeliveries: number;
  /** sendMessage calls seen during the run */
  replies: number;
  /** replies not yet at the Bot API when the last update got its 200: the outbox's backlog */
  backlogAtLastAck: number;
  /** the slowest webhook answers: which update of its chat (0 = /join), how long, when */
  slowestAcks: { seq: number; ms: number; atS: number }[];
}

export interface RunResult {
  figures: RunFigures;
  /** when the first POST went out, in epoch milliseconds (comparable with the server's Dates) */
  t0EpochMs: number;
  /** when each update was POSTed (its accepted try), in epoch milliseconds */
  posted: { updateId: number; startEpochMs: number }[];
  /** every expected reply arrived before the timeout */
  complete: boolean;
  /** per chat id, the texts it received during this run, in order (for the checks) */
  texts: Record<string, string[]>;
}

/** Where the traffic comes from; the same interface in a worker or in this thread. */
export interface TrafficSide {
  token: string;
  apiRoot: string;
  /** every Bot API method called so far, with its count */
  methods(): Promise<Record<string, number>>;
  run(request: RunRequest): Promise<RunResult>;
  close(): Promise<void>;
}

/** Pairs the k-th update of each chat with the k-th message that chat received. */
function replyLatencies(sent: Sent[], api: FakeBotApi, offsets: Map<number, number>): number[] {
  const out: number[] = [];
  for (const s of sent) {
    const got = api.to(s.chatId)[(offsets.get(s.chatId) ?? 0) + s.seq];
    if (got) out.push(got.at - s.startedAt);
  }
  return out;
}

async function measure(api: FakeBotApi, request: RunRequest): Promise<RunResult> {
  const { chats } = request;
  const client = webhookClient(request.url, request.secret, request.concurrency);
  const before = api.total();
  const offsets = new Map(chats.map((c) => [c.chatId, api.to(c.chatId).length]));
  const expected = chats.reduce((n, c) => n + c.updates.length, 0);
  const timeoutMs = request.timeoutS * 1000;
  const t0 = performance.now();
  try {
    const sent = await drive(client, chats, {
      concurrency: request.concurrency,
      beforeNext:
        request.thinkMs === null
          ? undefined
          : async (chatId, seq) => {
              await api.waitForChat(chatId, (offsets.get(chatId) ?? 0) + seq, timeoutMs);
              await new Promise((r) => setTimeout(r, request.thinkMs!));
            },
    });
    const complete = await api.waitForTotal(before + expected, timeoutMs);
    const texts: Record<string, string[]> = {};
    let lastReply = 0;
    for (const c of chats) {
      const got = api.to(c.chatId).slice(offsets.get(c.chatId) ?? 0);
      texts[c.chatId] = got.map((d) => d.text);
      for (const d of got) lastReply = Math.max(lastReply, d.at);
    }
    const replyEnd = complete ? lastReply : performance.now();
    const lastAck = Math.max(...sent.map((s) => s.answeredAt));
    const replies = api.total() - before;
    const figures: RunFigures = {
      updates: sent.length,
      ack: summarize(sent.map((s) => s.answeredAt - s.startedAt)),
      ackPerSecond: perSecond(sent.length, lastAck - t0),
      wallAckMs: lastAck - t0,
      reply: summarize(replyLatencies(sent, api, offsets)),
      repliedPerSecond: perSecond(replies, replyEnd - t0),
      wallReplyMs: replyEnd - t0,
      non200: sent.filter((s) => s.status !== 200).length,
      redeliveries: sent.reduce((n, s) => n + s.redeliveries, 0),
      replies,
      backlogAtLastAck: expected - arrivedBy(chats, api, offsets, lastAck),
      slowestAcks: [...sent]
        .sort((a, b) => b.answeredAt - b.startedAt - (a.answeredAt - a.startedAt))
        .slice(0, 3)
        .map((s) => ({ seq: s.seq, ms: Math.round(s.answeredAt - s.startedAt), atS: Math.round((s.startedAt - t0) / 100) / 10 })),
    };
    const epoch = (t: number) => performance.timeOrigin + t;
    const byChat = new Map(chats.map((c) => [c.chatId, c]));
    const posted = sent.map((s) => ({ updateId: byChat.get(s.chatId)!.ids[s.seq]!, startEpochMs: epoch(s.startedAt) }));
    return { figures, complete, texts, t0EpochMs: epoch(t0), posted };
  } finally {
    client.close();
  }
}

/** Replies to `chats` in this run that had arrived at `time`. */
function arrivedBy(chats: Chat[], api: FakeBotApi, offsets: Map<number, number>, time: number): number {
  let n = 0;
  for (const c of chats) for (const d of api.to(c.chatId).slice(offsets.get(c.chatId) ?? 0)) if (d.at <= time) n++;
  return n;
}

/** The traffic side in this thread (`--same-thread`, to compare with the worker). */
async function sideHere(): Promise<TrafficSide> {
  const fake = await startFakeBotApi();
  return {
    token: fake.token,
    apiRoot: fake.apiRoot,
    methods: async () => fake.methods(),
    run: (request) => measure(fake, request),
    close: () => fake.close(),
  };
}

type Call = { op: "methods" } | { op: "run"; request: RunRequest } | { op: "close" };
type ToWorker = Call & { id: number };
type FromWorker = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string } | { ready: { token: string; apiRoot: string } };

/** Starts the traffic side in a worker thread (loading TypeScript through tsx) or in this one. */
export async function startTrafficSide(where: "worker" | "here"): Promise<TrafficSide> {
  if (where === "here") return sideHere();
  // A worker does not inherit tsx's loader: register it first, then load this very file.
  const tsx = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: { trafficSide: true } });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  const ready = new Promise<{ token: string; apiRoot: string }>((resolve, reject) => {
    worker.on("message", (m: FromWorker) => {
      if ("ready" in m) return resolve(m.ready);
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.ok) p?.resolve(m.value);
      else p?.reject(new Error(m.error));
    });
    worker.on("error", (e) => {
      reject(e);
      for (const p of pending.values()) p.reject(e);
    });
  });
  const call = <T>(message: Call): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...message, id });
    });
  const { token, apiRoot } = await ready;
  return {
    token,
    apiRoot,
    methods: () => call({ op: "methods" }),
    run: (request) => call({ op: "run", request }),
    close: async () => {
      await call({ op: "close" });
      await worker.terminate();
    },
  };
}

// Worker entry: serve the main thread's requests one message at a time.
if (!isMainThread && (workerData as { trafficSide?: boolean } | null)?.trafficSide && parentPort) {
  const port = parentPort;
  const side = await sideHere();
  port.on("message", async (m: ToWorker) => {
    try {
      const value = m.op === "run" ? await side.run(m.request) : m.op === "methods" ? await side.methods() : await side.close();
      port.postMessage({ id: m.id, ok: true, value } satisfies FromWorker);
    } catch (error) {
      port.postMessage({ id: m.id, ok: false, error: String(error) } satisfies FromWorker);
    }
  });
  port.postMessage({ ready: { token: side.token, apiRoot: side.apiRoot } } satisfies FromWorker);
}
