import type { AxiosInstance } from "axios";
import type { Logger } from "../../src/logger.ts";
import type { Db } from "../../src/store/client.ts";
import {
  acquireZaloRefreshLease,
  readZaloTokens,
  releaseZaloRefreshLease,
  saveZaloTokens,
  seedZaloTokens,
  type ZaloTokenPair,
  type ZaloTokenState,
} from "../../src/store/zalo-tokens.ts";
import { createZaloOAuth, type ZaloCall, type ZaloOAuthAnswer } from "./api.ts";
import { scrub, ZaloAuthError, ZaloTransientError } from "./errors.ts";

/**
 * The OA's access token, kept alive.
 *
 * Zalo's access tokens last 25 hours and its refresh tokens are single use: each refresh returns a
 * new pair and kills the old refresh token (and reportedly the old access token). Spending a
 * refresh token twice, or losing the new pair, locks the OA out until an admin authorises the app
 * again. Hence:
 * - the pair lives in the database (encrypted), and a refresh stores the new pair before anyone
 *   gets the new access token;
 * - one refresh at a time: within a process, callers share one promise; across processes sharing
 *   the database, a lease on the row (`refreshLeaseUntil`) is taken with one conditional UPDATE,
 *   and a process that finds it taken waits for the holder's new pair instead of refreshing too;
 * - a refresh names the token that failed (`stale`), so a refresh another caller has already done
 *   is not repeated.
 */
export interface ZaloTokens {
  /** the current access token; seeds the row from `initial` (env ZALO_ACCESS_TOKEN/ZALO_REFRESH_TOKEN) the first time; refreshes first when it expires within 1 hour */
  accessToken(): Promise<string>;
  /** refreshes now (an API call said the token expired); `stale` is the token that failed, so a refresh that another caller already did is not repeated */
  refresh(reason: string, stale?: string): Promise<string>;
  /** a timer (unref'd) that refreshes ahead of expiry (e.g. check every 10 min; refresh when < 2 h left) */
  startAutoRefresh(): void;
  stop(): void;
}

export interface ZaloTokensOptions {
  db: Db;
  /** DATA_KEY: the tokens are stored encrypted with it */
  dataKey: string;
  appId: string;
  /** the App secret (not the OA secret key): sent as `secret_key` when refreshing */
  appSecret: string;
  oauthBase: string;
  /** ZALO_ACCESS_TOKEN / ZALO_REFRESH_TOKEN: used only while the database holds no tokens */
  initial?: { accessToken?: string; refreshToken?: string };
  clock: () => Date;
  log: Logger;
  http?: AxiosInstance;
  /** per OAuth call (default 10 s) */
  timeoutMs?: number;
  /** how long one refresh may hold the lease before others may take it over (default 30 s) */
  leaseMs?: number;
  /** how long to wait for another process's refresh (default 30 s) */
  waitMs?: number;
  /** how often to look at the row while waiting (default 200 ms) */
  pollMs?: number;
  /** how often the auto-refresh timer looks at the expiry (default 10 min) */
  checkEveryMs?: number;
  /** after Zalo refused a refresh token, how long before this process offers it again (default 15 min) */
  rejectedRetryMs?: number;
}

