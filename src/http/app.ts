import path from "node:path";
import { fileURLToPath } from "node:url";
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from "express";
import { simulatorRouter } from "../../bots/simulator/api.ts";
import type { Inbox } from "../engine/inbox.ts";
import type { Logger } from "../logger.ts";
import type { Db } from "../store/client.ts";
import { jsonOnly } from "./json-only.ts";
import type { ConsoleDeps } from "../console/deps.ts";
import { consoleRouter } from "../console/routes.ts";
import { telegramSecret, telegramWebhook } from "./telegram-webhook.ts";
import type { WriteHealth } from "../store/write-probe.ts";

const pagePath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "bots", "simulator", "page.html");

export interface AppDeps {
  db: Db;
  inbox: Inbox;
  log: Logger;
  demo: boolean;
  simulator: boolean;
  /** required with `simulator` outside demo mode (config.ts refuses to start without it) */
  simulatorSecret?: string;
  telegram?: { secret: string; receiveUpdate: (update: unknown) => Promise<void> };
  /** the Zalo webhook handler (bots/zalo/webhook.ts); it reads the raw body to check the signature */
  zaloWebhook?: RequestHandler;
  /** a real write to the database with a deadline (`store/write-probe.ts`) */
  health: (timeoutMs: number) => Promise<WriteHealth>;
  /** the officers' console under /console (absent: no console, as in tests of the webhooks alone) */
  console?: ConsoleDeps;
  /** true once SIGTERM arrived: webhooks are refused so the channels keep them for later */
  stopping?: () => boolean;
}

/** `/healthz` answers within a second whatever the database does. */
const HEALTH_PROBE_MS = 700;
const HEALTH_ANSWER_MS = 900;

/** The HTTP surface of CONTRACT.md: webhooks, health, the simulator, the console. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable("x-powered-by");

  app.get("/healthz", async (_req, res) => {
    if (deps.stopping?.()) {
      res.status(503).json({ ok: false, status: "stopping" });
      return;
    }
    const health = await Promise.race([
      deps.health(HEALTH_PROBE_MS).catch((): WriteHealth => ({ ok: false, reason: "error" })),
      new Promise<WriteHealth>((resolve) => setTimeout(() => resolve({ ok: false, reason: "locked" }), HEALTH_ANSWER_MS).unref()),
    ]);
    if (health.ok) res.json({ ok: true, status: "up", database: "up", demo: deps.demo });
    else res.status(503).json({ ok: false, status: "degraded", database: "down", reason: health.reason });
  });

  // After SIGTERM nothing new is taken: a 503 makes Telegram and Zalo deliver it again later.
  const refuseWhileStopping: RequestHandler = (_req, res, next) => {
    if (!deps.stopping?.()) return next();
    res.status(503).set("Retry-After", "5").json({ ok: false, error: "stopping" });
  };
  app.use(["/telegram/webhook", "/zalo/webhook"], refuseWhileStopping);

  if (deps.telegram) {
    // Secret first, then content type, then parsing: a stranger learns nothing from our parser.
    app.post(
      "/telegram/webhook",
      telegramSecret(deps.telegram.secret),
      jsonOnly,
      express.json({ limit: "1mb" }),
      telegramWebhook({ receiveUpdate: deps.telegram.receiveUpdate, log: deps.log }),
    );
  }

  if (deps.zaloWebhook) {
    app.post("/zalo/webhook", jsonOnly, express.raw({ type: () => true, limit: "1mb" }), deps.zaloWebhook);
  }

  if (deps.simulator) {
    if (!deps.demo) {
      // Config refuses this already; an app must never be built with an open simulator on real data.
      if (!deps.simulatorSecret) throw new Error("createApp: the simulator outside demo mode needs SIMULATOR_SECRET");
      deps.log.warn(
        "SIMULATOR IS ON OUTSIDE DEMO MODE: /simulator can read and write any simulator chat for whoever has SIMULATOR_SECRET. Turn it off (SIMULATOR=off) when you are done.",
      );
    }
    app.use("/simulator", simulatorRouter({ db: deps.db, inbox: deps.inbox, demo: deps.demo, secret: deps.simulatorSecret }));
    app.get("/simulator", (_req, res) => res.sendFile(pagePath));
  }

  if (deps.console) app.use("/console", consoleRouter(deps.console));

  app.use((_req, res) => res.status(404).json({ ok: false, error: "not found" }));
  const onError: ErrorRequestHandler = (error, _req, res, _next) => {
    // Malformed JSON and oversized bodies come here from the body parser.
    const status = typeof error?.status === "number" && error.status < 500 ? error.status : 500;
    if (status === 500) deps.log.error({ err: error }, "request failed");
    res.status(status).json({ ok: false, error: status === 500 ? "internal error" : String(error.message ?? "bad request") });
  };
  app.use(onError);
  return app;
}
