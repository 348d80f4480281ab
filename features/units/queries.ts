import type { ClassChange, UnitInfo } from "../../src/domain/units.ts";
import type { Feature } from "../../src/engine/feature.ts";
import { classChangesOf, listUnits, unitById, unitByName, unitIdsWithHead, unitsActiveIn } from "../../src/store/units.ts";

declare module "../../src/engine/feature.ts" {
  interface Queries {
    unit(id: number): Promise<UnitInfo | null>;
    /** the units in service today (not retired) */
    units(): Promise<UnitInfo[]>;
    /** the units a month covers: not retired, or retired after it */
    unitsActiveIn(period: string): Promise<UnitInfo[]>;
    /** a unit as typed; retired units only with `retired: true` */
    unitByName(name: string, options?: { retired?: boolean }): Promise<UnitInfo | null>;
    /** a unit's class changes, oldest first */
    classChanges(unitId: number): Promise<ClassChange[]>;
    /** the units that have at least one head */
    unitIdsWithHead(): Promise<number[]>;
  }
}

export const queries: Feature["queries"] = (db) => ({
  unit: (id) => unitById(db, id),
  units: () => listUnits(db),
  unitsActiveIn: (period) => unitsActiveIn(db, period),
  unitByName: (name, options) => unitByName(db, name, options),
  classChanges: (unitId) => classChangesOf(db, unitId),
  unitIdsWithHead: () => unitIdsWithHead(db),
});
