import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ReportValues } from "../../src/domain/report.ts";
import { saveReport } from "../../src/store/reports.ts";
import { unitByName } from "../../src/store/units.ts";
import { freshDb } from "../support/db.ts";
import { adminOn } from "./harness.ts";

let env: Awaited<ReturnType<typeof freshDb>>;
let admin: ReturnType<typeof adminOn>;
let dir: string;

const nguyenTrai: ReportValues = {
  addicts: 10, suspected: 4, newCases: 1, familyRehab: 3, compulsoryReferrals: 0, relapses: 0,
  householdsCommitted: 100, propagandaSessions: 2, incidents: 0, suspectedSpots: 1,
  notes: 'Cần thêm loa, tờ rơi "5 điều"',
};
const chiLinh: ReportValues = {
  addicts: 5, suspected: 2, newCases: 0, familyRehab: 2, compulsoryReferrals: 1, relapses: 1,
  householdsCommitted: 90, propagandaSessions: 1, incidents: 1, suspectedSpots: 0, notes: null,
};

async function report(unitName: string, period: string, values: ReportValues, at: string) {
  const unit = (await unitByName(env.db, unitName))!;
  const head = await env.db.person.create({ data: { role: "head", unitId: unit.id } });
  await saveReport(env.db, { unitId: unit.id, period, values, warnings: [], personId: head.id, now: new Date(at) });
}

