import { canReportFor, isOfficer } from "../../src/domain/access.ts";
import { displayDate } from "../../src/domain/time.ts";
import type { Feature } from "../../src/engine/feature.ts";
import { commitmentTotal, recordCommitment } from "../../src/store/commitments.ts";
import { unitById } from "../../src/store/units.ts";
import { said } from "../effect-kit.ts";
import { tallyMsg } from "./commitments-flow.ts";

declare module "../../src/engine/feature.ts" {
  interface Effects {
    /** households that signed the commitment, added to a unit's register */
    "commitment.record": { unitId: number; households: number; signedOn: string; householdNo: string | null };
  }
}

/** How the register is written: access and the household cap are checked again at commit. */
export const effects: Feature["effects"] = {
  "commitment.record": async (tx, effect, person, now) => {
    // The role may have changed since the conversation started.
    if (!isOfficer(person) && !canReportFor(person, effect.unitId)) return said({ key: "camket-not-allowed" });
    const unit = await unitById(tx, effect.unitId);
    if (!unit || unit.retiredPeriod !== undefined) return said({ key: "camket-no-units" });
    // Another head or officer may have recorded in the meantime: the cap holds on what is stored now.
    const { total } = await commitmentTotal(tx, unit.id);
    if (unit.households > 0 && total + effect.households > unit.households) {
      const room = Math.max(0, unit.households - total);
      return said({ key: "camket-over-cap", args: { unit: unit.name, households: unit.households, total, room } }, { key: "camket-try-again" });
    }
    await recordCommitment(tx, { ...effect, personId: person.id, now });
    return said({
      key: "camket-saved",
      args: { unit: unit.name, count: effect.households, date: displayDate(effect.signedOn), tally: tallyMsg(total + effect.households, unit.households) },
    });
  },
};
