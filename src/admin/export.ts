import fs from "node:fs";
import path from "node:path";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { z } from "zod";
import type { Compliance } from "../domain/cases.ts";
import { displayPeriod, Period, zonedParts } from "../domain/period.ts";
import { COUNT_FIELDS, REPORT_FIELDS } from "../domain/report.ts";
import { consolidatedTable, sumCounts, type ExportRow } from "../domain/summary.ts";
import { t } from "../i18n.ts";
import { complianceByUnit } from "../store/cases.ts";
import { reportsOf } from "../store/reports.ts";
import { listUnits } from "../store/units.ts";
import { fail, noPositionals, parseFlags, validate } from "./args.ts";
import type { AdminIo } from "./io.ts";

/** csv for machines and scripts, xlsx for the town committee. */
export const ExportFormat = z.enum(["csv", "xlsx"]);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** `export --month YYYY-MM [--format csv|xlsx] [--out FILE]`, parsed and checked. */
export interface ExportCommand {
  kind: "export";
  period: Period;
  format: ExportFormat;
  /** null: CSV to standard output, XLSX to {@link defaultXlsxFile} */
  out: string | null;
}

const ExportArgs = z.object({
  month: Period,
  format: z.string().trim().toLowerCase().pipe(ExportFormat).optional(),
  out: z.string().trim().min(1, "the file name is empty").optional(),
});

/** Where `export --format xlsx` writes without `--out`: a name that says which month it holds. */
export function defaultXlsxFile(period: Period): string {
  return `vungxanh-${period}.xlsx`;
}

/** Reads the words after `export`; throws a UsageError for anything it cannot run. */
export function parseExportCommand(args: string[]): ExportCommand {
  const { values, positionals } = parseFlags("export", args, {
    month: { type: "string" },
    format: { type: "string" },
    out: { type: "string" },
  });
  noPositionals("export", positionals);
  if (values.month === undefined) fail(`"export" needs --month YYYY-MM`);
  const parsed = validate(ExportArgs, values, { month: "--month", format: "--format", out: "--out" });
  return { kind: "export", period: parsed.month, format: parsed.format ?? "csv", out: parsed.out ?? null };
}

/** Writes the consolidated table of a month: every unit, reported or not. */
export async function runExportCommand(command: ExportCommand, io: AdminIo): Promise<void> {
  const units = await listUnits(io.db);
  const rows = consolidatedTable(units, await reportsOf(io.db, command.period));
  const byUnit = await complianceByUnit(io.db, command.period, io.timeZone ?? "Asia/Ho_Chi_Minh", io.now);
  const checkins = new Map(units.map((u) => [u.name, byUnit.get(u.id) ?? { due: 0, done: 0 }]));
  if (command.format === "csv" && command.out === null) {
    // One call: a quoted note may hold line breaks, so the text is not split into lines.
    io.out(exportCsv(rows, checkins).replace(/\n$/, ""));
    return;
  }
  const content =
    command.format === "csv"
      ? Buffer.from(exportCsv(rows, checkins), "utf8")
      : await exportXlsx(rows, command.period, { generatedAt: io.now, timeZone: io.timeZone, checkins });
  const file = path.resolve(io.cwd ?? process.cwd(), command.out ?? defaultXlsxFile(command.period));
  writeWhole(file, content);
  const submitted = rows.filter((r) => r.status === "submitted").length;
  io.out(`wrote ${file}: ${command.period}, ${submitted} of ${rows.length} units reported`);
}

/**
 * Writes through a temporary file and a rename, so a failed export never leaves half a file where
 * last month's good one was. A path that cannot be written is the operator's to fix: a UsageError.
 */
function writeWhole(file: string, content: Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, content);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code && ["ENOENT", "ENOTDIR", "EISDIR", "EACCES", "EPERM", "EROFS"].includes(code)) {
      fail(`cannot write ${file} (${code})`);
    }
    throw error;
  }
}

/**
 * The CSV columns: the report keys of DOMAIN.md in its order, between the unit and its status;
 * then, after the contract's columns, the unit's rehab check-in compliance in the month
 * (`checkinsDue`: case-weeks due, `checkinsDone`: those checked in on; see `complianceByUnit`).
 */
export const CSV_COLUMNS = ["unit", ...REPORT_FIELDS, "status", "submittedAt", "checkinsDue", "checkinsDone"] as const;

/** Each unit's check-in compliance, by unit name; a unit not in it had none due. */
export type UnitCompliance = Map<string, Compliance>;

/**
 * The consolidated table as CSV, for machines: English keys, counts as plain numbers, a missing
 * unit's cells empty (not 0: "did not report" is not "reported none"), times in ISO 8601 UTC.
 */
export function exportCsv(rows: ExportRow[], checkins: UnitCompliance = new Map()): string {
  const records = rows.map((r) => [
    r.unit,
    ...REPORT_FIELDS.map((f) => r.values?.[f] ?? ""),
    r.status,
    r.submittedAt?.toISOString() ?? "",
    checkins.get(r.unit)?.due ?? 0,
    checkins.get(r.unit)?.done ?? 0,
  ]);
  // Notes are typed by heads and the file is opened in a spreadsheet: a note starting with
  // "=", "+", "-" or "@" must stay text, never become a formula.
  return stringify([[...CSV_COLUMNS], ...records], { escape_formulas: true });
}

// The sheet's own words; the report's field labels come from locales/vi.ftl like in chat.
const SHEET = {
  unit: "Khu phố",
  status: "Trạng thái",
  submittedAt: "Thời gian gửi",
  checkinsDue: "Số lượt xác nhận giúp đỡ phải có",
  checkinsDone: "Số lượt đã xác nhận giúp đỡ",
  submitted: "Đã báo cáo",
  missing: "Chưa báo cáo",
  total: "Tổng cộng",
  title: (period: Period) => `Tổng hợp báo cáo tháng ${displayPeriod(period)} — mô hình khu phố tự quản, phòng chống ma túy`,
  reportedOf: (submitted: number, total: number) => `${submitted}/${total} đã báo cáo`,
};

