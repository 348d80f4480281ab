import type { ReportValues } from "../../src/domain/report.ts";

/** A monthly report with every count 0 and no notes, but the counts given. */
export function reportValues(counts: Partial<ReportValues> = {}): ReportValues {
  return {
    addicts: 0,
    suspected: 0,
    newCases: 0,
    familyRehab: 0,
    compulsoryReferrals: 0,
    relapses: 0,
    householdsCommitted: 0,
    propagandaSessions: 0,
    incidents: 0,
    suspectedSpots: 0,
    notes: null,
    ...counts,
  };
}
