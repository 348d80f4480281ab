import { canReportFor, isOfficer } from "../../src/domain/access.ts";
import { displayPeriod, periodOf } from "../../src/domain/period.ts";
import type { ReportValues, ReportWarning } from "../../src/domain/report.ts";
import type { Feature } from "../../src/engine/feature.ts";
import type { Msg } from "../../src/engine/types.ts";
import { lockPeriod, saveReport, unlockPeriod } from "../../src/store/reports.ts";
import { unitById } from "../../src/store/units.ts";
import { said } from "../effect-kit.ts";
import { fieldLabel, warningMsg } from "../../src/domain/words.ts";

declare module "../../src/engine/feature.ts" {
  interface Effects {
    "report.submit": { unitId: number; period: string; values: ReportValues; warnings: ReportWarning[] };
    "period.lock": { period: string };
    /** an officer reopens a locked month, saying why */
    "period.unlock": { period: string; reason: string };
  }
}

/** How the report feature's effects are applied: a head's report, an officer's month lock. */
export const effects: Feature["effects"] = {
  "report.submit": async (tx, effect, person, now, ctx) => {
    if (!canReportFor(person, effect.unitId)) return { say: [{ key: "report-not-head" }], toOfficers: [] };
    const unit = (await unitById(tx, effect.unitId))!;
    const period = displayPeriod(effect.period);
    const outcome = await saveReport(tx, { ...effect, personId: person.id, now });
    const toOfficers: Msg[][] = [];
    if (outcome.kind !== "locked" && outcome.kind !== "unchanged" && effect.warnings.length > 0) {
      toOfficers.push([{ key: "alert-report-warnings", args: { unit: unit.name, period, warnings: effect.warnings.map(warningMsg) } }]);
    }
    switch (outcome.kind) {
      case "locked":
        return { say: [{ key: "report-locked", args: { period } }], toOfficers };
      case "unchanged":
        return { say: [{ key: "report-unchanged", args: { period } }], toOfficers };
      case "created":
        return { say: [{ key: "report-saved", args: { period, unit: unit.name } }], toOfficers };
      case "corrected": {
        toOfficers.push([{ key: "alert-report-corrected", args: { unit: unit.name, period, fields: outcome.fields.map(fieldLabel) } }]);
        return {
          say: [{ key: "report-corrected", args: { period, unit: unit.name, changes: outcome.fields.length } }],
          toOfficers,
        };
      }
    }
  },
  "period.lock": async (tx, effect, person, now, ctx) => {
    if (!isOfficer(person)) return said({ key: "not-allowed" });
    const period = displayPeriod(effect.period);
    // A month still running would shut out the heads who have not reported yet.
    if (effect.period >= periodOf(now, ctx.timeZone)) return said({ key: "lock-not-ended", args: { period } });
    const locked = await lockPeriod(tx, effect.period, person.id, now);
    return said({ key: locked ? "lock-done" : "lock-already", args: { period } });
  },
  "period.unlock": async (tx, effect, person, now) => {
    if (!isOfficer(person)) return said({ key: "not-allowed" });
    const unlocked = await unlockPeriod(tx, effect.period, { personId: person.id, by: `person:${person.id}`, reason: effect.reason, now });
    return said({ key: unlocked ? "unlock-done" : "unlock-not-locked", args: { period: displayPeriod(effect.period) } });
  },
};
