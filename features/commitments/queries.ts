import { displayDate } from "../../src/domain/time.ts";
import type { Extensions, Feature } from "../../src/engine/feature.ts";
import { commitmentTotal, latestCommitments, type CommitmentEntry, type CommitmentTotal } from "../../src/store/commitments.ts";

declare module "../../src/engine/feature.ts" {
  interface Queries {
    /** the households a unit recorded as signed, up to a day (YYYY-MM-DD) or in all */
    commitmentTotal(unitId: number, upTo?: string): Promise<CommitmentTotal>;
    /** a unit's latest lines of the register, the most recent first */
    latestCommitments(unitId: number, limit: number): Promise<CommitmentEntry[]>;
  }
}

export type { CommitmentEntry, CommitmentTotal };

export const queries: Feature["queries"] = (db) => ({
  commitmentTotal: (unitId, upTo) => commitmentTotal(db, unitId, upTo),
  latestCommitments: (unitId, limit) => latestCommitments(db, unitId, limit),
});

/**
 * The report's "households committed" from the register: every household recorded up to the end
 * of the report's month, with the last day counted. Nothing when none is recorded, so the head is
 * asked as before.
 */
export const reportSuggestions: Extensions["reportSuggestions"] = async (db, unitId, period) => {
  // Days compare as text, so "-31" ends every month.
  const { total, lastDay } = await commitmentTotal(db, unitId, `${period}-31`);
  if (total === 0 || !lastDay) return [];
  return [{ field: "householdsCommitted", value: total, source: { key: "camket-source", args: { date: displayDate(lastDay) } } }];
};
