import type { InviteRole } from "../domain/roles.ts";
import type { DbOrTx } from "./client.ts";
import { DEFAULT_INVITE_TTL_DAYS } from "./invites.ts";

/** An invite nobody has used that still works, as an officer's list shows it. */
export interface OpenInvite {
  id: number;
  code: string;
  role: InviteRole;
  unitId: number | null;
  unitName: string | null;
  /** a mentor invite for one case: its code */
  caseCode: string | null;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
}

/**
 * The invites nobody has used that still work at `now`, newest first. Codes made before expiry
 * existed (no `expiresAt`) count from when they were made, as redeeming them does.
 */
export async function openInvites(db: DbOrTx, now: Date): Promise<OpenInvite[]> {
  const oldest = new Date(now.getTime() - DEFAULT_INVITE_TTL_DAYS * 86_400_000);
  const rows = await db.invite.findMany({
    where: { usedAt: null, OR: [{ expiresAt: { gt: now } }, { expiresAt: null, createdAt: { gt: oldest } }] },
    orderBy: { id: "desc" },
    include: { unit: { select: { name: true } } },
  });
  const caseIds = [...new Set(rows.flatMap((r) => (r.caseId === null ? [] : [r.caseId])))];
  const cases = caseIds.length ? await db.rehabCase.findMany({ where: { id: { in: caseIds } }, select: { id: true, code: true } }) : [];
  const caseCode = new Map(cases.map((c) => [c.id, c.code]));
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    role: r.role as InviteRole,
    unitId: r.unitId,
    unitName: r.unit?.name ?? null,
    caseCode: r.caseId === null ? null : (caseCode.get(r.caseId) ?? null),
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt ?? new Date(r.createdAt.getTime() + DEFAULT_INVITE_TTL_DAYS * 86_400_000),
  }));
}

/**
 * Revokes an unused invite: it expires now, so `/join` refuses it from here on (as an expired
 * code, which to its holder it is). The invite row has no column for who revoked it; the console
 * logs that. False when the invite is unknown, used, or had expired already.
 */
export async function revokeInvite(db: DbOrTx, id: number, now: Date): Promise<boolean> {
  const oldest = new Date(now.getTime() - DEFAULT_INVITE_TTL_DAYS * 86_400_000);
  const done = await db.invite.updateMany({
    where: { id, usedAt: null, OR: [{ expiresAt: { gt: now } }, { expiresAt: null, createdAt: { gt: oldest } }] },
    data: { expiresAt: now },
  });
  return done.count > 0;
}
