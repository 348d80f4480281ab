import { stringify } from "csv-stringify/sync";
import type { Compliance } from "../../domain/cases.ts";
import { REPORT_FIELDS } from "../../domain/report.ts";
import type { ExportRow } from "../../domain/summary.ts";
import { isoWithOffset } from "./time.ts";

/**
 * The CSV columns: the report keys of DOMAIN.md in its order, between the unit and its status;
 * then, after the contract's columns, the unit's rehab check-in compliance in the month
 * (`checkinsDue`: case-weeks due, `checkinsDone`: those checked in on; see `complianceByUnit`).
 */
export const CSV_COLUMNS = ["unit", ...REPORT_FIELDS, "status", "submittedAt", "checkinsDue", "checkinsDone"] as const;

/** Each unit's check-in compliance, by unit name; a unit not in it had none due. */
export type UnitCompliance = Map<string, Compliance>;

/**
 * The UTF-8 byte-order mark a CSV file starts with: without it Excel on Windows reads the file
 * in the machine's code page and garbles every accent ("Khu phá»‘").
 */
export const BOM = "\uFEFF";

/**
 * The consolidated table as CSV, for machines: English keys, counts as plain numbers, a missing
 * unit's cells empty (not 0: "did not report" is not "reported none"), times in ISO 8601 with
 * the offset of `timeZone` (`2026-11-21T10:00:00+07:00`). Without the byte-order mark: a file
 * adds {@link BOM} in front.
 */
export function exportCsv(rows: ExportRow[], checkins: UnitCompliance = new Map(), timeZone = "Asia/Ho_Chi_Minh"): string {
  const records = rows.map((r) => [
    r.unit,
    ...REPORT_FIELDS.map((f) => r.values?.[f] ?? ""),
    r.status,
    r.submittedAt ? isoWithOffset(r.submittedAt, timeZone) : "",
    checkins.get(r.unit)?.due ?? 0,
    checkins.get(r.unit)?.done ?? 0,
  ]);
  // Notes are typed by heads and the file is opened in a spreadsheet: a note starting with
  // "=", "+", "-" or "@" must stay text, never become a formula.
  return stringify([[...CSV_COLUMNS], ...records], { escape_formulas: true });
}
