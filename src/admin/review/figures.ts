import { COUNT_FIELDS, type CountField, type ReportValues } from "../../domain/report.ts";

/**
 * The report's counts that are a state at month end (DOMAIN.md, "The monthly report"): over a
 * range they are read from each unit's latest report, since adding six month-ends together
 * counts the same people six times. The other counts happen in the month and are added up.
 */
export const STOCK_FIELDS: readonly CountField[] = ["addicts", "suspected", "familyRehab", "householdsCommitted", "suspectedSpots"];

export function isStockField(field: CountField): boolean {
  return STOCK_FIELDS.includes(field);
}

export type Figures = Record<CountField, number>;

export function zeroFigures(): Figures {
  return Object.fromEntries(COUNT_FIELDS.map((f) => [f, 0])) as Figures;
}

/**
 * One unit's figures over a range from its reports in it (any order): the counts of the month
 * added up, the month-end counts as its latest report gave them. Zeros when it filed none.
 */
export function unitFigures(reports: readonly { period: string; values: ReportValues }[]): Figures {
  const figures = zeroFigures();
  const latest = [...reports].sort((a, b) => a.period.localeCompare(b.period)).at(-1);
  for (const field of COUNT_FIELDS) {
    figures[field] = isStockField(field) ? (latest?.values[field] ?? 0) : reports.reduce((sum, r) => sum + r.values[field], 0);
  }
  return figures;
}

/** The figures of several units added together. */
export function addFigures(all: readonly Figures[]): Figures {
  const sum = zeroFigures();
  for (const f of all) for (const field of COUNT_FIELDS) sum[field] += f[field];
  return sum;
}
