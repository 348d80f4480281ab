import { randomInt } from "node:crypto";
import type { InviteRole } from "../domain/roles.ts";
import { addCaseMentor, isCaseMentor } from "./cases.ts";
import { grantsOf, holdersOf } from "./roles.ts";
import type { DbOrTx } from "./client.ts";

// No 0/O, 1/I/L: a code is read aloud and typed on a phone.
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const LENGTH = 8;

export function newInviteCode(): string {
  let code = "";
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** How people type a code back: any case, spaces or dashes in between. */
export function normalizeInviteCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, "");
}

/** How long an invite works when INVITE_TTL_DAYS is not set. */
export const DEFAULT_INVITE_TTL_DAYS = 14;

/** When an invite made at `now` stops working. */
export function inviteExpiry(now: Date, ttlDays = DEFAULT_INVITE_TTL_DAYS): Date {
  return new Date(now.getTime() + ttlDays * 86_400_000);
}

/**
 * A new one-time invite, working until `expiresAt` (see {@link inviteExpiry}). With `caseId` (a mentor's invite for one rehab case), its taker also
 * becomes a mentor of that case; the unit is then the case's.
 */
export async function createInvite(
  db: DbOrTx,
  input: { role: InviteRole; unitId: number | null; createdBy: string; caseId?: number | null; expiresAt: Date },
): Promise<string> {
  for (;;) {
    const code = newInviteCode();
    if (await db.invite.findUnique({ where: { code } })) continue;
    await db.invite.create({ data: { code, ...input } });
    return code;
  }
}

/**
 * An invite made by `createdBy` for exactly this role, unit and case that nobody has used and that
 * still works at `now`, or null: lets a maker show its code again instead of making another.
 */
export async function unusedInvite(
  db: DbOrTx,
  wanted: { role: InviteRole; unitId: number | null; caseId: number | null; createdBy: string },
  now: Date,
): Promise<{ code: string; expiresAt: Date | null } | null> {
  return db.invite.findFirst({
    where: { role: wanted.role, unitId: wanted.unitId, caseId: wanted.caseId, createdBy: wanted.createdBy, usedAt: null, expiresAt: { gt: now } },
    select: { code: true, expiresAt: true },
  });
}

export type Redeemed =
  /** `caseCode`: the rehab case whose mentor the taker became (a case invite) */
  | { ok: true; role: InviteRole; unitId: number | null; caseCode?: string }
  | { ok: false; reason: "invalid" | "used" | "expired" };

/** Uses a code once, before it expires: of two people racing for one code, one gets it. */
export async function redeemInvite(db: DbOrTx, code: string, personId: number, now: Date): Promise<Redeemed> {
  const invite = await db.invite.findUnique({ where: { code: normalizeInviteCode(code) } });
  if (!invite) return { ok: false, reason: "invalid" };
  if (invite.usedAt) return { ok: false, reason: "used" };
  // Codes made before expiry existed count from when they were made.
  if ((invite.expiresAt ?? inviteExpiry(invite.createdAt)) <= now) return { ok: false, reason: "expired" };
  const taken = await db.invite.updateMany({ where: { id: invite.id, usedAt: null }, data: { usedAt: now, usedById: personId } });
  if (taken.count === 0) return { ok: false, reason: "used" };
  if (invite.caseId !== null) {
    const rehabCase = await db.rehabCase.findUnique({ where: { id: invite.caseId }, select: { id: true, code: true } });
    if (rehabCase) {
      await addCaseMentor(db, rehabCase.id, personId);
      return { ok: true, role: invite.role as InviteRole, unitId: invite.unitId, caseCode: rehabCase.code };
    }
  }
  return { ok: true, role: invite.role as InviteRole, unitId: invite.unitId };
}

/** What taking an invite would do to a person, told before the code is spent. */
export type JoinPreview =
  /** they hold that role already (and mentor that case): the code stays unused */
  | { kind: "held"; role: InviteRole; unit: string }
  /**
   * a head invite that changes who reports: the unit has `reporters` others reporting for it, or
   * the person reports for `ownUnits` already; asked before it is added
   */
  | { kind: "confirm"; unit: string; reporters: number; ownUnits: string[] }
  /** nothing to ask: the code is taken as usual */
  | { kind: "plain" };

/**
 * Looks at a code without spending it. Null when it would not work (unknown, used, expired):
 * redeeming it then says why, and counts a wrong guess.
 */
export async function previewJoin(db: DbOrTx, code: string, personId: number, now: Date): Promise<JoinPreview | null> {
  const invite = await db.invite.findUnique({ where: { code: normalizeInviteCode(code) }, include: { unit: true } });
  if (!invite || invite.usedAt || (invite.expiresAt ?? inviteExpiry(invite.createdAt)) <= now) return null;
  const role = invite.role as InviteRole;
  const unitId = role === "officer" ? null : invite.unitId;
  const unit = invite.unit?.name ?? "";
  const grants = await grantsOf(db, personId);
  const holds = grants.some((g) => g.role === role && g.unitId === unitId);
  const mentorsCase = invite.caseId === null || (await isCaseMentor(db, invite.caseId, personId));
  if (holds && mentorsCase) return { kind: "held", role, unit };
  if (role !== "head" || unitId === null) return { kind: "plain" };
  const reporters = (await holdersOf(db, "head", unitId)).filter((h) => h.personId !== personId).length;
  const own = grants.filter((g) => g.role === "head" && g.unitId !== null && g.unitId !== unitId).map((g) => g.unitId!);
  if (reporters === 0 && own.length === 0) return { kind: "plain" };
  const ownUnits = (await db.unit.findMany({ where: { id: { in: own } }, orderBy: { id: "asc" }, select: { name: true } })).map((u) => u.name);
  return { kind: "confirm", unit, reporters, ownUnits };
}
