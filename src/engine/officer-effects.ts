import { isOfficer } from "../domain/access.ts";
import type { Msg } from "../domain/message.ts";
import { displayPeriod, periodOf } from "../domain/period.ts";
import type { PersonView } from "../domain/person.ts";
import type { Tx } from "../store/client.ts";
import { lockPeriod, unlockPeriod } from "../store/reports.ts";
import { reclassifyUnit, renameUnit, retireUnit, setHouseholds, UnitExistsError, unitById } from "../store/units.ts";
import type { Effect, UnitEffect } from "./flow.ts";
import { classMsg } from "./steps.ts";

/** The effects of the officers' month and unit commands: /lock, /unlock, /donvi. */
export type OfficerEffect = Extract<Effect, { type: "period.lock" | "period.unlock" }> | UnitEffect;

export function isOfficerEffect(effect: Effect): effect is OfficerEffect {
  return effect.type.startsWith("unit.") || effect.type === "period.lock" || effect.type === "period.unlock";
}

const said = (...say: Msg[]) => ({ say, toOfficers: [] as Msg[][] });

/**
 * Applies an officer's effect. Access, the month and the unit are checked again here, at commit
 * time: the role may have changed, the month turned, or the unit been retired since the flow began.
 */
export async function applyOfficerEffect(tx: Tx, effect: OfficerEffect, person: PersonView, now: Date, timeZone: string) {
  if (!isOfficer(person)) return said({ key: "not-allowed" });
  const by = `person:${person.id}`;
  if (effect.type === "period.lock") {
    const period = displayPeriod(effect.period);
    // A month still running would shut out the heads who have not reported yet.
    if (effect.period >= periodOf(now, timeZone)) return said({ key: "lock-not-ended", args: { period } });
    const locked = await lockPeriod(tx, effect.period, person.id, now);
    return said({ key: locked ? "lock-done" : "lock-already", args: { period } });
  }
  if (effect.type === "period.unlock") {
    const unlocked = await unlockPeriod(tx, effect.period, { personId: person.id, by, reason: effect.reason, now });
    return said({ key: unlocked ? "unlock-done" : "unlock-not-locked", args: { period: displayPeriod(effect.period) } });
  }
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
