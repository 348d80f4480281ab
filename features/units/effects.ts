import { isOfficer } from "../../src/domain/access.ts";
import { displayPeriod } from "../../src/domain/period.ts";
import type { PersonView } from "../../src/domain/person.ts";
import type { Classification } from "../../src/domain/units.ts";
import type { EffectOf, EffectOutcome, Feature } from "../../src/engine/feature.ts";
import type { Tx } from "../../src/store/client.ts";
import { reclassifyUnit, renameUnit, retireUnit, setHouseholds, UnitExistsError, unitById } from "../../src/store/units.ts";
import { said } from "../effect-kit.ts";
import { classMsg } from "../../src/domain/words.ts";

declare module "../../src/engine/feature.ts" {
  interface Effects {
    "unit.rename": { unitId: number; name: string };
    "unit.households": { unitId: number; households: number };
    /** from `period` on; the change is kept */
    "unit.reclassify": { unitId: number; classification: Classification; period: string };
    /** left out from `period` on */
    "unit.retire": { unitId: number; period: string };
  }
}

/** An officer's change to a unit (the flow `/donvi`). */
export type UnitEffect = EffectOf<"unit.rename" | "unit.households" | "unit.reclassify" | "unit.retire">;

/**
 * Applies an officer's change to a unit. Access and the unit are checked again here, at commit
 * time: the role may have changed, or the unit been retired, since the flow began.
 */
async function applyUnitEffect(tx: Tx, effect: UnitEffect, person: PersonView, now: Date): Promise<EffectOutcome> {
  if (!isOfficer(person)) return said({ key: "not-allowed" });
  const by = `person:${person.id}`;
  const unit = await unitById(tx, effect.unitId);
  if (!unit || unit.retiredPeriod !== undefined) return said({ key: "unit-gone" });
  switch (effect.type) {
    case "unit.rename":
      try {
        const renamed = await renameUnit(tx, unit.id, effect.name);
        return said({ key: "unit-renamed", args: renamed });
      } catch (error) {
        if (error instanceof UnitExistsError) return said({ key: "unit-name-taken", args: { name: effect.name } });
        throw error;
      }
    case "unit.households": {
      const before = await setHouseholds(tx, unit.id, effect.households);
      return said({ key: "unit-households-set", args: { unit: unit.name, from: before, to: effect.households } });
    }
    case "unit.reclassify": {
      const changed = await reclassifyUnit(tx, unit.id, effect.classification, { period: effect.period, byPersonId: person.id, by, now });
      if (changed === "same") return said({ key: "unit-class-same", args: { unit: unit.name, class: classMsg(effect.classification) } });
      return said({
        key: "unit-reclassified",
        args: { unit: unit.name, from: classMsg(changed.from), to: classMsg(changed.to), period: displayPeriod(effect.period) },
      });
    }
    case "unit.retire": {
      await retireUnit(tx, unit.id, effect.period, now);
      return said({ key: "unit-retired", args: { unit: unit.name, period: displayPeriod(effect.period) } });
    }
  }
}

/** How the units feature's effects are applied. */
export const effects: Feature["effects"] = {
  "unit.rename": applyUnitEffect,
  "unit.households": applyUnitEffect,
  "unit.reclassify": applyUnitEffect,
  "unit.retire": applyUnitEffect,
};