/** The spreadsheet's header row: Vietnamese, as the town committee's paper form reads. */
export function xlsxHeaders(): string[] {
  return [SHEET.unit, ...REPORT_FIELDS.map((f) => t("vi", { key: `field-${f}` })), SHEET.status, SHEET.submittedAt, SHEET.checkinsDue, SHEET.checkinsDone];
}

const TITLE_ROW = 1;
const HEADER_ROW = 2;
const FIRST_DATA_ROW = 3;

/**
 * The consolidated table as a workbook for the town committee: a title, a frozen Vietnamese
 * header, one row per unit with counts as numbers, and a "Tổng cộng" row whose cells are SUM
 * formulas (with their value stored, for viewers that do not recalculate) so a corrected cell
 * updates the total. Submission times are shown in `timeZone`, as the officers read a clock.
 */
export async function exportXlsx(
  rows: ExportRow[],
  period: Period,
  options: { generatedAt?: Date; timeZone?: string; checkins?: UnitCompliance } = {},
): Promise<Buffer> {
  const checkins = options.checkins ?? new Map<string, Compliance>();
  const timeZone = options.timeZone ?? "Asia/Ho_Chi_Minh";
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Vùng Xanh";
  if (options.generatedAt) workbook.created = workbook.modified = options.generatedAt;
  const sheet = workbook.addWorksheet(`Báo cáo ${period}`, {
    views: [{ state: "frozen", xSplit: 1, ySplit: HEADER_ROW }],
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.pageSetup.printTitlesRow = `${TITLE_ROW}:${HEADER_ROW}`;

  const headers = xlsxHeaders();
  const countColumn = (i: number) => 2 + i; // after the unit column
  const notesColumn = 2 + COUNT_FIELDS.length;
  const longestName = Math.max(SHEET.unit.length, SHEET.total.length, ...rows.map((r) => r.unit.length));
  sheet.columns = headers.map((_, i) => ({
    width: i === 0 ? Math.min(longestName + 2, 40) : i + 1 === notesColumn ? 40 : i + 1 > notesColumn ? 16 : 14,
  }));

  sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, headers.length);
  const title = sheet.getCell(TITLE_ROW, 1);
  title.value = SHEET.title(period);
  title.font = { bold: true, size: 14 };

  const header = sheet.getRow(HEADER_ROW);
  header.values = headers;
  header.font = { bold: true };
  header.height = 64; // the longest label wraps onto four lines at these widths
  header.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2EFDA" } };
    cell.border = { bottom: { style: "thin" } };
  });

  rows.forEach((r, i) => {
    const row = sheet.getRow(FIRST_DATA_ROW + i);
    row.getCell(1).value = r.unit;
    COUNT_FIELDS.forEach((f, j) => (row.getCell(countColumn(j)).value = r.values ? r.values[f] : null));
    const notes = row.getCell(notesColumn);
    notes.value = r.values?.notes ?? null;
    notes.alignment = { wrapText: true, vertical: "top" };
    row.getCell(notesColumn + 1).value = r.status === "submitted" ? SHEET.submitted : SHEET.missing;
    if (r.status === "missing") row.getCell(notesColumn + 1).font = { color: { argb: "FFC00000" } };
    if (r.submittedAt) {
      const time = row.getCell(notesColumn + 2);
      time.value = wallClock(r.submittedAt, timeZone);
      time.numFmt = "dd/mm/yyyy hh:mm";
    }
    row.getCell(notesColumn + 3).value = checkins.get(r.unit)?.due ?? 0;
    row.getCell(notesColumn + 4).value = checkins.get(r.unit)?.done ?? 0;
  });

  const lastDataRow = FIRST_DATA_ROW + rows.length - 1;
  const totalsRow = sheet.getRow(FIRST_DATA_ROW + rows.length);
  const totals = sumCounts(rows.flatMap((r) => (r.values ? [{ values: r.values }] : [])));
  totalsRow.getCell(1).value = SHEET.total;
  COUNT_FIELDS.forEach((f, j) => {
    const cell = totalsRow.getCell(countColumn(j));
    const letter = sheet.getColumn(countColumn(j)).letter;
    cell.value = rows.length > 0 ? { formula: `SUM(${letter}${FIRST_DATA_ROW}:${letter}${lastDataRow})`, result: totals[f] } : 0;
  });
  const submitted = rows.filter((r) => r.status === "submitted").length;
  totalsRow.getCell(notesColumn + 1).value = SHEET.reportedOf(submitted, rows.length);
  for (const [offset, part] of [[3, "due"], [4, "done"]] as const) {
    const column = notesColumn + offset;
    const letter = sheet.getColumn(column).letter;
    const total = rows.reduce((sum, r) => sum + (checkins.get(r.unit)?.[part] ?? 0), 0);
    totalsRow.getCell(column).value = rows.length > 0 ? { formula: `SUM(${letter}${FIRST_DATA_ROW}:${letter}${lastDataRow})`, result: total } : 0;
  }
  totalsRow.font = { bold: true };
  totalsRow.eachCell((cell) => (cell.border = { top: { style: "thin" } }));

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A spreadsheet date has no zone: it shows the digits it holds. So the instant is turned into the
 * digits a clock in `timeZone` showed, stored as if UTC (which is how exceljs writes dates).
 */
function wallClock(at: Date, timeZone: string): Date {
  const p = zonedParts(at, timeZone);
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute));
}
