import type { Feature } from "../../src/engine/feature.ts";
import { caseByCode, caseCheckins, caseName, casesOfWeek, listCases, sealerFor, type CaseInfo, type CaseWeek, type CheckinRecord } from "../../src/store/cases.ts";
import { DecryptError } from "../../src/store/crypto.ts";

/** What an officer reads of one case. */
export interface CaseHistory {
  info: CaseInfo;
  /** null when none is recorded, or when it was not asked for */
  name: string | null;
  /** a name is recorded but could not be opened with this DATA_KEY */
  nameUnreadable: boolean;
  checkins: CheckinRecord[];
}

declare module "../../src/engine/feature.ts" {
  interface Queries {
    /** every rehab case, by code (never names) */
    cases(): Promise<CaseInfo[]>;
    caseByCode(code: string): Promise<CaseInfo | null>;
    /** the active cases due in `week`, with their check-ins of that week and the week before */
    casesOfWeek(week: string): Promise<CaseWeek[]>;
    /**
     * A case and its latest check-ins, for an officer. The name and the notes are opened only
     * with `withName` (the flow asks so only for those `canSeeCaseNames` allows).
     */
    caseHistory(code: string, options: { withName: boolean; limit: number }): Promise<CaseHistory | null>;
  }
}

export type { CaseInfo, CaseWeek, CheckinRecord };

export const queries: Feature["queries"] = (db, ctx) => ({
  cases: () => listCases(db),
  caseByCode: (code) => caseByCode(db, code),
  casesOfWeek: (week) => casesOfWeek(db, week),
  caseHistory: async (code, options) => {
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
});
