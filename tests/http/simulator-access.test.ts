import { afterEach, describe, expect, it } from "vitest";
import { createInbox } from "../../src/engine/inbox.ts";
import { createApp } from "../../src/http/app.ts";
import { registry } from "../../features/index.ts";
import { simulatorRoutes } from "../../bots/simulator/channel.ts";
import type { Db } from "../../src/store/client.ts";
import { freshDb, TEST_DATA_KEY } from "../support/db.ts";
import { captureLogger } from "../support/logger.ts";

const SECRET = "operator-secret-0123456789abcdef";

async function serve(db: Db, options: { demo: boolean; secret?: string }) {
  const { log, lines } = captureLogger();
  const inbox = createInbox({ db, clock: () => new Date(), log, engine: { registry, timeZone: "Asia/Ho_Chi_Minh", dataKey: TEST_DATA_KEY } });
  // Health is not what these tests are about: a database that always answers.
  const routes = simulatorRoutes({ db, inbox, log, demo: options.demo, secret: options.secret });
  const app = createApp({ log, demo: options.demo, routes, health: async () => ({ ok: true as const }) });
  const server = app.listen(0);
  await new Promise((r) => server.once("listening", r));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return { base, lines, inbox, close: () => new Promise((r) => server.close(r)) };
}

describe("the simulator next to real credentials", () => {
  const closers: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of closers.splice(0)) await c();
  });

  it("is never built open outside demo mode", async () => {
    const { db, cleanup } = await freshDb();
    closers.push(cleanup);
    await expect(serve(db, { demo: false })).rejects.toThrow("SIMULATOR_SECRET");
  });

  it("answers its API only to the operator's secret, and warns loudly at start", async () => {
    const { db, cleanup } = await freshDb();
    const s = await serve(db, { demo: false, secret: SECRET });
    closers.push(s.close, cleanup);
    expect(s.lines.join("")).toContain("SIMULATOR IS ON OUTSIDE DEMO MODE");
    const send = (headers: Record<string, string>) =>
      fetch(`${s.base}/simulator/api/send`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ user: "officer-web", text: "/start" }) });
    const read = (headers: Record<string, string>) => fetch(`${s.base}/simulator/api/messages?user=officer-web&after=0`, { headers });
    // A stranger can neither act as someone nor read their chat.
    const wrong: Record<string, string>[] = [{}, { "x-simulator-secret": "wrong" }, { "x-simulator-secret": SECRET + "x" }];
    for (const headers of wrong) {
      expect((await send(headers)).status).toBe(401);
      const res = await read(headers);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ secretRequired: true });
    }
    await s.inbox.idle();
    expect(await db.person.count()).toBe(0);
    // The operator with the secret uses it as before.
    expect((await send({ "x-simulator-secret": SECRET })).status).toBe(200);
    expect((await read({ "x-simulator-secret": SECRET })).status).toBe(200);
    // The page itself loads, so it can ask for the secret.
    expect((await fetch(`${s.base}/simulator`)).status).toBe(200);
  });

  it("stays open in demo mode without a secret", async () => {
    const { db, cleanup } = await freshDb();
    const s = await serve(db, { demo: true });
    closers.push(s.close, cleanup);
    expect((await fetch(`${s.base}/simulator/api/messages?user=a&after=0`)).status).toBe(200);
    expect(s.lines.join("")).not.toContain("OUTSIDE DEMO MODE");
  });
});
