import type { CountField, ReportValues, ReportWarning } from "../../src/domain/report.ts";
import type { Msg } from "../../src/domain/message.ts";
import type { EffectContext, Feature } from "../../src/engine/feature.ts";
import type { DbOrTx } from "../../src/store/client.ts";
import { getReport, isLocked, reportsOf } from "../../src/store/reports.ts";

/** A unit's stored report of a month, with when it was sent and its warnings. */
export interface StoredReport {
  unitId: number;
  values: ReportValues;
  warnings: ReportWarning[];
  submittedAt: Date;
}

/**
 * A value another feature knows for a field of a new report (the households that signed the
 * commitment, from the commitments register), offered to the head with a "keep" button and its
 * source: the head still answers every question.
 */
export interface ReportSuggestion {
  field: CountField;
  value: number;
  /** where the value comes from, in words ("theo sổ cam kết, đến 12/11/2026") */
  source: Msg;
}

declare module "../../src/engine/feature.ts" {
  interface Extensions {
    /** values for a new report's fields, read by the report when a head starts one */
    reportSuggestions: (db: DbOrTx, unitId: number, period: string, ctx: EffectContext) => Promise<ReportSuggestion[]>;
  }
  interface Queries {
    /** what other features suggest for a unit's new report of a month */
    reportSuggestions(unitId: number, period: string): Promise<ReportSuggestion[]>;
    report(unitId: number, period: string): Promise<ReportValues | null>;
    /** a unit's stored report of a month, with when it was sent and its warnings */
    storedReport(unitId: number, period: string): Promise<StoredReport | null>;
    reports(period: string): Promise<StoredReport[]>;
    isLocked(period: string): Promise<boolean>;
  }
}

export const queries: Feature["queries"] = (db, ctx, extensions) => ({
  reportSuggestions: async (unitId, period) => (await Promise.all(extensions("reportSuggestions").map((p) => p(db, unitId, period, ctx)))).flat(),
  report: async (unitId, period) => (await getReport(db, unitId, period))?.values ?? null,
  storedReport: (unitId, period) => getReport(db, unitId, period),
  reports: (period) => reportsOf(db, period),
  isLocked: (period) => isLocked(db, period),
});
