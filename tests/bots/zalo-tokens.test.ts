import { randomBytes } from "node:crypto";
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ZaloAuthError, ZaloTransientError } from "../../bots/zalo/errors.ts";
import { createZaloTokens, type ZaloTokensOptions } from "../../bots/zalo/tokens.ts";
import { openDb, type Db } from "../../src/store/client.ts";
import { decryptField } from "../../src/store/crypto.ts";
import { readZaloTokens, saveZaloTokens } from "../../src/store/zalo-tokens.ts";
import { freshDb } from "../support/db.ts";
import { captureLogger } from "../support/logger.ts";

const OAUTH = "https://oauth.zalo.test";
const KEY = randomBytes(32).toString("base64");
const APP_SECRET = "APP-SECRET-0123456789";
const NOW = new Date("2026-11-23T08:00:00.000Z");
const HOUR = 3_600_000;

// Tokens: distinctive strings, so a leak into a log line or the database is easy to spot.
const ENV_A = "ENV-ACCESS-aaaaaaaaaaaaaaaa";
const ENV_R = "ENV-REFRESH-rrrrrrrrrrrrrrrr";
const DB_A = "DB-ACCESS-bbbbbbbbbbbbbbbbb";
const DB_R = "DB-REFRESH-sssssssssssssssss";
const NEW_A = "NEW-ACCESS-ccccccccccccccccc";
const NEW_R = "NEW-REFRESH-ttttttttttttttttt";
const ALL_SECRETS = [ENV_A, ENV_R, DB_A, DB_R, NEW_A, NEW_R, APP_SECRET];

let env: Awaited<ReturnType<typeof freshDb>>;
let logs: ReturnType<typeof captureLogger>;
let unmatched: string[];
const extraDbs: Db[] = [];
const onNoMatch = (req: { path?: string }) => unmatched.push(String(req.path));

beforeEach(async () => {
  env = await freshDb();
  logs = captureLogger();
  unmatched = [];
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1|localhost/);
  nock.emitter.on("no match", onNoMatch);
});

afterEach(async () => {
  // Whatever a test did, no token reached a log line.
  expectNoSecretsIn(logs.lines.join("\n"));
  nock.emitter.removeListener("no match", onNoMatch);
  nock.cleanAll();
  nock.enableNetConnect();
  for (const db of extraDbs.splice(0)) await db.$disconnect();
  await env.cleanup();
});

function expectNoSecretsIn(text: string) {
  for (const secret of ALL_SECRETS) expect(text).not.toContain(secret);
}

function manager(over: Partial<ZaloTokensOptions> = {}) {
  return createZaloTokens({
    db: env.db,
    dataKey: KEY,
    appId: "app-1",
    appSecret: APP_SECRET,
    oauthBase: OAUTH,
    clock: () => NOW,
    log: logs.log,
    pollMs: 20,
    ...over,
  });
}

/** The OAuth endpoint, expecting `refreshToken` and answering `reply` (after `delayMs`). */
function oauth(refreshToken: string, reply: object, opts: { status?: number; delayMs?: number } = {}) {
  const bodies: Record<string, string>[] = [];
  const scope = nock(OAUTH)
    .matchHeader("secret_key", APP_SECRET)
    .matchHeader("content-type", /application\/x-www-form-urlencoded/)
    .post("/v4/oa/access_token", (body: Record<string, string>) => {
      bodies.push(body);
      return body.refresh_token === refreshToken && body.app_id === "app-1" && body.grant_type === "refresh_token";
    })
    .delay(opts.delayMs ?? 0)
    .reply(opts.status ?? 200, reply);
  return { scope, bodies };
}

const rotated = { access_token: NEW_A, refresh_token: NEW_R, expires_in: "90000" };

async function storeDbPair(expiresInMs = 20 * HOUR) {
  await saveZaloTokens(env.db, KEY, { accessToken: DB_A, refreshToken: DB_R, expiresAt: new Date(NOW.getTime() + expiresInMs) });
}

async function rawRow() {
  return env.db.zaloToken.findUniqueOrThrow({ where: { id: 1 } });
}

const levels = () => logs.lines.map((l) => JSON.parse(l) as { level: number; msg: string });