beforeEach(async () => {
  env = await freshDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "vungxanh-export-"));
  admin = adminOn(env.db, { cwd: dir });
  await admin("units", "add", "Khu phố Nguyễn Trãi", "--households", "150", "--class", "priority");
  await admin("units", "add", "Thôn Đồng Tâm", "--households", "60");
  await admin("units", "add", "Khu phố Chí Linh", "--households", "120", "--class", "priority");
  await report("Khu phố Nguyễn Trãi", "2025-01", nguyenTrai, "2025-01-21T01:30:00Z");
  await report("Khu phố Chí Linh", "2025-01", chiLinh, "2025-01-24T09:05:00Z");
  // Another month's report must not leak into January's table.
  await report("Thôn Đồng Tâm", "2024-12", chiLinh, "2024-12-22T03:00:00Z");
});
afterEach(async () => {
  await env.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

const CSV_JANUARY = [
  "unit,addicts,suspected,newCases,familyRehab,compulsoryReferrals,relapses,householdsCommitted,propagandaSessions,incidents,suspectedSpots,notes,status,submittedAt,checkinsDue,checkinsDone",
  "Khu phố Chí Linh,5,2,0,2,1,1,90,1,1,0,,submitted,2025-01-24T09:05:00.000Z,0,0",
  'Khu phố Nguyễn Trãi,10,4,1,3,0,0,100,2,0,1,"Cần thêm loa, tờ rơi ""5 điều""",submitted,2025-01-21T01:30:00.000Z,0,0',
  "Thôn Đồng Tâm,,,,,,,,,,,,missing,,0,0",
].join("\n") + "\n";

describe("export as CSV", () => {
  it("prints the header and one row per unit in name order, a missing unit's counts empty", async () => {
    const result = await admin("export", "--month", "2025-01");
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toBe(CSV_JANUARY);
  });

  it("writes the same text to --out, relative to the working directory", async () => {
    const result = await admin("export", "--month", "2025-01", "--format", "csv", "--out", "jan.csv");
    expect(result.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "jan.csv"), "utf8")).toBe(CSV_JANUARY);
    expect(result.stdout).toBe(`wrote ${path.join(dir, "jan.csv")}: 2025-01, 2 of 3 units reported\n`);
  });

  it("keeps a note that looks like a formula as text", async () => {
    await report("Thôn Đồng Tâm", "2025-01", { ...chiLinh, notes: "=HYPERLINK(\"http://x\")" }, "2025-01-25T00:00:00Z");
    const result = await admin("export", "--month", "2025-01");
    expect(result.lines.find((l) => l.startsWith("Thôn Đồng Tâm"))).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it("lists every unit as missing for a month nobody reported", async () => {
    const result = await admin("export", "--month", "2025-02");
    expect(result.lines.slice(1)).toEqual([
      "Khu phố Chí Linh,,,,,,,,,,,,missing,,0,0",
      "Khu phố Nguyễn Trãi,,,,,,,,,,,,missing,,0,0",
      "Thôn Đồng Tâm,,,,,,,,,,,,missing,,0,0",
    ]);
  });
});

const HEADERS = [
  "Khu phố",
  "Số người nghiện có hồ sơ quản lý",
  "Số người nghi nghiện",
  "Số người nghiện phát sinh mới",
  "Số người cai nghiện tại gia đình, cộng đồng",
  "Số hồ sơ đề nghị cai nghiện bắt buộc",
  "Số người tái nghiện",
  "Số hộ đã ký cam kết",
  "Số buổi tuyên truyền",
  "Số vụ việc liên quan ma túy",
  "Số điểm nghi mua bán, sử dụng",
  "Kiến nghị, đề xuất",
  "Trạng thái",
  "Thời gian gửi",
];

async function readSheet(file: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0]!;
  const cells = (row: number) => HEADERS.map((_, i) => sheet.getRow(row).getCell(i + 1));
  const values = (row: number) => cells(row).map((c) => c.value);
  let header = 1;
  while (header <= sheet.rowCount && sheet.getRow(header).getCell(1).value !== "Khu phố") header++;
  return { sheet, cells, values, header };
}

describe("export as XLSX", () => {
  it("writes a sheet with Vietnamese headers, numeric cells, Vietnamese status and a totals row", async () => {
    const file = path.join(dir, "thang-1.xlsx");
    const result = await admin("export", "--month", "2025-01", "--format", "xlsx", "--out", file);
    expect(result).toMatchObject({ code: 0, stderr: "", stdout: `wrote ${file}: 2025-01, 2 of 3 units reported\n` });

    const { sheet, cells, values, header } = await readSheet(file);
    expect(values(header)).toEqual(HEADERS);
    expect(cells(header)[0]!.font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: header });

    const [chi, nguyen, dong, totals] = [header + 1, header + 2, header + 3, header + 4];
    expect(values(chi).slice(0, 13)).toEqual(["Khu phố Chí Linh", 5, 2, 0, 2, 1, 1, 90, 1, 1, 0, null, "Đã báo cáo"]);
    expect(values(nguyen).slice(0, 13)).toEqual([
      "Khu phố Nguyễn Trãi", 10, 4, 1, 3, 0, 0, 100, 2, 0, 1, 'Cần thêm loa, tờ rơi "5 điều"', "Đã báo cáo",
    ]);
    for (const cell of cells(nguyen).slice(1, 11)) expect(cell.type).toBe(ExcelJS.ValueType.Number);
    // The time a head sent it, as a clock in Việt Nam showed it (UTC+7).
    expect(cells(nguyen)[13]!.value).toEqual(new Date("2025-01-21T08:30:00Z"));
    expect(cells(nguyen)[13]!.numFmt).toBe("dd/mm/yyyy hh:mm");
    expect(values(dong)).toEqual(["Thôn Đồng Tâm", ...Array(11).fill(null), "Chưa báo cáo", null]);

    expect(cells(totals)[0]!.value).toBe("Tổng cộng");
    expect(cells(totals).slice(1, 11).map((c) => c.result)).toEqual([15, 6, 1, 5, 1, 1, 190, 3, 1, 1]);
    expect(cells(totals)[1]!.formula).toBe(`SUM(B${chi}:B${dong})`);
    expect(cells(totals)[12]!.value).toBe("2/3 đã báo cáo");
    expect(sheet.rowCount).toBe(totals);
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual("Khu phố Nguyễn Trãi".length);
  });

  it("writes vungxanh-YYYY-MM.xlsx in the working directory without --out", async () => {
    const result = await admin("export", "--month", "2025-01", "--format", "xlsx");
    expect(result.code).toBe(0);
    const { values, header } = await readSheet(path.join(dir, "vungxanh-2025-01.xlsx"));
    expect(values(header + 1)[0]).toBe("Khu phố Chí Linh");
  });

  it("refuses a file it cannot write, leaving nothing behind", async () => {
    const result = await admin("export", "--month", "2025-01", "--format", "xlsx", "--out", "no/such/dir/x.xlsx");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: cannot write .*x\.xlsx \(ENOENT\)\n$/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe("export arguments", () => {
  it.each([
    [["--month", "2025-13"], 'error: --month: expected a month as YYYY-MM (got "2025-13")'],
    [["--month", "2025-1"], 'error: --month: expected a month as YYYY-MM (got "2025-1")'],
    [["--month", "01/2025"], 'error: --month: expected a month as YYYY-MM (got "01/2025")'],
    [["--month"], "error: --month needs a value"],
    [[], 'error: "export" needs --month YYYY-MM'],
    [["--month", "2025-01", "--format", "pdf"], 'error: --format: expected one of csv, xlsx (got "pdf")'],
    [["--month", "2025-01", "--out", ""], "error: --out: the file name is empty"],
    [["--month", "2025-01", "january"], 'error: unexpected argument "january" for "export" (see --help)'],
    [["--month", "2025-01", "--unit", "x"], 'error: unknown flag --unit for "export" (see --help)'],
  ])("refuses %j with exit 2 and one line, writing nothing", async (args, line) => {
    const result = await admin("export", ...args);
    expect(result).toEqual({ code: 2, stdout: "", stderr: `${line}\n`, lines: [] });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
