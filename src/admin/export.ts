import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { Period } from "../domain/period.ts";
import type { ReportWarning } from "../domain/report.ts";
import { consolidatedTable } from "../domain/summary.ts";
import { t } from "../i18n.ts";
import { complianceByUnit } from "../store/cases.ts";
import { reportsOf, revisionsOfPeriod } from "../store/reports.ts";
import { unitsActiveIn } from "../store/units.ts";
import { fail, noPositionals, parseFlags, validate } from "./args.ts";
import type { RevisionLine, WarningLine } from "./export/corrections.ts";
import { BOM, exportCsv } from "./export/csv.ts";
import { exportXlsx } from "./export/xlsx.ts";
import type { AdminIo } from "./io.ts";
import type { Organisation } from "./export/heading.ts";
import type { Db } from "../store/client.ts";

export { BOM, CSV_COLUMNS, exportCsv, type UnitCompliance } from "./export/csv.ts";
export { exportXlsx, xlsxHeaders } from "./export/xlsx.ts";
export type { Organisation } from "./export/heading.ts";

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

/** What {@link monthlyExport} needs besides the database: the clock, the time zone and the issuing body. */
export interface MonthlyExportOptions {
  now: Date;
  timeZone: string;
  org?: Organisation;
}

/** The consolidated table of a month as a file: its bytes and how many units reported. */
export interface MonthlyExport {
  content: Buffer;
  submitted: number;
  units: number;
}

/**
 * The consolidated table of a month, every unit in service that month, reported or not, as the
 * bytes of a file: the fileable XLSX, or the CSV with a byte-order mark (so a spreadsheet reads
 * its Vietnamese). The `export` command and the console's documents page both write these bytes.
 */
export async function monthlyExport(db: Db, period: Period, format: ExportFormat, options: MonthlyExportOptions): Promise<MonthlyExport> {
  const { rows, checkins, units, reports } = await monthTable(db, period, options);
  let content: Buffer;
  if (format === "csv") {
    content = Buffer.from(BOM + exportCsv(rows, checkins, options.timeZone), "utf8");
  } else {
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const warnings: WarningLine[] = reports
      .filter((r) => unitName.has(r.unitId))
      .flatMap((r) => r.warnings.map((w) => ({ unit: unitName.get(r.unitId)!, text: warningText(w) })))
      // In the table's order: by unit name, as Vietnamese sorts.
      .sort((a, b) => a.unit.localeCompare(b.unit, "vi"));
    const revisions: RevisionLine[] = (await revisionsOfPeriod(db, period)).map((v) => ({
      unit: unitName.get(v.unitId) ?? "",
      field: t("vi", { key: `field-${v.field}` }),
      oldValue: v.oldValue,
      newValue: v.newValue,
      who: personLabel(v.changedBy, unitName),
      at: v.changedAt,
    }));
    content = await exportXlsx(rows, period, { generatedAt: options.now, timeZone: options.timeZone, checkins, org: options.org, warnings, revisions });
  }
  return { content, submitted: rows.filter((r) => r.status === "submitted").length, units: rows.length };
}

/** The month's rows and check-in counts, read once for either format. */
async function monthTable(db: Db, period: Period, options: MonthlyExportOptions) {
  // A unit retired later still belongs to the months before it was retired.
  const units = await unitsActiveIn(db, period);
  const reports = await reportsOf(db, period);
  const rows = consolidatedTable(units, reports);
  const byUnit = await complianceByUnit(db, period, options.timeZone, options.now);
  const checkins = new Map(units.map((u) => [u.name, byUnit.get(u.id) ?? { due: 0, done: 0 }]));
  return { units, reports, rows, checkins };
}

/** Writes the consolidated table of a month: every unit in service that month, reported or not. */
export async function runExportCommand(command: ExportCommand, io: AdminIo): Promise<void> {
  const options = { now: io.now, timeZone: io.timeZone ?? "Asia/Ho_Chi_Minh", org: io.org };
  if (command.format === "csv" && command.out === null) {
    const { rows, checkins } = await monthTable(io.db, command.period, options);
    // One call: a quoted note may hold line breaks, so the text is not split into lines. No
    // byte-order mark here: standard output is read by scripts; a file for people gets one.
    io.out(exportCsv(rows, checkins, options.timeZone).replace(/\n$/, ""));
    return;
  }
  const made = await monthlyExport(io.db, command.period, command.format, options);
  const file = path.resolve(io.cwd ?? process.cwd(), command.out ?? defaultXlsxFile(command.period));
  writeWhole(file, made.content);
  io.out(`wrote ${file}: ${command.period}, ${made.submitted} of ${made.units} units reported`);
}

/**
 * Writes through a temporary file and a rename, so a failed export never leaves half a file where
 * last month's good one was. A path that cannot be written is the operator's to fix: a UsageError.
 */
export function writeWhole(file: string, content: Buffer): void {
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

/** A confirmed warning in the words the officers were alerted with. */
function warningText(w: ReportWarning): string {
  return w.rule === "big-change"
    ? t("vi", { key: "warn-big-change", args: { label: { key: `field-${w.field}` }, previous: w.previous, value: w.value } })
    : t("vi", { key: "warn-new-cases-in-clean-unit", args: { value: w.value } });
}

/** People have no names in the product: the committee knows them by role, unit and number. */
function personLabel(p: { id: number; role: string | null; unitId: number | null }, unitName: Map<number, string>): string {
  const role = p.role ? t("vi", { key: `role-${p.role}` }) : "người dùng";
  const unit = p.unitId !== null && unitName.has(p.unitId) ? `${unitName.get(p.unitId)}, ` : "";
  return `${role.charAt(0).toLocaleUpperCase("vi")}${role.slice(1)} (${unit}#${p.id})`;
}
