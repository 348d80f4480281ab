import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { DbOrTx } from "./client.ts";

/** A `/web` link works this long: enough to tap it, short enough that a forwarded chat is stale. */
export const CONSOLE_LINK_MINUTES = 10;
/** A console session nobody used for this long is over. */
export const CONSOLE_IDLE_HOURS = 12;
/** `lastSeenAt` is written at most this often, so reading pages is not a write each time. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Only a hash of a token or a session id is stored: someone who reads the database (a backup, a
 * copied file) cannot sign in with what they find there.
 */
const digest = (secret: string) => createHash("sha256").update(secret).digest("hex");
const newSecret = () => randomBytes(32).toString("base64url");

/** A new one-time sign-in token for a person; the plain token goes into the link and nowhere else. */
export async function createConsoleLogin(db: DbOrTx, personId: number, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + CONSOLE_LINK_MINUTES * 60_000);
  await db.consoleLogin.create({ data: { tokenHash: digest(token), personId, expiresAt, createdAt: now } });
  return { token, expiresAt };
}

export type LoginOutcome = { ok: true; personId: number } | { ok: false; reason: "unknown" | "used" | "expired" };

/** Spends a sign-in token. A token works once: two taps at the same instant open one session. */
export async function redeemConsoleLogin(db: DbOrTx, token: string, now: Date): Promise<LoginOutcome> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { ok: false, reason: "unknown" };
  const tokenHash = digest(token);
  const row = await db.consoleLogin.findUnique({ where: { tokenHash } });
  if (!row) return { ok: false, reason: "unknown" };
  if (row.usedAt) return { ok: false, reason: "used" };
  if (row.expiresAt <= now) return { ok: false, reason: "expired" };
  const taken = await db.consoleLogin.updateMany({ where: { tokenHash, usedAt: null }, data: { usedAt: now } });
  if (taken.count === 0) return { ok: false, reason: "used" };
  return { ok: true, personId: row.personId };
}

/** An open session as the console sees it: who, and the CSRF token its forms must carry. */
export interface ConsoleSessionView {
  personId: number;
  csrf: string;
}

/** The CSRF token of a session: derived from its secret, so it need not be stored twice. */
function csrfOf(secret: string): string {
  return createHmac("sha256", secret).update("console-csrf").digest("base64url");
}

/** Whether `given` is the session's CSRF token (compared in constant time). */
export function csrfMatches(session: ConsoleSessionView, given: unknown): boolean {
  if (typeof given !== "string" || given.length !== session.csrf.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(session.csrf));
}

/** Opens a session; `id` goes into the cookie and is stored only as a hash. */
export async function openConsoleSession(db: DbOrTx, personId: number, now: Date): Promise<{ id: string } & ConsoleSessionView> {
  const id = newSecret();
  const csrfSecret = newSecret();
  await db.consoleSession.create({ data: { idHash: digest(id), personId, createdAt: now, lastSeenAt: now, csrfSecret } });
  return { id, personId, csrf: csrfOf(csrfSecret) };
}

/** The open session behind a cookie's id, or null (unknown, ended, idle too long); using it keeps it alive. */
export async function consoleSession(db: DbOrTx, id: string, now: Date): Promise<ConsoleSessionView | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(id)) return null;
  const idHash = digest(id);
  const row = await db.consoleSession.findUnique({ where: { idHash } });
  if (!row || row.endedAt) return null;
  if (now.getTime() - row.lastSeenAt.getTime() >= CONSOLE_IDLE_HOURS * 3_600_000) {
    await db.consoleSession.updateMany({ where: { idHash, endedAt: null }, data: { endedAt: now } });
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) await db.consoleSession.update({ where: { idHash }, data: { lastSeenAt: now } });
  return { personId: row.personId, csrf: csrfOf(row.csrfSecret) };
}

/** Ends a session (Đăng xuất); false when it was not open. */
export async function endConsoleSession(db: DbOrTx, id: string, now: Date): Promise<boolean> {
  const ended = await db.consoleSession.updateMany({ where: { idHash: digest(id), endedAt: null }, data: { endedAt: now } });
  return ended.count > 0;
}
