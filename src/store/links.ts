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

/** Whether a person holds a role (head, mentor, officer): such an account is never merged away. */
const holdsRole = (p: { role: string }) => p.role !== "resident";

export type ClaimOutcome =
  /** the code's owner is asked to confirm; `code` is the code as stored */
  | { ok: true; ownerId: number; code: string; expiresAt: Date }
  /** `claimed`: someone else typed this code first; `conflict`: both accounts hold a role */
  | { ok: false; reason: "invalid" | "expired" | "same" | "conflict" | "claimed" };

/**
 * The first half of a link: the person who typed a code (on one app) claims it, and the code's
 * owner (on the other app) must then confirm ({@link confirmLink}). A code is claimed once: a
 * second typist cannot replace the first, so the owner never confirms someone they did not expect.
 */
export async function claimLinkCode(db: DbOrTx, code: string, typistId: number, now: Date): Promise<ClaimOutcome> {
  const link = await db.linkCode.findUnique({ where: { code: normalizeInviteCode(code) } });
  if (!link || link.usedAt) return { ok: false, reason: "invalid" };
  if (link.expiresAt <= now) return { ok: false, reason: "expired" };
  if (link.personId === typistId) return { ok: false, reason: "same" };
  if (link.claimedById !== null) return { ok: false, reason: link.claimedById === typistId ? "same" : "claimed" };
  const [owner, typist] = await Promise.all([
    db.person.findUnique({ where: { id: link.personId } }),
    db.person.findUnique({ where: { id: typistId } }),
  ]);
  if (!owner || !typist) return { ok: false, reason: "invalid" };
  if (holdsRole(owner) && holdsRole(typist)) return { ok: false, reason: "conflict" };
  const taken = await db.linkCode.updateMany({ where: { code: link.code, usedAt: null, claimedById: null }, data: { claimedById: typistId, claimedAt: now } });
  if (taken.count === 0) return { ok: false, reason: "claimed" };
  return { ok: true, ownerId: owner.id, code: link.code, expiresAt: link.expiresAt };
}

/** A claimed, unanswered, unexpired link code of `ownerId`: the given one, else the latest. */
export async function pendingLink(db: DbOrTx, ownerId: number, code: string | null, now: Date) {
  return db.linkCode.findFirst({
    where: {
      personId: ownerId,
      usedAt: null,
      claimedById: { not: null },
      expiresAt: { gt: now },
      ...(code ? { code: normalizeInviteCode(code) } : {}),
    },
    orderBy: { claimedAt: "desc" },
  });
}

/**
 * The typist takes back a code they typed that its owner has not answered yet (they typed it
 * by mistake, or were talked into it): the code is spent. False when there was none.
 */
export async function withdrawClaim(db: DbOrTx, typistId: number, now: Date): Promise<boolean> {
  const taken = await db.linkCode.updateMany({ where: { claimedById: typistId, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  return taken.count > 0;
}

export type LinkOutcome =
  /** `keptId`: the person both accounts now are; `goneId`: the record merged into it */
  | { kind: "linked"; keptId: number; goneId: number; typistId: number }
  /** the owner said no; the typist's address, read before anything changed, is in `typistId` */
  | { kind: "declined"; typistId: number }
  /** both hold a role: nothing merged, the code spent */
  | { kind: "conflict"; typistId: number }
  /** no claimed code of this owner waits for an answer */
  | { kind: "nothing" };

/**
 * The owner's answer to a claimed code. No: the code is spent and nothing else changes. Yes: the
 * two people become one. An account that holds a role is always the one kept (its role, unit and
 * history stay where they are) and the other's channel identities move over to it; if both
 * hold a role (one may have joined since the claim) nothing is merged.
 */
export async function answerLink(db: DbOrTx, ownerId: number, code: string | null, accept: boolean, now: Date): Promise<LinkOutcome> {
  const link = await pendingLink(db, ownerId, code, now);
  if (!link || link.claimedById === null) return { kind: "nothing" };
  const spent = await db.linkCode.updateMany({ where: { code: link.code, usedAt: null }, data: { usedAt: now } });
  if (spent.count === 0) return { kind: "nothing" };
  const typistId = link.claimedById;
  const [owner, typist] = await Promise.all([db.person.findUnique({ where: { id: ownerId } }), db.person.findUnique({ where: { id: typistId } })]);
  if (!owner || !typist) return { kind: "nothing" };
  if (!accept) return { kind: "declined", typistId };
  if (holdsRole(owner) && holdsRole(typist)) return { kind: "conflict", typistId };
  const [keep, gone] = holdsRole(typist) ? [typist, owner] : [owner, typist];
  await db.channelIdentity.updateMany({ where: { personId: gone.id }, data: { personId: keep.id } });
  // Grants rows of the person going (none, unless written since the claim) go with them.
  await db.personRole.deleteMany({ where: { personId: gone.id } });
  await db.person.update({
    where: { id: keep.id },
    data: {
      subscribed: keep.subscribed || gone.subscribed,
      // A resident keeps the unit they follow; a role holder's unit is the role's.
      ...(!holdsRole(keep) && keep.unitId === null && gone.unitId !== null ? { unitId: gone.unitId } : {}),
    },
  });
  await db.conversation.deleteMany({ where: { personId: gone.id } });
  await db.linkCode.deleteMany({ where: { personId: gone.id } });
  await db.person.delete({ where: { id: gone.id } });
  return { kind: "linked", keptId: keep.id, goneId: gone.id, typistId };
}
