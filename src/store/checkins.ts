import { isDueInWeek } from "../domain/cases.ts";
import type { DbOrTx } from "./client.ts";

/**
 * The check-in side of the scheduler's world (src/scheduler/world.ts): who has cases to confirm
 * in a week, and which cases nobody confirmed. A case is due in a week when it is active and the
 * week is within its period (domain `isDueInWeek`).
 */

async function dueCases(db: DbOrTx, week: string) {
  const active = await db.rehabCase.findMany({ where: { status: "active" }, orderBy: { code: "asc" } });
  return active.filter((c) => isDueInWeek(c, week));
}

/**
 * Each mentor with cases due in `week` that they have not checked in yet, with those cases'
 * codes (never names). A person who is no longer a mentor is not asked.
 */
export async function checkinsDue(db: DbOrTx, week: string): Promise<{ mentorId: number; cases: string[] }[]> {
  const cases = await dueCases(db, week);
  if (cases.length === 0) return [];
  const ids = cases.map((c) => c.id);
  const [links, done] = await Promise.all([
    db.caseMentor.findMany({ where: { caseId: { in: ids } }, select: { caseId: true, personId: true } }),
    db.checkin.findMany({ where: { caseId: { in: ids }, week }, select: { caseId: true, mentorId: true } }),
  ]);
  const mentors = new Set(
    (await db.person.findMany({ where: { id: { in: links.map((l) => l.personId) }, role: "mentor" }, select: { id: true } })).map((p) => p.id),
  );
  const checked = new Set(done.map((d) => `${d.caseId}:${d.mentorId}`));
  const code = new Map(cases.map((c) => [c.id, c.code]));
  const byMentor = new Map<number, string[]>();
  for (const l of links) {
    if (!mentors.has(l.personId) || checked.has(`${l.caseId}:${l.personId}`)) continue;
    byMentor.set(l.personId, [...(byMentor.get(l.personId) ?? []), code.get(l.caseId)!]);
  }
  return [...byMentor.entries()]
    .sort(([a], [b]) => a - b)
    .map(([mentorId, codes]) => ({ mentorId, cases: codes.sort((a, b) => a.localeCompare(b)) }));
}

/**
 * The cases due in `week` that nobody checked in (including a case that has no mentor yet: the
 * officers must know of it too), by code, with their unit's name.
 */
export async function checkinsMissed(db: DbOrTx, week: string): Promise<{ code: string; unit: string }[]> {
  const cases = await dueCases(db, week);
  if (cases.length === 0) return [];
  const done = new Set(
    (await db.checkin.findMany({ where: { caseId: { in: cases.map((c) => c.id) }, week }, select: { caseId: true } })).map((c) => c.caseId),
  );
  const missed = cases.filter((c) => !done.has(c.id));
  const units = new Map(
    (await db.unit.findMany({ where: { id: { in: missed.map((c) => c.unitId) } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );
  return missed.map((c) => ({ code: c.code, unit: units.get(c.unitId) ?? "" }));
}
