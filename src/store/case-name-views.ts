import type { DbOrTx } from "./client.ts";

/** One time the console showed an officer a rehab case's name. */
export interface CaseNameViewRow {
  at: Date;
  personId: number;
  caseCode: string;
  unitName: string;
}

/** Writes that `personId` was shown the name of case `caseId` at `now` (the console's audit log). */
export async function recordCaseNameView(db: DbOrTx, view: { caseId: number; personId: number; now: Date }): Promise<void> {
  await db.caseNameView.create({ data: { caseId: view.caseId, personId: view.personId, at: view.now } });
}

/** The latest name views, newest first, with each case's code and unit (never the name). */
export async function caseNameViews(db: DbOrTx, limit = 200): Promise<CaseNameViewRow[]> {
  const rows = await db.caseNameView.findMany({ orderBy: { id: "desc" }, take: limit });
  const cases = await db.rehabCase.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.caseId))] } },
    select: { id: true, code: true, unitId: true },
  });
  const units = await db.unit.findMany({ where: { id: { in: [...new Set(cases.map((c) => c.unitId))] } }, select: { id: true, name: true } });
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const byId = new Map(cases.map((c) => [c.id, { code: c.code, unitName: unitName.get(c.unitId) ?? "" }]));
  return rows.map((r) => ({ at: r.at, personId: r.personId, caseCode: byId.get(r.caseId)?.code ?? "?", unitName: byId.get(r.caseId)?.unitName ?? "" }));
}
