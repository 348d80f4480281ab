import type { DbOrTx } from "./client.ts";
import { newInviteCode, normalizeInviteCode } from "./invites.ts";

/** A link code works this long: enough to open the other app, short enough not to linger. */
export const LINK_CODE_MINUTES = 15;

export async function createLinkCode(db: DbOrTx, personId: number, now: Date): Promise<string> {
  for (;;) {
    const code = newInviteCode();
    if (await db.linkCode.findUnique({ where: { code } })) continue;
    await db.linkCode.create({ data: { code, personId, expiresAt: new Date(now.getTime() + LINK_CODE_MINUTES * 60_000), createdAt: now } });
    return code;
  }
}

export type LinkOutcome =
  | { ok: true; personId: number }
  | { ok: false; reason: "invalid" | "expired" | "same" | "conflict" };

/**
 * Joins the person who typed a link code to the person who asked for it: the typist's channel
 * identities move over and the typist's record goes. Roles must agree; a resident takes the
 * other's role, so a head who links Zalo to Telegram stays a head on both.
 */
export async function redeemLinkCode(db: DbOrTx, code: string, typistId: number, now: Date): Promise<LinkOutcome> {
  const link = await db.linkCode.findUnique({ where: { code: normalizeInviteCode(code) } });
  if (!link || link.usedAt) return { ok: false, reason: "invalid" };
  if (link.expiresAt <= now) return { ok: false, reason: "expired" };
  if (link.personId === typistId) return { ok: false, reason: "same" };
  const [keep, gone] = await Promise.all([
    db.person.findUnique({ where: { id: link.personId } }),
    db.person.findUnique({ where: { id: typistId } }),
  ]);
  if (!keep || !gone) return { ok: false, reason: "invalid" };
  const roleOf = (p: typeof keep) => (p.role === "resident" ? null : `${p.role}:${p.unitId ?? ""}`);
  if (roleOf(keep) && roleOf(gone) && roleOf(keep) !== roleOf(gone)) return { ok: false, reason: "conflict" };
  const taken = await db.linkCode.updateMany({ where: { code: link.code, usedAt: null }, data: { usedAt: now } });
  if (taken.count === 0) return { ok: false, reason: "invalid" };
  await db.channelIdentity.updateMany({ where: { personId: gone.id }, data: { personId: keep.id } });
  await db.person.update({
    where: { id: keep.id },
    data: {
      ...(keep.role === "resident" && gone.role !== "resident" ? { role: gone.role, unitId: gone.unitId } : {}),
      subscribed: keep.subscribed || gone.subscribed,
      ...(keep.unitId === null && gone.unitId !== null && keep.role === "resident" ? { unitId: gone.unitId } : {}),
    },
  });
  await db.conversation.deleteMany({ where: { personId: gone.id } });
  await db.linkCode.deleteMany({ where: { personId: gone.id } });
  await db.person.delete({ where: { id: gone.id } });
  return { ok: true, personId: keep.id };
}
