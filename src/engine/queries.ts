import { tipQueriesOn } from "./tip-queries.ts";
import { audienceSizes } from "../store/broadcasts.ts";
import { caseByCode, caseCheckins, caseName, casesOfWeek, listCases, mentorCasesDue, sealerFor } from "../store/cases.ts";
import { DecryptError } from "../store/crypto.ts";
import { getReport, isLocked, reportsOf } from "../store/reports.ts";
import { classChangesOf, listUnits, unitById, unitByName, unitIdsWithHead, unitsActiveIn } from "../store/units.ts";
import type { DbOrTx } from "../store/client.ts";
import { previewJoin } from "../store/invites.ts";
import { allHolders } from "../store/roles.ts";
import type { GuessLimit } from "./guess-limit.ts";
import type { CaseHistory, Queries } from "./flow.ts";

/** The flows' read-only view of the store, bound to one transaction. */
export function queriesOn(db: DbOrTx, ctx: { dataKey?: string; timeZone: string; guesses?: GuessLimit }): Queries {
  return {
    // A person who typed too many wrong codes learns nothing of a code here: redeeming says to wait.
    joinPreview: async (personId, code, now) =>
      ctx.guesses && (await ctx.guesses.waitMinutes(`code:${personId}`)) > 0 ? null : previewJoin(db, code, personId, now),
    holders: (unitId) => allHolders(db, unitId),
    tips: tipQueriesOn(db),
    unit: (id) => unitById(db, id),
    units: () => listUnits(db),
    unitsActiveIn: (period) => unitsActiveIn(db, period),
    unitByName: (name, options) => unitByName(db, name, options),
    classChanges: (unitId) => classChangesOf(db, unitId),
    unitIdsWithHead: () => unitIdsWithHead(db),
    report: async (unitId, period) => (await getReport(db, unitId, period))?.values ?? null,
    storedReport: (unitId, period) => getReport(db, unitId, period),
    reports: (period) => reportsOf(db, period),
    isLocked: (period) => isLocked(db, period),
    audienceSizes: () => audienceSizes(db),
    mentorCases: (personId, week) => mentorCasesDue(db, personId, week),
    cases: () => listCases(db),
    caseByCode: (code) => caseByCode(db, code),
    casesOfWeek: (week) => casesOfWeek(db, week),
    caseHistory: async (code, options): Promise<CaseHistory | null> => {
      const info = await caseByCode(db, code);
      if (!info) return null;
      const sealer = options.withName && ctx.dataKey ? sealerFor(ctx.dataKey) : null;
      let name: string | null = null;
      let nameUnreadable = options.withName && info.hasName && !sealer;
      let checkins;
      try {
        if (sealer && info.hasName) name = await caseName(db, info.id, sealer);
        checkins = await caseCheckins(db, info.id, options.limit, sealer);
      } catch (error) {
        // Another DATA_KEY than the one the data was sealed with: show what is not sealed.
        if (!(error instanceof DecryptError)) throw error;
        nameUnreadable = info.hasName && name === null;
        checkins = await caseCheckins(db, info.id, options.limit, null);
      }
      return { info, name, nameUnreadable, checkins };
    },
  };
}
