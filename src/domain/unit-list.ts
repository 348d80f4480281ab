import { fold } from "./text.ts";
import { Households, readClassification, UnitName, unitSearchName, type Classification } from "./units.ts";

/**
 * The committee's list of neighbourhoods, as a table: a header row naming the columns (in
 * English or Vietnamese), then one row per unit. Reading it is pure: files are opened elsewhere.
 */

/** A row of the file as text cells, with its line (CSV) or row number (XLSX) for the operator. */
export interface RawRow {
  line: number;
  cells: string[];
}

/** One good row: a name, and what it sets (absent: kept for a known unit, the default for a new one). */
export interface UnitListRow {
  line: number;
  name: string;
  households?: number;
  classification?: Classification;
}

export interface RowError {
  line: number;
  reason: string;
}

export type UnitListResult = { ok: true; rows: UnitListRow[] } | { ok: false; errors: RowError[] };

type Column = "name" | "households" | "class";

// Headers as committees write them, folded (no diacritics, lower case).
const HEADERS: Record<string, Column> = {
  name: "name", unit: "name", ten: "name", "ten khu pho": "name", "khu pho": "name", "ten don vi": "name", "don vi": "name", "thon, khu pho": "name", "ten thon": "name",
  households: "households", "so ho": "households", ho: "households", "tong so ho": "households",
  class: "class", classification: "class", "phan loai": "class", loai: "class",
};

/** Reads the header and every row; every bad row is reported with its line and reason. */
export function readUnitList(rows: RawRow[]): UnitListResult {
  const [header, ...body] = rows;
  if (!header) return { ok: false, errors: [{ line: 1, reason: "the file is empty: expected a header row (name, households, class) and one row per unit" }] };
  const columns = new Map<Column, number>();
  header.cells.forEach((cell, i) => {
    const column = HEADERS[fold(cell).replace(/[.:*]+$/, "")];
    if (column && !columns.has(column)) columns.set(column, i);
  });
  const nameAt = columns.get("name");
  if (nameAt === undefined) {
    return { ok: false, errors: [{ line: header.line, reason: `no name column in the header (got "${header.cells.join(", ")}"; expected name or "Tên", with households or "Số hộ" and class or "Phân loại")` }] };
  }
  const errors: RowError[] = [];
  const good: UnitListRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of body) {
    const cell = (c: Column) => {
      const at = columns.get(c);
      return at === undefined ? "" : (cells[at] ?? "").trim();
    };
    const bad = (reason: string) => errors.push({ line, reason });
    const name = UnitName.safeParse(cell("name").normalize("NFC").replace(/\s+/g, " "));
    if (!name.success) {
      bad(`name: ${name.error.issues[0]!.message}`);
      continue;
    }
    const row: UnitListRow = { line, name: name.data };
    const first = seen.get(unitSearchName(name.data));
    if (first !== undefined) bad(`"${name.data}" is also on line ${first}`);
    else seen.set(unitSearchName(name.data), line);
    const households = cell("households").replace(/[.,\s](?=\d{3}\b)/g, "");
    if (households) {
      const n = /^\d+$/.test(households) ? Households.safeParse(households) : undefined;
      if (n?.success) row.households = n.data;
      else bad(`households: expected a whole number from 0 to 100000 (got "${cell("households")}")`);
    }
    const classText = cell("class");
    if (classText) {
      const cls = readClassification(classText);
      if (cls) row.classification = cls;
      else bad(`class: expected priority ("trọng điểm"), has_cases ("đã có người nghiện") or clean ("chưa có") (got "${classText}")`);
    }
    good.push(row);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows: good };
}
