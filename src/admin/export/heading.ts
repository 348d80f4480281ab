import type ExcelJS from "exceljs";
import { documentDate } from "./time.ts";
import { font } from "./style.ts";

/** The issuing body of an exported document (ORG_NAME, ORG_PARENT, ORG_PLACE); blanks are dotted. */
export interface Organisation {
  /** the body that issues the report, e.g. "Công an thị trấn Lang Chánh" */
  name?: string;
  /** the body above it, e.g. "Công an huyện Lang Chánh" */
  parent?: string;
  /** the place written before the date, e.g. "Lang Chánh" */
  place?: string;
}

/** What is printed where a value is not configured: a line to fill in by hand. */
export const BLANK = "……………………";

/** The national title and motto (quốc hiệu, tiêu ngữ) of Nghị định 30/2020/NĐ-CP. */
export const NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const MOTTO = "Độc lập - Tự do - Hạnh phúc";

/** The number of a report ("báo cáo", BC), left blank for the office that registers it. */
export const REPORT_NUMBER = "Số:        /BC-……";

/** Who receives a document the issuing body files: its parent, the units, the archive. */
export function receivers(org: Organisation): string[] {
  return [`- ${org.parent ?? BLANK} (để báo cáo);`, "- Các khu phố, thôn (để thực hiện);", "- Lưu: VT."];
}

/** Where the left and right blocks of the heading and the signature sit, in columns. */
export interface Blocks {
  left: [number, number];
  middle: [number, number];
  right: [number, number];
  /** the column under the middle of the issuing body's name, for its short line */
  underName: number;
  last: number;
}

function put(sheet: ExcelJS.Worksheet, row: number, [from, to]: [number, number], value: string, style: Partial<ExcelJS.Font>) {
  sheet.mergeCells(row, from, row, to);
  const cell = sheet.getCell(row, from);
  cell.value = value;
  cell.font = style;
  cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
}

/**
 * The heading of Nghị định 30/2020/NĐ-CP: on the left the parent body, the issuing body (bold,
 * a short line under it) and the number; on the right the national title and motto (bold, the
 * motto underlined) and the place and date in italics; then the title across the page.
 * Returns the next free row.
 */
export function writeHeading(
  sheet: ExcelJS.Worksheet,
  blocks: Blocks,
  input: { org: Organisation; issuedAt: Date; timeZone: string; title: string; subject: string },
): number {
  const { org } = input;
  put(sheet, 1, blocks.left, (org.parent ?? BLANK).toLocaleUpperCase("vi"), font(12));
  put(sheet, 1, blocks.right, NATIONAL_TITLE, font(12, { bold: true }));
  put(sheet, 2, blocks.left, (org.name ?? BLANK).toLocaleUpperCase("vi"), font(12, { bold: true }));
  put(sheet, 2, blocks.right, MOTTO, font(13, { bold: true, underline: true }));
  // The short line under the issuing body: a third of its width, centred, as the decree draws it.
  sheet.getCell(3, blocks.underName).border = { top: { style: "thin", color: { argb: "FF000000" } } };
  sheet.getRow(3).height = 8;
  put(sheet, 4, blocks.left, REPORT_NUMBER, font(12));
  put(sheet, 4, blocks.right, `${org.place ?? BLANK}, ${documentDate(input.issuedAt, input.timeZone)}`, font(12, { italic: true }));
  sheet.getRow(1).height = sheet.getRow(4).height = 18;
  // The name sits at the top of a taller row, so its short line (and the motto's underline)
  // clears the dots below "Ị" and "Ạ".
  sheet.getRow(2).height = 22;
  for (const [from] of [blocks.left, blocks.right]) sheet.getCell(2, from).alignment = { horizontal: "center", vertical: "top", wrapText: true };
  put(sheet, 6, [1, blocks.last], "BÁO CÁO", font(14, { bold: true }));
  put(sheet, 7, [1, blocks.last], input.title, font(13, { bold: true }));
  put(sheet, 8, [1, blocks.last], input.subject, font(12, { italic: true }));
  sheet.getRow(6).height = sheet.getRow(7).height = 20;
  return 10;
}

/**
 * The end of the document: "Nơi nhận:" with its list on the left, the person who drew up the
 * table in the middle and the head of the issuing body on the right, each with room to sign and
 * a dotted line for the name. Returns the row after it.
 */
export function writeSignatures(sheet: ExcelJS.Worksheet, blocks: Blocks, first: number, org: Organisation): number {
  const left = (row: number, text: string, style: Partial<ExcelJS.Font>) => {
    sheet.mergeCells(row, blocks.left[0], row, blocks.left[1]);
    const cell = sheet.getCell(row, blocks.left[0]);
    cell.value = text;
    cell.font = style;
    cell.alignment = { horizontal: "left", vertical: "top" };
  };
  left(first, "Nơi nhận:", font(12, { bold: true, italic: true }));
  receivers(org).forEach((text, i) => left(first + 1 + i, text, font(12)));
  put(sheet, first, blocks.middle, "NGƯỜI LẬP BIỂU", font(12, { bold: true }));
  put(sheet, first + 1, blocks.middle, "(Ký, ghi rõ họ tên)", font(12, { italic: true }));
  put(sheet, first, blocks.right, "TRƯỞNG CÔNG AN", font(12, { bold: true }));
  put(sheet, first + 1, blocks.right, "(Ký, ghi rõ họ tên, đóng dấu)", font(12, { italic: true }));
  const nameRow = first + 7;
  put(sheet, nameRow, blocks.middle, BLANK, font(12, { bold: true }));
  put(sheet, nameRow, blocks.right, BLANK, font(12, { bold: true }));
  return nameRow + 1;
}
