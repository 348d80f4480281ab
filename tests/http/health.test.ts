import { buildRegistry } from "../../src/engine/feature.ts";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { createInbox } from "../../src/engine/inbox.ts";
import { createApp } from "../../src/http/app.ts";
import { simulatorRoutes } from "../../bots/simulator/channel.ts";
import { PrismaClient } from "../../src/generated/prisma/client.ts";
import type { Db } from "../../src/store/client.ts";
import { createWriteProbe } from "../../src/store/write-probe.ts";
import { freshDb } from "../support/db.ts";
import { captureLogger } from "../support/logger.ts";

async function serve(db: Db, file: string, simulator = false) {
  const { log } = captureLogger();
  const inbox = createInbox({ db, clock: () => new Date(), log, engine: { registry: buildRegistry([]), timeZone: "Asia/Ho_Chi_Minh" } });
  const probe = createWriteProbe(file);
  // The simulator without a secret exists only in demo mode.
  const app = createApp({ log, demo: simulator, routes: simulator ? simulatorRoutes({ db, inbox, log, demo: true }) : [], health: (ms) => probe.check(ms) });
  const server = app.listen(0);
  await new Promise((r) => server.once("listening", r));
  return { base: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => new Promise((r) => server.close(r)) };
}

describe("HTTP", () => {
  const closers: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of closers.splice(0)) await c();
  });

  it("answers /healthz with 200 when the database answers", async () => {
    const { db, file, cleanup } = await freshDb();
    const s = await serve(db, file);
    closers.push(s.close, cleanup);
    const res = await fetch(`${s.base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, database: "up" });
  });

  it("answers /healthz with 503 when the database does not", async () => {
    const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: "file:/nonexistent-dir/x/vungxanh.db" }) });
    const s = await serve(db, "/nonexistent-dir/x/vungxanh.db");
    closers.push(s.close);
    const res = await fetch(`${s.base}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ok: false, database: "down" });
  });

  it("serves the simulator only when it is on, and no Telegram route without Telegram", async () => {
    const { db, file, cleanup } = await freshDb();
    const off = await serve(db, file, false);
    const on = await serve(db, file, true);
    closers.push(off.close, on.close, cleanup);
    expect((await fetch(`${off.base}/simulator`)).status).toBe(404);
    const page = await fetch(`${on.base}/simulator`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Vùng Xanh");
    expect((await fetch(`${on.base}/telegram/webhook`, { method: "POST" })).status).toBe(404);
    const bad = await fetch(`${on.base}/simulator/api/send`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ user: "bad user!" }) });
    expect(bad.status).toBe(400);
  });
});
