import { COUNT_FIELDS, type CountField, type ReportValues, type ReportWarning } from "./report.ts";
import type { UnitInfo } from "./units.ts";

export interface ReportOfUnit {
  unitId: number;
  values: ReportValues;
  warnings: ReportWarning[];
  submittedAt: Date;
}

export type Totals = Record<CountField, number>;

/** What an officer reads for a month (DOMAIN.md, "Officers' views"). */
export interface MonthSummary {
  period: string;
  total: number;
  submitted: number;
  totals: Totals;
  /** last month's totals, or null when no unit reported last month */
  previousTotals: Totals | null;
  /** every unit without a report */
  missing: UnitInfo[];
  /** of `missing`, those that have a head who has not reported */
  notReported: UnitInfo[];
  /** of `missing`, those with no head at all: nobody can report for them */
  noHead: UnitInfo[];
  warnings: { unit: UnitInfo; warning: ReportWarning }[];
}

export function sumCounts(reports: { values: ReportValues }[]): Totals {
  const totals = Object.fromEntries(COUNT_FIELDS.map((f) => [f, 0])) as Totals;
  for (const r of reports) for (const f of COUNT_FIELDS) totals[f] += r.values[f];
  return totals;
}

/**
 * Summarises a month's reports against the units that should have sent one. With `withHead` (the
 * ids of units that have a head), the missing units are told apart: not reported, or no head.
 */
export function summarizeMonth(
  period: string,
  units: UnitInfo[],
  reports: ReportOfUnit[],
  previousReports: ReportOfUnit[],
  withHead?: ReadonlySet<number>,
): MonthSummary {
  const unitIds = new Set(units.map((u) => u.id));
  const current = reports.filter((r) => unitIds.has(r.unitId));
  const reported = new Set(current.map((r) => r.unitId));
  const byId = new Map(units.map((u) => [u.id, u]));
  const missing = units.filter((u) => !reported.has(u.id));
  return {
    period,
    total: units.length,
    submitted: reported.size,
    totals: sumCounts(current),
    previousTotals: previousReports.length > 0 ? sumCounts(previousReports.filter((r) => unitIds.has(r.unitId))) : null,
    missing,
    notReported: withHead ? missing.filter((u) => withHead.has(u.id)) : missing,
    noHead: withHead ? missing.filter((u) => !withHead.has(u.id)) : [],
    warnings: current.flatMap((r) => r.warnings.map((warning) => ({ unit: byId.get(r.unitId)!, warning }))),
  };
}

/** One row of the consolidated monthly table for the town committee. */
export interface ExportRow {
  unit: string;
  values: ReportValues | null;
  status: "submitted" | "missing";
  submittedAt: Date | null;
}

/** The consolidated table: every unit, in name order, reported or not. */
export function consolidatedTable(units: UnitInfo[], reports: ReportOfUnit[]): ExportRow[] {
  const byUnit = new Map(reports.map((r) => [r.unitId, r]));
  return [...units]
    .sort((a, b) => a.name.localeCompare(b.name, "vi"))
    .map((u) => {
      const r = byUnit.get(u.id);
      return { unit: u.name, values: r?.values ?? null, status: r ? "submitted" : "missing", submittedAt: r?.submittedAt ?? null };
    });
}