async function until(check: () => boolean | Promise<boolean>, ms = 5000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("Zalo tokens: seeding", () => {
  it("stores the environment's pair encrypted, then rotates it on first use", async () => {
    const { scope } = oauth(ENV_R, rotated);
    const tokens = manager({ initial: { accessToken: ENV_A, refreshToken: ENV_R } });
    expect(await tokens.accessToken()).toBe(NEW_A);
    expect(scope.isDone()).toBe(true);

    const raw = await rawRow();
    expectNoSecretsIn(JSON.stringify(raw));
    expect(decryptField(raw.accessToken, KEY)).toBe(NEW_A);
    expect(decryptField(raw.refreshToken, KEY)).toBe(NEW_R);
    // expires_in is a string of seconds
    expect(raw.expiresAt.toISOString()).toBe(new Date(NOW.getTime() + 90_000_000).toISOString());
    expect(raw.refreshLeaseUntil).toBeNull();
    expect(raw.lastError).toBeNull();

    // Now well within its 25 h: no further call.
    expect(await tokens.accessToken()).toBe(NEW_A);
    expect(unmatched).toEqual([]);
  });

  it("still tries the environment's access token when that first rotation cannot reach Zalo", async () => {
    nock(OAUTH).post("/v4/oa/access_token").replyWithError({ code: "ECONNRESET", message: "socket hang up" });
    const tokens = manager({ initial: { accessToken: ENV_A, refreshToken: ENV_R } });
    expect(await tokens.accessToken()).toBe(ENV_A);
    const raw = await rawRow();
    expect(decryptField(raw.refreshToken, KEY)).toBe(ENV_R);
    expect(raw.lastError).toMatch(/ECONNRESET/);
    expect(raw.refreshLeaseUntil).toBeNull();
  });

  it("lets the database win over the environment, and says so", async () => {
    await storeDbPair();
    const tokens = manager({ initial: { accessToken: ENV_A, refreshToken: ENV_R } });
    expect(await tokens.accessToken()).toBe(DB_A);
    const row = await readZaloTokens(env.db, KEY);
    expect(row).toMatchObject({ accessToken: DB_A, refreshToken: DB_R });
    expect(levels().some((l) => l.level === 30 && /database holds the current/.test(l.msg))).toBe(true);
    expect(unmatched).toEqual([]);
  });

  it("adopts a new pair from the environment once the stored refresh token was refused", async () => {
    await storeDbPair();
    await env.db.zaloToken.update({ where: { id: 1 }, data: { lastError: "refresh rejected: POST /v4/oa/access_token answered -14014" } });
    // The adopted pair is of unknown age, so it is rotated at once: with the environment's refresh token.
    const { scope } = oauth(ENV_R, rotated);
    const tokens = manager({ initial: { accessToken: ENV_A, refreshToken: ENV_R } });
    expect(await tokens.accessToken()).toBe(NEW_A);
    expect(scope.isDone()).toBe(true);
    const row = await readZaloTokens(env.db, KEY);
    expect(row).toMatchObject({ accessToken: NEW_A, refreshToken: NEW_R, lastError: null });
    expect(levels().some((l) => l.level === 40 && /stored refresh token was refused/.test(l.msg))).toBe(true);
  });

  it("an access token alone (no refresh token) is used, with one error logged that an admin must authorise", async () => {
    const tokens = manager({ initial: { accessToken: ENV_A } });
    expect(await tokens.accessToken()).toBe(ENV_A);
    expect(await tokens.accessToken()).toBe(ENV_A);
    expect(levels().filter((l) => l.level === 50 && /no refresh token stored/.test(l.msg))).toHaveLength(1);
    expect(unmatched).toEqual([]);
  });

  it("with no tokens anywhere: ZaloAuthError, logged", async () => {
    const tokens = manager();
    await expect(tokens.accessToken()).rejects.toBeInstanceOf(ZaloAuthError);
    expect(levels().some((l) => l.level === 50 && /none stored and none in the environment/.test(l.msg))).toBe(true);
  });
});

describe("Zalo tokens: refreshing", () => {
  it("refreshes first when the token expires within the hour", async () => {
    await storeDbPair(30 * 60_000);
    const { scope } = oauth(DB_R, rotated);
    const tokens = manager();
    expect(await tokens.accessToken()).toBe(NEW_A);
    expect(scope.isDone()).toBe(true);
  });

  it("the timer refreshes ahead of expiry (under 2 h left), and leaves a fresh token alone", async () => {
    await storeDbPair(90 * 60_000);
    const { scope } = oauth(DB_R, rotated);
    const tokens = manager({ checkEveryMs: 30 });
    // accessToken() alone does not refresh at 90 minutes…
    expect(await tokens.accessToken()).toBe(DB_A);
    expect(scope.isDone()).toBe(false);
    // …the timer does.
    tokens.startAutoRefresh();
    await until(async () => (await readZaloTokens(env.db, KEY))?.accessToken === NEW_A);
    expect(scope.isDone()).toBe(true);
    // Now 25 h are left: later ticks call nothing.
    await new Promise((r) => setTimeout(r, 150));
    tokens.stop();
    expect(unmatched).toEqual([]);
  });

  it("does not repeat a refresh someone already did (stale token)", async () => {
    await saveZaloTokens(env.db, KEY, { accessToken: NEW_A, refreshToken: NEW_R, expiresAt: new Date(NOW.getTime() + 20 * HOUR) });
    const tokens = manager();
    expect(await tokens.refresh("send answered -216", DB_A)).toBe(NEW_A);
    expect(unmatched).toEqual([]);
  });

  it("two refreshes at once in one process: one OAuth call", async () => {
    await storeDbPair();
    const { scope } = oauth(DB_R, rotated, { delayMs: 150 });
    const tokens = manager();
    const results = await Promise.all([tokens.refresh("a", DB_A), tokens.refresh("b", DB_A), tokens.refresh("c")]);
    expect(results).toEqual([NEW_A, NEW_A, NEW_A]);
    expect(scope.isDone()).toBe(true);
    expect(unmatched).toEqual([]);
    // Shared in memory, not serialised through the database lease.
    expect(levels().some((l) => /another process/.test(l.msg))).toBe(false);
  });

  it("two processes on one database refreshing at once: one OAuth call (the lease)", async () => {
    await storeDbPair();
    const db2 = await openDb(env.url);
    extraDbs.push(db2);
    const { scope, bodies } = oauth(DB_R, rotated, { delayMs: 300 });
    const first = manager();
    const second = manager({ db: db2 });
    const results = await Promise.all([first.refresh("expired", DB_A), second.refresh("expired", DB_A)]);
    expect(results).toEqual([NEW_A, NEW_A]);
    expect(scope.isDone()).toBe(true);
    expect(bodies).toHaveLength(1);
    expect(unmatched).toEqual([]);
    // One of them found the lease taken and waited for the other's pair.
    expect(levels().some((l) => /using the pair another process refreshed/.test(l.msg))).toBe(true);
    const row = await readZaloTokens(db2, KEY);
    expect(row).toMatchObject({ accessToken: NEW_A, refreshToken: NEW_R, refreshLeaseUntil: null });
  });

  it("waits for a lease someone else holds, then gives up transiently; takes over a lease that ran out", async () => {
    await storeDbPair();
    await env.db.zaloToken.update({ where: { id: 1 }, data: { refreshLeaseUntil: new Date(NOW.getTime() + 20_000) } });
    const waiting = manager({ waitMs: 200 });
    await expect(waiting.refresh("expired", DB_A)).rejects.toBeInstanceOf(ZaloTransientError);
    expect(unmatched).toEqual([]);

    await env.db.zaloToken.update({ where: { id: 1 }, data: { refreshLeaseUntil: new Date(NOW.getTime() - 1000) } });
    const { scope } = oauth(DB_R, rotated);
    expect(await manager().refresh("expired", DB_A)).toBe(NEW_A);
    expect(scope.isDone()).toBe(true);
  });

  it("a refused refresh: ZaloAuthError, logged at error level, old pair untouched, lastError recorded", async () => {
    await storeDbPair();
    const before = await rawRow();
    const { scope } = oauth(DB_R, { error: -14014, error_name: "Invalid refresh token", error_description: "refresh_token is invalid" });
    const tokens = manager();
    const error = await tokens.refresh("send answered -216", DB_A).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZaloAuthError);
    expect((error as ZaloAuthError).code).toBe(-14014);
    expectNoSecretsIn((error as Error).message);
    expect(scope.isDone()).toBe(true);

    const loud = levels().filter((l) => l.level === 50);
    expect(loud.map((l) => l.msg)).toContain("Zalo refresh token rejected: an OA admin must authorise the app again");

    const after = await rawRow();
    expect(after.accessToken).toBe(before.accessToken);
    expect(after.refreshToken).toBe(before.refreshToken);
    expect(after.expiresAt).toEqual(before.expiresAt);
    expect(after.refreshLeaseUntil).toBeNull();
    expect(after.lastError).toMatch(/^refresh rejected: .*-14014/);

    // The refused token is not offered again at once…
    await expect(tokens.refresh("again", DB_A)).rejects.toBeInstanceOf(ZaloAuthError);
    expect(unmatched).toEqual([]);
    // …and the access token, not expired yet, is still handed out for Zalo to judge.
    expect(await tokens.accessToken()).toBe(DB_A);
  });

  it("a refresh that cannot reach Zalo, or gets a 5xx, is transient and stores nothing", async () => {
    await storeDbPair();
    nock(OAUTH).post("/v4/oa/access_token").replyWithError({ code: "ETIMEDOUT", message: "connect timed out" });
    await expect(manager().refresh("x", DB_A)).rejects.toBeInstanceOf(ZaloTransientError);
    nock(OAUTH).post("/v4/oa/access_token").reply(502, "<html>Bad gateway</html>");
    await expect(manager().refresh("x", DB_A)).rejects.toBeInstanceOf(ZaloTransientError);
    nock(OAUTH).post("/v4/oa/access_token").reply(503, { error: -1, error_name: "busy" });
    await expect(manager().refresh("x", DB_A)).rejects.toBeInstanceOf(ZaloTransientError);
    const row = await readZaloTokens(env.db, KEY);
    expect(row).toMatchObject({ accessToken: DB_A, refreshToken: DB_R, refreshLeaseUntil: null });
    expect(levels().some((l) => l.level >= 50)).toBe(false);
  });

  it("an expired token whose refresh fails: the error reaches the caller", async () => {
    await storeDbPair(-60_000);
    nock(OAUTH).post("/v4/oa/access_token").reply(200, { error: -14014, error_name: "Invalid refresh token" });
    await expect(manager().accessToken()).rejects.toBeInstanceOf(ZaloAuthError);
  });
});