const HOUR = 3_600_000;
/** accessToken() refreshes first when the token has less than this left */
const REFRESH_WITHIN_MS = HOUR;
/** the timer refreshes when the token has less than this left */
const REFRESH_AHEAD_MS = 2 * HOUR;
/** what Zalo's `expires_in` has always been (25 h), for an answer without a usable one */
const DEFAULT_EXPIRES_IN_S = 90_000;
/** `lastError` of a refresh Zalo refused (as opposed to one that could not reach Zalo) */
const REJECTED = "refresh rejected";
const ADMIN_MUST_AUTHORISE = "Zalo refresh token rejected: an OA admin must authorise the app again";
const REFRESH_CALL = "POST /v4/oa/access_token";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createZaloTokens(opts: ZaloTokensOptions): ZaloTokens {
  const { db, dataKey, clock, log } = opts;
  const leaseMs = opts.leaseMs ?? 30_000;
  const waitMs = opts.waitMs ?? 30_000;
  const pollMs = opts.pollMs ?? 200;
  const checkEveryMs = opts.checkEveryMs ?? 10 * 60_000;
  const rejectedRetryMs = opts.rejectedRetryMs ?? 15 * 60_000;
  const oauth = createZaloOAuth({ oauthBase: opts.oauthBase, appId: opts.appId, appSecret: opts.appSecret, http: opts.http, timeoutMs: opts.timeoutMs });
  /** every secret this manager has seen, to keep them out of error texts */
  const secrets = new Set<string>([opts.appSecret]);
  const hide = (text: string) => scrub(text, [...secrets]);
  const remember = (...tokens: string[]) => {
    if (secrets.size > 20) {
      secrets.clear();
      secrets.add(opts.appSecret);
    }
    for (const t of tokens) secrets.add(t);
  };

  let ready: Promise<void> | undefined;
  let inflight: Promise<string> | undefined;
  /** the refresh token Zalo last refused here, and when: not offered again before rejectedRetryMs */
  let rejected: { refreshToken: string; at: number } | undefined;
  /** a new pair that could not be stored yet: stored before anything else happens */
  let unsaved: ZaloTokenPair | undefined;
  let timer: NodeJS.Timeout | undefined;

  /**
   * The first time: store the environment's tokens if the database has none. The database wins
   * when it has a row, since a process that ran before has rotated the pair and the environment's
   * refresh token is spent — unless the stored refresh token was refused and the environment
   * holds a different one: then an admin has authorised again, and the new pair is adopted.
   */
  async function seed(): Promise<void> {
    const env = opts.initial;
    const fromEnv = Boolean(env?.accessToken || env?.refreshToken);
    const row = await readZaloTokens(db, dataKey);
    if (row) {
      if (!env || !fromEnv) return;
      if ((env.accessToken ?? row.accessToken) === row.accessToken && (env.refreshToken ?? row.refreshToken) === row.refreshToken) return;
      if (row.lastError?.startsWith(REJECTED) && env.refreshToken && env.refreshToken !== row.refreshToken) {
        await saveZaloTokens(db, dataKey, seededPair(env));
        log.warn("Zalo tokens: the stored refresh token was refused; using the new ZALO_ACCESS_TOKEN/ZALO_REFRESH_TOKEN from the environment");
        return;
      }
      log.info("Zalo tokens: the database holds the current (rotated) pair, which wins over ZALO_ACCESS_TOKEN/ZALO_REFRESH_TOKEN in the environment");
      return;
    }
    if (!env || !fromEnv) {
      log.error("Zalo tokens: none stored and none in the environment (ZALO_ACCESS_TOKEN/ZALO_REFRESH_TOKEN): an OA admin must authorise the app");
      return;
    }
    const created = await seedZaloTokens(db, dataKey, seededPair(env));
    if (created) log.info("Zalo tokens: stored the pair from the environment (encrypted)");
    else log.info("Zalo tokens: another process stored a pair first; the database wins over the environment");
  }

  /**
   * The environment's pair, with a guessed expiry. Its age is unknown: it was issued when an
   * admin authorised the app, up to 25 h ago. So it is given one hour: inside accessToken()'s
   * refresh margin, so the first use rotates it at once — the row gets a real expiry, and a bad
   * refresh token shows up at start-up rather than a day later — yet still "not expired", so if
   * that rotation fails the environment's access token is still tried (Zalo answers -216 if it is
   * dead). With no access token at all, it is due now.
   */
  function seededPair(env: { accessToken?: string; refreshToken?: string }): ZaloTokenPair {
    const now = clock().getTime();
    return {
      accessToken: env.accessToken ?? "",
      refreshToken: env.refreshToken ?? "",
      expiresAt: new Date(env.accessToken ? now + HOUR : now),
    };
  }

  async function prepare(): Promise<void> {
    ready ??= seed().catch((error) => {
      ready = undefined;
      throw error;
    });
    await ready;
    if (unsaved) {
      await saveZaloTokens(db, dataKey, unsaved);
      unsaved = undefined;
      log.info("Zalo tokens: stored the refreshed pair that could not be stored before");
    }
  }

  async function current(): Promise<ZaloTokenState> {
    const row = await readZaloTokens(db, dataKey);
    if (!row) throw new ZaloAuthError("Zalo tokens: none stored; an OA admin must authorise the app (ZALO_ACCESS_TOKEN/ZALO_REFRESH_TOKEN)");
    remember(row.accessToken, row.refreshToken);
    return row;
  }

  const leaseFree = (row: ZaloTokenState) => row.refreshLeaseUntil === null || row.refreshLeaseUntil < clock();

  /** One refresh, or the one another process is doing; `known` is the token to replace. */
  async function refreshOnce(reason: string, stale: string | undefined): Promise<string> {
    const deadline = Date.now() + waitMs;
    let known = stale;
    for (;;) {
      const row = await current();
      known ??= row.accessToken;
      // Someone (another caller, another process) has refreshed since `known` failed.
      if (row.accessToken !== known) return row.accessToken;
      if (rejected && rejected.refreshToken === row.refreshToken && clock().getTime() - rejected.at < rejectedRetryMs) {
        throw new ZaloAuthError(`${REFRESH_CALL}: the stored refresh token was refused; waiting for an OA admin to authorise the app again`);
      }
      if (!row.refreshToken) {
        rejected = { refreshToken: "", at: clock().getTime() };
        log.error({ reason }, "Zalo tokens: no refresh token stored; an OA admin must authorise the app again");
        throw new ZaloAuthError(`${REFRESH_CALL}: no refresh token stored`);
      }
      const now = clock();
      const until = new Date(now.getTime() + leaseMs);
      if (await acquireZaloRefreshLease(db, now, until)) return refreshUnderLease(reason, known, until);

      // Another process holds the lease: wait for its new pair.
      for (;;) {
        if (Date.now() > deadline) {
          throw new ZaloTransientError(`${REFRESH_CALL}: another process held the refresh lease for over ${Math.round(waitMs / 1000)} s`);
        }
        await sleep(pollMs);
        const seen = await current();
        if (seen.accessToken !== known) {
          log.debug({ reason }, "Zalo tokens: using the pair another process refreshed");
          return seen.accessToken;
        }
        // Its refresh stored nothing (failed, or the holder died): try again ourselves.
        if (leaseFree(seen)) break;
      }
    }
  }

  async function refreshUnderLease(reason: string, known: string, until: Date): Promise<string> {
    let failure: string | undefined;
    let stored = false;
    try {
      // Read again under the lease: the pair may have changed between the first read and now.
      const row = await current();
      if (row.accessToken !== known) return row.accessToken;
      log.info({ reason }, "Zalo tokens: refreshing the access token");
      const pair = interpret(await oauth.refreshAccessToken(row.refreshToken), row, reason);
      remember(pair.accessToken, pair.refreshToken);
      await store(pair);
      stored = true;
      rejected = undefined;
      log.info({ expiresAt: pair.expiresAt.toISOString() }, "Zalo tokens: refreshed and stored");
      return pair.accessToken;
    } catch (error) {
      failure = hide(error instanceof Error ? error.message : String(error));
      throw error;
    } finally {
      if (!stored) {
        await releaseZaloRefreshLease(db, until, failure).catch((error: unknown) =>
          log.warn({ error: hide(String(error)) }, "Zalo tokens: could not release the refresh lease; it runs out by itself"),
        );
      }
    }
  }

  /** The new pair from Zalo's answer, or the error that says what to do about it. */
  function interpret(call: ZaloCall<ZaloOAuthAnswer>, row: ZaloTokenState, reason: string): ZaloTokenPair {
    if (call.kind === "network") {
      log.warn({ reason, error: call.error }, "Zalo tokens: the refresh did not reach Zalo; will try again");
      throw new ZaloTransientError(`${REFRESH_CALL}: ${call.error}`);
    }
    if (call.kind === "bad-answer") {
      log.warn({ reason, status: call.status }, "Zalo tokens: the refresh got an answer that is not Zalo's; will try again");
      throw new ZaloTransientError(`${REFRESH_CALL}: ${call.error}`);
    }
    const body = call.body;
    if (typeof body.access_token === "string" && body.access_token) {
      const refreshToken = typeof body.refresh_token === "string" ? body.refresh_token : "";
      if (!refreshToken) {
        log.error("Zalo tokens: Zalo sent an access token without a refresh token; an OA admin must authorise the app again before it expires");
      }
      let seconds = Number(body.expires_in);
      if (!Number.isFinite(seconds) || seconds <= 0) {
        log.warn({ expiresIn: String(body.expires_in).slice(0, 20) }, "Zalo tokens: no usable expires_in; assuming 25 h");
        seconds = DEFAULT_EXPIRES_IN_S;
      }
      return { accessToken: body.access_token, refreshToken, expiresAt: new Date(clock().getTime() + seconds * 1000) };
    }
    // No verdict on the token: Zalo's server or something in between failed.
    if (call.status >= 500 || call.status === 429) {
      log.warn({ reason, status: call.status }, "Zalo tokens: the refresh failed on Zalo's side; will try again");
      throw new ZaloTransientError(`${REFRESH_CALL}: HTTP ${call.status}`);
    }
    const code = typeof body.error === "number" ? body.error : Number(body.error);
    const name = hide(String(body.error_name ?? ""));
    const description = hide(String(body.error_description ?? ""));
    rejected = { refreshToken: row.refreshToken, at: clock().getTime() };
    log.error({ reason, status: call.status, code: Number.isFinite(code) ? code : undefined, errorName: name, description }, ADMIN_MUST_AUTHORISE);
    throw new ZaloAuthError(`${REJECTED}: ${REFRESH_CALL} answered ${Number.isFinite(code) ? code : `HTTP ${call.status}`} ${name} ${description}`.trim(), Number.isFinite(code) ? code : undefined);
  }

  /**
   * Stores the new pair, trying a few times: the refresh token Zalo sent is the only live one.
   * If the database still refuses, the pair is kept in memory and stored before the next use.
   */
  async function store(pair: ZaloTokenPair): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await saveZaloTokens(db, dataKey, pair);
        return;
      } catch (error) {
        if (attempt >= 3) {
          unsaved = pair;
          log.error({ error: hide(String(error)) }, "Zalo tokens: the refreshed pair could not be stored; kept in memory until it can be");
          throw new ZaloTransientError(`${REFRESH_CALL}: the new pair could not be stored`);
        }
        await sleep(100 * attempt);
      }
    }
  }

  function refresh(reason: string, stale?: string): Promise<string> {
    inflight ??= (async () => {
      try {
        await prepare();
        return await refreshOnce(reason, stale);
      } finally {
        inflight = undefined;
      }
    })();
    return inflight;
  }

  async function accessToken(): Promise<string> {
    await prepare();
    const row = await current();
    const left = row.expiresAt.getTime() - clock().getTime();
    if (row.accessToken && left > REFRESH_WITHIN_MS) return row.accessToken;
    try {
      return await refresh("expires within the hour", row.accessToken);
    } catch (error) {
      // Not expired yet, or there is no refresh token to get another (the expiry of a token from
      // the environment is a guess): let Zalo judge the token we have. The failure is logged.
      if (row.accessToken && (left > 0 || !row.refreshToken)) return row.accessToken;
      throw error;
    }
  }

  async function check(): Promise<void> {
    try {
      await prepare();
      const row = await readZaloTokens(db, dataKey);
      if (!row) return;
      if (row.accessToken && row.expiresAt.getTime() - clock().getTime() >= REFRESH_AHEAD_MS) return;
      await refresh("ahead of expiry", row.accessToken);
    } catch (error) {
      // A refused refresh token is logged loudly where it happens.
      if (!(error instanceof ZaloAuthError)) {
        log.warn({ error: hide(error instanceof Error ? error.message : String(error)) }, "Zalo tokens: refreshing ahead of expiry failed; will try again");
      }
    }
  }

  return {
    accessToken,
    refresh,
    startAutoRefresh() {
      if (timer) return;
      timer = setInterval(() => void check(), checkEveryMs);
      timer.unref();
      void check();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
