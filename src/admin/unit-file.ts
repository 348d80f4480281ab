import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { RawRow } from "../domain/unit-list.ts";
import { fail } from "./args.ts";

/**
 * Reads a committee's list of units as text rows: CSV (comma or semicolon, as Excel writes it in
 * Vietnamese settings, with or without a BOM) or the first sheet of an XLSX workbook. Rows keep
 * their line in the file, so every error names a line the operator can find.
 */
export async function readUnitFile(file: string): Promise<RawRow[]> {
  if (!fs.existsSync(file)) fail(`no file ${file}`);
  const ext = path.extname(file).toLowerCase();
  if (ext === ".xlsx") return readXlsx(file);
  if (ext === ".csv" || ext === ".txt") return readCsv(fs.readFileSync(file, "utf8"));
  return fail(`${file}: expected a .csv or .xlsx file`);
}

/** CSV text as rows; a quoted cell may span lines, and its row is the line it starts on. */
export function readCsv(text: string): RawRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, delimiter: [",", ";"], relax_column_count: true, skip_empty_lines: true, trim: true, info: true }) as unknown as typeof records;
  } catch (error) {
    return fail(`the CSV cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  // info.lines is the line the record ends on; count back its own line breaks.
  return records
    .map(({ record, info }) => ({ line: info.lines - record.join("").split("\n").length + 1, cells: record }))
    .filter((r) => r.cells.some((c) => c.trim() !== ""));
}

/**
 * The same list from bytes (a file uploaded to the console), told apart by the file's name as
 * `units import` tells them by the path's extension.
 */
export async function readUnitBytes(fileName: string, bytes: Buffer): Promise<RawRow[]> {
  const ext = path.extname(fileName).toLowerCase();
  if (ext === ".xlsx") return readXlsx(fileName, (workbook) => workbook.xlsx.load(bytes as unknown as ArrayBuffer));
  if (ext === ".csv" || ext === ".txt") return readCsv(bytes.toString("utf8"));
  return fail(`${fileName}: expected a .csv or .xlsx file`);
}

async function readXlsx(file: string, load: (workbook: ExcelJS.Workbook) => Promise<unknown> = (w) => w.xlsx.readFile(file)): Promise<RawRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await load(workbook);
  } catch (error) {
    return fail(`${file}: not a readable XLSX workbook (${error instanceof Error ? error.message : String(error)})`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c).text.trim());
    if (cells.some((c) => c !== "")) rows.push({ line: row.number, cells });
  });
  return rows;
}
