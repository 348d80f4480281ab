import type ExcelJS from "exceljs";
import { displayPeriod, type Period } from "../../domain/period.ts";
import { a4Landscape, ALL_BORDERS, font, heightFor, linesFor, TABLE_SIZE } from "./style.ts";
import { wallClock } from "./time.ts";

/** A warning a head confirmed when reporting, as the officers were told it. */
export interface WarningLine {
  unit: string;
  text: string;
}

/** One changed field of a corrected report. */
export interface RevisionLine {
  unit: string;
  /** the field's Vietnamese label */
  field: string;
  oldValue: string | null;
  newValue: string | null;
  /** who changed it, as the committee can identify them (role and unit) */
  who: string;
  at: Date;
}

/** The name of the second sheet. */
export const CORRECTIONS_SHEET = "Cảnh báo, sửa đổi";

const WIDTHS = [5, 22, 34, 14, 14, 24, 16];
const EMPTY = "(không có)";

function ruled(row: ExcelJS.Row, bold = false) {
  for (let c = 1; c <= WIDTHS.length; c++) {
    const cell = row.getCell(c);
    cell.border = ALL_BORDERS;
    cell.font = font(TABLE_SIZE, { bold });
    cell.alignment = { wrapText: true, vertical: "middle", horizontal: bold || c === 1 || c >= 4 ? "center" : "left" };
  }
}

/**
 * The month's warnings and corrections on their own sheet: what the figures were before a head
 * changed them, who changed them and when (in `timeZone`), so the committee can see which
 * figures moved after the month was reported.
 */
export function writeCorrections(
  workbook: ExcelJS.Workbook,
  input: { period: Period; timeZone: string; warnings: WarningLine[]; revisions: RevisionLine[] },
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(CORRECTIONS_SHEET);
  sheet.columns = WIDTHS.map((width) => ({ width }));
  a4Landscape(sheet, "1:1");
  sheet.views = [{ showGridLines: false }];

  const heading = (row: number, text: string, size: number) => {
    sheet.mergeCells(row, 1, row, WIDTHS.length);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = font(size, { bold: true });
    cell.alignment = { horizontal: size > 12 ? "center" : "left", vertical: "middle" };
    sheet.getRow(row).height = heightFor(1, size);
  };
  heading(1, `CẢNH BÁO VÀ SỬA ĐỔI BÁO CÁO THÁNG ${displayPeriod(input.period)}`, 14);

  let r = 3;
  heading(r++, "I. Cảnh báo trưởng khu phố đã xác nhận khi báo cáo", 12);
  const warnHeader = sheet.getRow(r++);
  warnHeader.values = ["STT", "Khu phố", "Nội dung cảnh báo"];
  sheet.mergeCells(warnHeader.number, 3, warnHeader.number, WIDTHS.length);
  ruled(warnHeader, true);
  if (input.warnings.length === 0) {
    const row = sheet.getRow(r++);
    sheet.mergeCells(row.number, 1, row.number, WIDTHS.length);
    row.getCell(1).value = EMPTY;
    ruled(row);
  }
  input.warnings.forEach((w, i) => {
    const row = sheet.getRow(r++);
    row.values = [i + 1, w.unit, w.text];
    sheet.mergeCells(row.number, 3, row.number, WIDTHS.length);
    ruled(row);
    row.height = heightFor(Math.max(linesFor(w.unit, WIDTHS[1]!), linesFor(w.text, 100)));
  });

  r++;
  heading(r++, "II. Các lần sửa báo cáo (số cũ, số mới, người sửa, thời gian)", 12);
  const revHeader = sheet.getRow(r++);
  revHeader.values = ["STT", "Khu phố", "Mục", "Số cũ", "Số mới", "Người sửa", "Thời gian"];
  ruled(revHeader, true);
  if (input.revisions.length === 0) {
    const row = sheet.getRow(r++);
    sheet.mergeCells(row.number, 1, row.number, WIDTHS.length);
    row.getCell(1).value = EMPTY;
    ruled(row);
  }
  input.revisions.forEach((v, i) => {
    const row = sheet.getRow(r++);
    row.values = [i + 1, v.unit, v.field, v.oldValue ?? "", v.newValue ?? "", v.who, wallClock(v.at, input.timeZone)];
    ruled(row);
    row.getCell(7).numFmt = "dd/mm/yyyy hh:mm";
    const text = (n: number, s: string) => linesFor(s, WIDTHS[n]!);
    row.height = heightFor(Math.max(text(1, v.unit), text(2, v.field), text(3, v.oldValue ?? ""), text(4, v.newValue ?? ""), text(5, v.who)));
  });
  return sheet;
}
