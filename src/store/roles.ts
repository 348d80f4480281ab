import { highestRole, InviteRole, sortGrants, type Grant } from "../domain/roles.ts";
import type { DbOrTx } from "./client.ts";

/** A grant with whom it belongs to. */
export interface Holder extends Grant {
  personId: number;
}

/** A grant as an officer or the admin lists it: with the kinds of channel the person writes from. */
export interface ListedHolder extends Holder {
  channels: string[];
}

const sameGrant = (a: Grant, b: Grant) => a.role === b.role && a.unitId === b.unitId;

/**
 * The role a Person row itself names, as a grant. Rows written before PersonRole existed (and
 * the migration copies them) hold their role there; {@link addGrant} keeps it equal to one of
 * the person's grants, so reading it too never resurrects a removed role.
 */
export function legacyGrant(row: { role: string; unitId: number | null }): Grant | null {
  const role = InviteRole.safeParse(row.role);
  if (!role.success) return null;
  return { role: role.data, unitId: role.data === "officer" ? null : row.unitId };
}

/** A person's grants from their rows and their Person row, without repeats, highest first. */
export function mergeGrants(rows: readonly { role: string; unitId: number | null }[], person: { role: string; unitId: number | null }): Grant[] {
  const out: Grant[] = [];
  for (const g of [...rows.map(legacyGrant), legacyGrant(person)]) if (g && !out.some((o) => sameGrant(o, g))) out.push(g);
  return sortGrants(out);
}

/** Every role a person holds. */
export async function grantsOf(db: DbOrTx, personId: number): Promise<Grant[]> {
  const person = await db.person.findUnique({ where: { id: personId }, include: { grants: true } });
  return person ? mergeGrants(person.grants, person) : [];
}

/**
 * Writes `grants` as rows and points the Person row at the highest of them (its unit too), so
 * older readers of `Person.role` see the person's main role.
 */
async function store(db: DbOrTx, personId: number, grants: Grant[], grantedBy: string, now: Date) {
  for (const g of grants) {
    const found = await db.personRole.findFirst({ where: { personId, role: g.role, unitId: g.unitId } });
    if (!found) await db.personRole.create({ data: { personId, role: g.role, unitId: g.unitId, grantedBy, grantedAt: now } });
  }
}

async function pointPersonAtHighest(db: DbOrTx, personId: number, grants: Grant[]) {
  const role = highestRole(grants);
  const top = grants.find((g) => g.role === role);
  await db.person.update({ where: { id: personId }, data: top ? { role, unitId: top.unitId } : { role: "resident" } });
}

/**
 * Gives a person one more role; the ones they hold stay. `held` when they hold it already.
 * `grantedBy` says who, as text ("invite CODE", "person:12", "admin").
 */
export async function addGrant(db: DbOrTx, personId: number, grant: Grant, grantedBy: string, now: Date): Promise<"added" | "held"> {
  const grants = await grantsOf(db, personId);
  if (grants.some((g) => sameGrant(g, grant))) {
    await store(db, personId, grants, "migration", now);
    return "held";
  }
  const all = sortGrants([...grants, grant]);
  // The row of a role the Person row alone named is written now, so it survives the repoint.
  await store(db, personId, grants, "migration", now);
  await store(db, personId, [grant], grantedBy, now);
  await pointPersonAtHighest(db, personId, all);
  return "added";
}

/** Takes one role away; false when the person did not hold it. Their other roles stay. */
export async function removeGrant(db: DbOrTx, personId: number, grant: Grant, now: Date): Promise<boolean> {
  const grants = await grantsOf(db, personId);
  if (!grants.some((g) => sameGrant(g, grant))) return false;
  await store(db, personId, grants, "migration", now);
  await db.personRole.deleteMany({ where: { personId, role: grant.role, unitId: grant.unitId } });
  await pointPersonAtHighest(db, personId, grants.filter((g) => !sameGrant(g, grant)));
  return true;
}

/** Everyone holding `role` (of one unit when given), one row per grant, by person then unit. */
export async function holdersOf(db: DbOrTx, role: InviteRole, unitId?: number): Promise<Holder[]> {
  const where = { role, ...(unitId !== undefined ? { unitId } : {}) };
  const [rows, people] = await Promise.all([
    db.personRole.findMany({ where, select: { personId: true, unitId: true } }),
    db.person.findMany({ where, select: { id: true, unitId: true } }),
  ]);
  const out: Holder[] = [];
  const seen = new Set<string>();
  for (const h of [...rows, ...people.map((p) => ({ personId: p.id, unitId: role === "officer" ? null : p.unitId }))]) {
    const key = `${h.personId}:${h.unitId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ personId: h.personId, role, unitId: h.unitId });
  }
  return out.sort((a, b) => a.personId - b.personId || (a.unitId ?? 0) - (b.unitId ?? 0));
}

/** Every grant of every person who holds a role (or the grants of one unit), for the admin and `/nguoi`. */
export async function allHolders(db: DbOrTx, unitId?: number): Promise<ListedHolder[]> {
  const lists = await Promise.all(InviteRole.options.map((r) => holdersOf(db, r, unitId)));
  const holders = lists.flat().sort((a, b) => a.personId - b.personId || (sortGrants([a, b])[0] === a ? -1 : 1));
  const identities = await db.channelIdentity.findMany({ where: { personId: { in: [...new Set(holders.map((h) => h.personId))] } }, select: { personId: true, channel: true } });
  return holders.map((h) => ({ ...h, channels: [...new Set(identities.filter((i) => i.personId === h.personId).map((i) => i.channel))].sort() }));
}
