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

const ORG = { name: "Công an thị trấn Lang Chánh", parent: "Công an huyện Lang Chánh", place: "Lang Chánh" };

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
  admin = adminOn(env.db, { cwd: dir, org: ORG });
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
  "Khu phố Chí Linh,5,2,0,2,1,1,90,1,1,0,,submitted,2025-01-24T16:05:00+07:00,0,0",
  'Khu phố Nguyễn Trãi,10,4,1,3,0,0,100,2,0,1,"Cần thêm loa, tờ rơi ""5 điều""",submitted,2025-01-21T08:30:00+07:00,0,0',
  "Thôn Đồng Tâm,,,,,,,,,,,,missing,,0,0",
].join("\n") + "\n";

describe("export as CSV", () => {
  it("prints the header and one row per unit in name order, a missing unit's counts empty, times with their offset", async () => {
    const result = await admin("export", "--month", "2025-01");
    expect(result).toMatchObject({ code: 0, stderr: "" });
    // Standard output is for scripts: no byte-order mark in front of the header.
    expect(result.stdout).toBe(CSV_JANUARY);
  });

  it("keeps a unit retired this month in the months before, and leaves it out from this month on", async () => {
    expect((await admin("units", "retire", "Thôn Đồng Tâm")).code).toBe(0);
    const january = (await admin("export", "--month", "2025-01")).stdout;
    const february = (await admin("export", "--month", "2025-02")).stdout;
    expect(january).toContain("Thôn Đồng Tâm");
    expect(february).not.toContain("Thôn Đồng Tâm");
    expect(february).toContain("Khu phố Chí Linh");
  });

  it("shows times in APP_TIMEZONE with that zone's offset", async () => {
    const result = await adminOn(env.db, { cwd: dir, timeZone: "America/New_York" })("export", "--month", "2025-01");
    expect(result.lines[1]).toContain(",submitted,2025-01-24T04:05:00-05:00,");
    expect(new Date("2025-01-24T04:05:00-05:00").toISOString()).toBe("2025-01-24T09:05:00.000Z");
  });

  it("writes the same text to --out after a UTF-8 byte-order mark, so Excel reads the accents", async () => {
    const result = await admin("export", "--month", "2025-01", "--format", "csv", "--out", "jan.csv");
    expect(result.code).toBe(0);
    const bytes = fs.readFileSync(path.join(dir, "jan.csv"));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString("utf8")).toBe(CSV_JANUARY);
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
  "STT",
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
  "Số lượt xác nhận giúp đỡ phải có",
  "Số lượt đã xác nhận giúp đỡ",
];

async function readSheet(file: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0]!;
  const cells = (row: number) => HEADERS.map((_, i) => sheet.getRow(row).getCell(i + 1));
  const values = (row: number) => cells(row).map((c) => c.value);
  let header = 1;
  while (header <= sheet.rowCount && sheet.getRow(header).getCell(1).value !== "STT") header++;
  return { sheet, cells, values, header };
}

/** The non-empty text cells of rows `from` to `to` (each merged range once). */
function cellTexts(sheet: ExcelJS.Worksheet, from: number, to: number) {
  const found: { text: string; cell: ExcelJS.Cell }[] = [];
  for (let r = from; r <= to; r++) {
    sheet.getRow(r).eachCell((cell) => {
      if (typeof cell.value === "string" && cell.value !== "" && cell.master === cell) found.push({ text: cell.value, cell });
    });
  }
  return found;
}

describe("export as XLSX", () => {
  it("writes a ruled table: STT, Vietnamese headers, numeric cells, Vietnamese status, times in Việt Nam, a totals row", async () => {
    const file = path.join(dir, "thang-1.xlsx");
    const result = await admin("export", "--month", "2025-01", "--format", "xlsx", "--out", file);
    expect(result).toMatchObject({ code: 0, stderr: "", stdout: `wrote ${file}: 2025-01, 2 of 3 units reported\n` });

    const { sheet, cells, values, header } = await readSheet(file);
    expect(values(header)).toEqual(HEADERS);
    expect(values(header + 1)).toEqual(HEADERS.map((_, i) => `(${i + 1})`));
    expect(cells(header)[0]!.font).toMatchObject({ bold: true, name: "Times New Roman" });
    expect(cells(header).every((c) => c.alignment?.wrapText)).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", xSplit: 2 });

    const [chi, nguyen, dong, totals] = [header + 2, header + 3, header + 4, header + 5];
    expect(values(chi).slice(0, 14)).toEqual([1, "Khu phố Chí Linh", 5, 2, 0, 2, 1, 1, 90, 1, 1, 0, null, "Đã báo cáo"]);
    expect(values(nguyen).slice(0, 14)).toEqual([
      2, "Khu phố Nguyễn Trãi", 10, 4, 1, 3, 0, 0, 100, 2, 0, 1, 'Cần thêm loa, tờ rơi "5 điều"', "Đã báo cáo",
    ]);
    for (const cell of cells(nguyen).slice(2, 12)) expect(cell.type).toBe(ExcelJS.ValueType.Number);
    // The time a head sent it, as a clock in Việt Nam showed it (UTC+7), date over time.
    expect(cells(nguyen)[14]!.value).toBe("21/01/2025\n08:30");
    expect(values(dong)).toEqual([3, "Thôn Đồng Tâm", ...Array(11).fill(null), "Chưa báo cáo", null, 0, 0]);

    expect(cells(totals)[0]!.value).toBe("Tổng cộng");
    expect(cells(totals).slice(2, 12).map((c) => c.result)).toEqual([15, 6, 1, 5, 1, 1, 190, 3, 1, 1]);
    expect(cells(totals)[2]!.formula).toBe(`SUM(C${chi}:C${dong})`);
    expect(cells(totals)[13]!.value).toBe("2/3 đã báo cáo");
    expect(cells(totals)[2]!.font?.bold).toBe(true);

    // Every cell of the table, header to totals, is ruled on all four sides.
    for (let row = header; row <= totals; row++) {
      for (const cell of cells(row)) {
        expect(cell.border, `${cell.address}`).toMatchObject({
          top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" },
        });
      }
    }
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(16);
  });

  it("has the heading of Nghị định 30/2020/NĐ-CP: bodies, number, national title and motto, place and date, title with the month", async () => {
    const file = path.join(dir, "thang-1.xlsx");
    await admin("export", "--month", "2025-01", "--format", "xlsx", "--out", file);
    const { sheet, header } = await readSheet(file);
    const texts = cellTexts(sheet, 1, header - 1);
    const at = (text: string) => texts.find((c) => c.text === text)?.cell;

    expect(at("CÔNG AN HUYỆN LANG CHÁNH")!.col).toBe(1);
    const body = at("CÔNG AN THỊ TRẤN LANG CHÁNH")!;
    expect(body.font).toMatchObject({ bold: true });
    // The short line under the issuing body: a top border on one cell of the row below, in its block.
    const line = [...Array(6).keys()].map((i) => sheet.getCell(Number(body.row) + 1, i + 1)).filter((c) => c.border?.top);
    expect(line).toHaveLength(1);
    expect(texts.find((c) => c.text.startsWith("Số:"))!.text).toMatch(/^Số: +\/BC-/);

    const nation = at("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")!;
    expect(nation.font).toMatchObject({ bold: true });
    expect(Number(nation.col)).toBeGreaterThan(6);
    expect(at("Độc lập - Tự do - Hạnh phúc")!.font).toMatchObject({ bold: true, underline: true });
    // NOW is 2025-02-03 09:00 in Việt Nam: day and month 1–2 take a leading zero.
    expect(at("Lang Chánh, ngày 03 tháng 02 năm 2025")!.font).toMatchObject({ italic: true });

    expect(at("BÁO CÁO")!.font).toMatchObject({ bold: true });
    expect(texts.some((c) => c.text.startsWith("Tổng hợp tình hình") && c.text.endsWith("tháng 01/2025"))).toBe(true);
  });

  it("leaves dotted blanks to fill by hand when ORG_NAME, ORG_PARENT and ORG_PLACE are not set", async () => {
    const file = path.join(dir, "thang-1.xlsx");
    await adminOn(env.db, { cwd: dir })("export", "--month", "2025-01", "--format", "xlsx", "--out", file);
    const { sheet, header } = await readSheet(file);
    const texts = cellTexts(sheet, 1, header - 1).map((c) => c.text);
    expect(texts).toContain("……………………, ngày 03 tháng 02 năm 2025");
    expect(texts.filter((t) => t === "……………………")).toHaveLength(2);
  });

  it("prints on A4 landscape, one page wide at a readable size, the header repeated, page numbers in the footer", async () => {
    const file = path.join(dir, "thang-1.xlsx");
    await admin("export", "--month", "2025-01", "--format", "xlsx", "--out", file);
    const { sheet, header } = await readSheet(file);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.pageSetup.printTitlesRow).toBe(`${header}:${header + 1}`);
    expect(sheet.headerFooter.oddFooter).toContain("Trang &P/&N");
    // A4 landscape holds about 130 width units at 100 %: 150 at most keeps the 12 pt text
    // at 10 pt or more once fitted (export-pdf.test.ts measures it in the printed PDF).
    const widths = HEADERS.map((_, i) => sheet.getColumn(i + 1).width ?? 0);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(150);
    expect(sheet.getRow(header + 2).getCell(2).font?.size).toBe(12);
  });

  it("ends with the signature block: the receivers on the left, who drew it up and the head on the right", async () => {
    const file = path.join(dir, "thang-1.xlsx");
    await admin("export", "--month", "2025-01", "--format", "xlsx", "--out", file);
    const { sheet, header } = await readSheet(file);
    const totals = header + 5;
    const texts = cellTexts(sheet, totals + 1, sheet.rowCount);
    const at = (text: string) => texts.find((c) => c.text === text)?.cell;
    expect(at("Nơi nhận:")!.col).toBe(1);
    expect(texts.map((c) => c.text)).toEqual(expect.arrayContaining(["- Công an huyện Lang Chánh (để báo cáo);", "- Lưu: VT."]));
    expect(at("NGƯỜI LẬP BIỂU")!.font).toMatchObject({ bold: true });
    const head = at("TRƯỞNG CÔNG AN")!;
    expect(Number(head.col)).toBeGreaterThan(Number(at("NGƯỜI LẬP BIỂU")!.col));
    expect(at("(Ký, ghi rõ họ tên, đóng dấu)")!.font).toMatchObject({ italic: true });
    // Room to sign: the dotted name line is several rows below the role.
    const nameLine = texts.filter((c) => c.text === "……………………").map((c) => Number(c.cell.row));
    expect(nameLine.length).toBe(2);
    expect(Math.min(...nameLine) - Number(head.row)).toBeGreaterThanOrEqual(4);
  });

  it("lists the month's warnings and corrections on a second sheet, times in Việt Nam", async () => {
    const unit = (await unitByName(env.db, "Khu phố Chí Linh"))!;
    const head = await env.db.person.create({ data: { role: "head", unitId: unit.id } });
    await saveReport(env.db, {
      unitId: unit.id, period: "2025-01", values: { ...chiLinh, householdsCommitted: 100, incidents: 3 },
      warnings: [{ rule: "big-change", field: "incidents", previous: 1, value: 3 }],
      personId: head.id, now: new Date("2025-01-26T02:15:00Z"),
    });
    const file = path.join(dir, "thang-1.xlsx");
    await admin("export", "--month", "2025-01", "--format", "xlsx", "--out", file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const second = workbook.worksheets[1]!;
    expect(second.name).toBe("Cảnh báo, sửa đổi");
    expect(second.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1 });
    const rows = second.getSheetValues().filter(Boolean).map((r) => (r as ExcelJS.CellValue[]).slice(1));
    const find = (first: unknown, second: unknown) => rows.find((r) => r[0] === first && r[1] === second);

    expect(rows[0]![0]).toBe("CẢNH BÁO VÀ SỬA ĐỔI BÁO CÁO THÁNG 01/2025");
    expect(find(1, "Khu phố Chí Linh")![2]).toBe("Số vụ việc liên quan ma túy thay đổi nhiều so với tháng trước: 1 → 3.");
    const header = rows.findIndex((r) => r[2] === "Mục");
    expect(rows[header]).toEqual(["STT", "Khu phố", "Mục", "Số cũ", "Số mới", "Người sửa", "Thời gian"]);
    expect(rows.slice(header + 1)).toEqual([
      [1, "Khu phố Chí Linh", "Số hộ đã ký cam kết", "90", "100", `Trưởng khu phố (Khu phố Chí Linh, #${head.id})`, new Date("2025-01-26T09:15:00Z")],
      [2, "Khu phố Chí Linh", "Số vụ việc liên quan ma túy", "1", "3", `Trưởng khu phố (Khu phố Chí Linh, #${head.id})`, new Date("2025-01-26T09:15:00Z")],
    ]);
    expect(second.lastRow!.getCell(7).numFmt).toBe("dd/mm/yyyy hh:mm");
  });

  it("says (không có) on the second sheet for a month with no warnings or corrections", async () => {
    const file = path.join(dir, "thang-1.xlsx");
    await admin("export", "--month", "2025-01", "--format", "xlsx", "--out", file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const values = workbook.worksheets[1]!.getSheetValues().filter(Boolean).map((r) => (r as ExcelJS.CellValue[])[1]);
    expect(values.filter((v) => v === "(không có)")).toHaveLength(2);
  });

  it("writes vungxanh-YYYY-MM.xlsx in the working directory without --out", async () => {
    const result = await admin("export", "--month", "2025-01", "--format", "xlsx");
    expect(result.code).toBe(0);
    const { values, header } = await readSheet(path.join(dir, "vungxanh-2025-01.xlsx"));
    expect(values(header + 2)[1]).toBe("Khu phố Chí Linh");
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
