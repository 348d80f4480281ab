import { isolated, type DbOrTx } from "./client.ts";
import { decryptField, encryptField } from "./crypto.ts";
import { isUniqueViolation } from "./inbox.ts";

/**
 * The Zalo OA tokens: one row (id 1), both tokens encrypted with DATA_KEY.
 *
 * Zalo's refresh tokens are single use, so this row is the only copy of the live pair: a refresh
 * writes the new pair here before anyone uses it, and `refreshLeaseUntil` is a lease that lets one
 * process at a time (of all the processes sharing the database) spend the refresh token.
 */

const ROW = 1;

/** The pair Zalo issued, and when the access token stops working. */
export interface ZaloTokenPair {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
}

/** The row, decrypted. */
export interface ZaloTokenState extends ZaloTokenPair {
  /** a refresh is under way (in some process) until then; null when none is */
  refreshLeaseUntil: Date | null;
  /** why the last refresh failed; cleared by a successful one */
  lastError: string | null;
  /** when the row last changed (any change: tokens, lease or error) */
  updatedAt: Date;
}

/** The stored tokens, decrypted; null when none were ever stored. */
export async function readZaloTokens(db: DbOrTx, dataKey: string): Promise<ZaloTokenState | null> {
  const row = await db.zaloToken.findUnique({ where: { id: ROW } });
  if (!row) return null;
  return {
    accessToken: decryptField(row.accessToken, dataKey),
    refreshToken: decryptField(row.refreshToken, dataKey),
    expiresAt: row.expiresAt,
    refreshLeaseUntil: row.refreshLeaseUntil,
    lastError: row.lastError,
    updatedAt: row.updatedAt,
  };
}

/**
 * Stores the first pair (from the environment) unless a row exists already: the database's pair
 * wins, since it holds the rotated tokens. True when this call created the row.
 */
export async function seedZaloTokens(db: DbOrTx, dataKey: string, pair: ZaloTokenPair): Promise<boolean> {
  try {
    await isolated(db, (tx) => tx.zaloToken.create({ data: { id: ROW, ...sealed(pair, dataKey) } }));
    return true;
  } catch (error) {
    // Another process seeded it first.
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/**
 * Stores a new pair (after a refresh, or an admin's new authorisation), whatever the row held,
 * and ends any refresh lease and recorded error.
 */
export async function saveZaloTokens(db: DbOrTx, dataKey: string, pair: ZaloTokenPair): Promise<void> {
  const data = { ...sealed(pair, dataKey), refreshLeaseUntil: null, lastError: null };
  // Isolated: a new refresh token swept into another chat's rolled-back step would be lost,
  // and with it the bot (refresh tokens work once).
  await isolated(db, (tx) => tx.zaloToken.upsert({ where: { id: ROW }, create: { id: ROW, ...data }, update: data }));
}

/**
 * Takes the refresh lease until `until`, if no one holds it (none, or it ran out before `now`).
 * One UPDATE with the condition in its WHERE, so two processes cannot both get it. True when
 * this caller holds the lease.
 *
 * These writes use `update` with a filtered unique `where` rather than `updateMany`: Prisma runs
 * `updateMany` inside BEGIN…COMMIT with an await in between, and a second SQLite connection in the
 * same process (better-sqlite3 waits synchronously on a lock) would then block the first from
 * committing. `update` is a single autocommitted statement; "no row matched" is P2025. (It is not
 * `isolated`, for the same reason: should another chat's step roll back around it, the lease is
 * merely lost and taken again; the token pair itself is saved isolated.)
 */
export async function acquireZaloRefreshLease(db: DbOrTx, now: Date, until: Date): Promise<boolean> {
  return matched(
    db.zaloToken.update({
      where: { id: ROW, OR: [{ refreshLeaseUntil: null }, { refreshLeaseUntil: { lt: now } }] },
      data: { refreshLeaseUntil: until },
      select: { id: true },
    }),
  );
}

/**
 * Gives the lease back after a refresh that stored nothing, recording why it failed. The lease
 * is only cleared if it is still the one taken (`until`), never a later holder's.
 */
export async function releaseZaloRefreshLease(db: DbOrTx, until: Date, lastError?: string): Promise<void> {
  // The error first: whoever sees the lease free also sees why.
  if (lastError !== undefined) await recordZaloTokenError(db, lastError);
  await matched(db.zaloToken.update({ where: { id: ROW, refreshLeaseUntil: until }, data: { refreshLeaseUntil: null }, select: { id: true } }));
}

/** Records why the last refresh failed (never a token: callers pass a description). */
export async function recordZaloTokenError(db: DbOrTx, lastError: string): Promise<void> {
  await matched(db.zaloToken.update({ where: { id: ROW }, data: { lastError: lastError.slice(0, 1000) }, select: { id: true } }));
}

/** Whether an update found its row (false for Prisma's "record not found", P2025). */
async function matched(update: Promise<unknown>): Promise<boolean> {
  try {
    await update;
    return true;
  } catch (error) {
    if (typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2025") return false;
    throw error;
  }
}

function sealed(pair: ZaloTokenPair, dataKey: string) {
  return {
    accessToken: encryptField(pair.accessToken, dataKey),
    refreshToken: encryptField(pair.refreshToken, dataKey),
    expiresAt: pair.expiresAt,
  };
}
