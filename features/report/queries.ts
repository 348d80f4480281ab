import type { ReportValues, ReportWarning } from "../../src/domain/report.ts";
import type { Feature } from "../../src/engine/feature.ts";
import { getReport, isLocked, reportsOf } from "../../src/store/reports.ts";

/** A unit's stored report of a month, with when it was sent and its warnings. */
export interface StoredReport {
  unitId: number;
  values: ReportValues;
  warnings: ReportWarning[];
  submittedAt: Date;
}

declare module "../../src/engine/feature.ts" {
  interface Queries {
    report(unitId: number, period: string): Promise<ReportValues | null>;
    /** a unit's stored report of a month, with when it was sent and its warnings */
    storedReport(unitId: number, period: string): Promise<StoredReport | null>;
    reports(period: string): Promise<StoredReport[]>;
    isLocked(period: string): Promise<boolean>;
  }
}

export const queries: Feature["queries"] = (db) => ({
  report: async (unitId, period) => (await getReport(db, unitId, period))?.values ?? null,
  storedReport: (unitId, period) => getReport(db, unitId, period),
  reports: (period) => reportsOf(db, period),
  isLocked: (period) => isLocked(db, period),
});
