import express, { type ErrorRequestHandler, type Express, type RequestHandler } from "express";
import type { ChannelRoute } from "../../bots/channel.ts";
import type { Logger } from "../logger.ts";
import type { ConsoleDeps } from "../console/deps.ts";
import { consoleRouter } from "../console/routes.ts";
import type { WriteHealth } from "../store/write-probe.ts";

export interface AppDeps {
  log: Logger;
  demo: boolean;
  /** the open channels' routes (bots/channels.ts): webhooks, the simulator */
  routes: readonly ChannelRoute[];
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

/** The HTTP surface of CONTRACT.md: health, each open channel's routes (webhooks, the simulator), the console. */
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
  const redeliverable = [...new Set(deps.routes.filter((r) => r.redeliverable).map((r) => r.path))];
  if (redeliverable.length) app.use(redeliverable, refuseWhileStopping);

  for (const route of deps.routes) app[route.method](route.path, ...route.handlers);

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
