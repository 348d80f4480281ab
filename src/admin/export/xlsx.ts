import ExcelJS from "exceljs";
import { displayPeriod, type Period } from "../../domain/period.ts";
import { COUNT_FIELDS, REPORT_FIELDS } from "../../domain/report.ts";
import { sumCounts, type ExportRow } from "../../domain/summary.ts";
import { t } from "../../i18n.ts";
import { writeCorrections, type RevisionLine, type WarningLine } from "./corrections.ts";
import type { UnitCompliance } from "./csv.ts";
import { writeHeading, writeSignatures, type Blocks, type Organisation } from "./heading.ts";
import { a4Landscape, ALL_BORDERS, font, heightFor, linesFor, TABLE_SIZE } from "./style.ts";
import { wallClock } from "./time.ts";

/** "20/11/2026" over "08:30", as a clock in `timeZone` showed it. */
function shownTime(at: Date, timeZone: string): string {
  const d = wallClock(at, timeZone).toISOString();
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}\n${d.slice(11, 16)}`;
}

// The sheet's own words; the report's field labels come from locales/vi.ftl like in chat.
const SHEET = {
  number: "STT",
  unit: "Khu phố",
  status: "Trạng thái",
  submittedAt: "Thời gian gửi",
  checkinsDue: "Số lượt xác nhận giúp đỡ phải có",
  checkinsDone: "Số lượt đã xác nhận giúp đỡ",
  submitted: "Đã báo cáo",
  missing: "Chưa báo cáo",
  total: "Tổng cộng",
  title: (period: Period) => `Tổng hợp tình hình thực hiện mô hình khu phố tự quản, phòng chống ma túy tháng ${displayPeriod(period)}`,
  subject: (submitted: number, total: number) => `(${submitted}/${total} khu phố đã gửi báo cáo; số liệu do trưởng khu phố báo cáo qua Vùng Xanh)`,
  reportedOf: (submitted: number, total: number) => `${submitted}/${total} đã báo cáo`,
};

/** The table's header row: STT, then Vietnamese labels as the town committee's paper form reads. */
export function xlsxHeaders(): string[] {
  return [
    SHEET.number,
    SHEET.unit,
    ...REPORT_FIELDS.map((f) => t("vi", { key: `field-${f}` })),
    SHEET.status,
    SHEET.submittedAt,
    SHEET.checkinsDue,
    SHEET.checkinsDone,
  ];
}

/**
 * Column widths, in Excel's character units. Chosen so the whole table (17 columns, 147 units)
 * fits an A4 landscape page at about 88 %: the 12 pt text prints at about 10.5 pt (measured on
 * LibreOffice's PDF). Long labels wrap in the header instead of widening it.
 */
const WIDTHS = { number: 4.5, unit: 17, count: 7.5, notes: 16, status: 9, time: 10.5, checkins: 7.5 };

/** Column numbers (1-based). */
const COL = {
  number: 1,
  unit: 2,
  count: (i: number) => 3 + i,
  notes: 3 + COUNT_FIELDS.length,
  status: 4 + COUNT_FIELDS.length,
  time: 5 + COUNT_FIELDS.length,
  due: 6 + COUNT_FIELDS.length,
  done: 7 + COUNT_FIELDS.length,
};
const LAST = COL.done;

/** Left: STT to the fourth count; middle: the next five; right: the rest. */
const BLOCKS: Blocks = { left: [1, COL.count(3)], middle: [COL.count(4), COL.count(8)], right: [COL.count(9), LAST], underName: COL.count(0), last: LAST };

/** What the document needs beyond the table's rows; each has a default for a bare call. */
export interface XlsxOptions {
  /** when the file is made: the date of the document */
  generatedAt?: Date;
  /** APP_TIMEZONE: times and the date are shown as its clock */
  timeZone?: string;
  checkins?: UnitCompliance;
  org?: Organisation;
  /** the month's confirmed warnings, for the second sheet */
  warnings?: WarningLine[];
  /** the month's corrections, for the second sheet */
  revisions?: RevisionLine[];
}

/**
 * The consolidated table as a document the town committee files: the heading of Nghị định
 * 30/2020/NĐ-CP, the title with the month, a ruled table (STT, unit, the report's fields, status,
 * time sent in `timeZone`, check-ins) with a "Tổng cộng" row of SUM formulas (their values stored
 * for viewers that do not recalculate), the signatures, A4 landscape with the header repeated and
 * page numbers; and a second sheet with the month's warnings and corrections.
 */
export async function exportXlsx(rows: ExportRow[], period: Period, options: XlsxOptions = {}): Promise<Buffer> {
  const checkins = options.checkins ?? new Map();
  const timeZone = options.timeZone ?? "Asia/Ho_Chi_Minh";
  const issuedAt = options.generatedAt ?? new Date();
  const org = options.org ?? {};
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Vùng Xanh";
  workbook.created = workbook.modified = issuedAt;

  const sheet = workbook.addWorksheet(`Báo cáo ${period}`);
  sheet.columns = xlsxHeaders().map((_, i) => {
    const c = i + 1;
    const width =
      c === COL.number ? WIDTHS.number
      : c === COL.unit ? WIDTHS.unit
      : c === COL.notes ? WIDTHS.notes
      : c === COL.status ? WIDTHS.status
      : c === COL.time ? WIDTHS.time
      : c === COL.due || c === COL.done ? WIDTHS.checkins
      : WIDTHS.count;
    return { width };
  });

  const submitted = rows.filter((r) => r.status === "submitted").length;
  const header = writeHeading(sheet, BLOCKS, {
    org,
    issuedAt,
    timeZone,
    title: SHEET.title(period),
    subject: SHEET.subject(submitted, rows.length),
  });
  const numbers = header + 1;
  const first = header + 2;
  a4Landscape(sheet, `${header}:${numbers}`);
  // Only STT and the unit stay in view when scrolling sideways: frozen heading rows would fill a
  // laptop screen. On paper the table's header repeats on every page (a4Landscape).
  sheet.views = [{ state: "frozen", xSplit: 2, ySplit: 0, topLeftCell: "C1", showGridLines: false }];

  const headers = xlsxHeaders();
  const headerRow = sheet.getRow(header);
  headerRow.values = headers;
  headerRow.height = heightFor(Math.max(...headers.map((h, i) => linesFor(h, sheet.getColumn(i + 1).width ?? 8))));
  const numberRow = sheet.getRow(numbers);
  // The column numbers under the header, as paper forms have, so a column can be named "(5)".
  numberRow.values = headers.map((_, i) => `(${i + 1})`);
  for (const [row, bold, italic] of [[headerRow, true, false], [numberRow, false, true]] as const) {
    row.eachCell((cell) => {
      cell.font = font(TABLE_SIZE, { bold, italic });
      cell.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
      cell.border = ALL_BORDERS;
    });
  }

  rows.forEach((r, i) => {
    const row = sheet.getRow(first + i);
    row.getCell(COL.number).value = i + 1;
    row.getCell(COL.unit).value = r.unit;
    COUNT_FIELDS.forEach((f, j) => (row.getCell(COL.count(j)).value = r.values ? r.values[f] : null));
    row.getCell(COL.notes).value = r.values?.notes ?? null;
    row.getCell(COL.status).value = r.status === "submitted" ? SHEET.submitted : SHEET.missing;
    // Date over time on two lines, so the column stays narrow: text, since neither Excel nor
    // LibreOffice wraps a formatted date (the CSV has the exact instant).
    if (r.submittedAt) row.getCell(COL.time).value = shownTime(r.submittedAt, timeZone);
    row.getCell(COL.due).value = checkins.get(r.unit)?.due ?? 0;
    row.getCell(COL.done).value = checkins.get(r.unit)?.done ?? 0;
    const lines = Math.max(2, linesFor(r.unit, WIDTHS.unit), linesFor(r.values?.notes ?? "", WIDTHS.notes));
    row.height = heightFor(lines);
  });

  const last = first + rows.length - 1;
  const totalsRow = sheet.getRow(first + rows.length);
  sheet.mergeCells(totalsRow.number, COL.number, totalsRow.number, COL.unit);
  totalsRow.getCell(COL.number).value = SHEET.total;
  const sum = (column: number, result: number) => {
    const letter = sheet.getColumn(column).letter;
    totalsRow.getCell(column).value = rows.length > 0 ? { formula: `SUM(${letter}${first}:${letter}${last})`, result } : 0;
  };
  const totals = sumCounts(rows.flatMap((r) => (r.values ? [{ values: r.values }] : [])));
  COUNT_FIELDS.forEach((f, j) => sum(COL.count(j), totals[f]));
  totalsRow.getCell(COL.status).value = SHEET.reportedOf(submitted, rows.length);
  sum(COL.due, rows.reduce((s, r) => s + (checkins.get(r.unit)?.due ?? 0), 0));
  sum(COL.done, rows.reduce((s, r) => s + (checkins.get(r.unit)?.done ?? 0), 0));
  totalsRow.height = heightFor(2);

  for (let r = first; r <= totalsRow.number; r++) {
    const row = sheet.getRow(r);
    const isTotal = r === totalsRow.number;
    for (let c = 1; c <= LAST; c++) {
      const cell = row.getCell(c);
      const missing = !isTotal && c === COL.status && cell.value === SHEET.missing;
      cell.font = font(TABLE_SIZE, { bold: isTotal, ...(missing ? { color: { argb: "FFC00000" } } : {}) });
      cell.border = ALL_BORDERS;
      const left = c === COL.notes || (c === COL.unit && !isTotal);
      cell.alignment = { wrapText: true, vertical: "middle", horizontal: left ? "left" : "center" };
    }
  }

  writeSignatures(sheet, BLOCKS, totalsRow.number + 2, org);
  writeCorrections(workbook, { period, timeZone, warnings: options.warnings ?? [], revisions: options.revisions ?? [] });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
