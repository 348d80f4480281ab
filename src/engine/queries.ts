import { audienceSizes } from "../store/broadcasts.ts";
import { getReport, isLocked, reportsOf } from "../store/reports.ts";
import { listUnits, unitById, unitByName } from "../store/units.ts";
import type { DbOrTx } from "../store/client.ts";
import type { Queries } from "./flow.ts";

/** The flows' read-only view of the store, bound to one transaction. */
export function queriesOn(db: DbOrTx, _ctx: { dataKey?: string; timeZone: string }): Queries {
  return {
    unit: (id) => unitById(db, id),
    units: () => listUnits(db),
    unitByName: (name) => unitByName(db, name),
    report: async (unitId, period) => (await getReport(db, unitId, period))?.values ?? null,
    reports: (period) => reportsOf(db, period),
    isLocked: (period) => isLocked(db, period),
    audienceSizes: () => audienceSizes(db),
  };
}
