import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportValues } from "../../src/domain/report.ts";
import { saveReport } from "../../src/store/reports.ts";
import { unitByName } from "../../src/store/units.ts";
import { freshDb } from "../support/db.ts";
import { adminOn } from "./harness.ts";

/**
 * The XLSX as the committee will see it on paper: LibreOffice prints it to PDF, and the PDF's
 * text, page count, page size and the printed size of the table's letters are checked. Needs
 * `soffice` (libreoffice-calc) and poppler-utils; skipped, saying so, where they are missing.
 */

function found(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
}
const tools = ["soffice", "pdftotext", "pdfinfo"].filter((c) => !found(c));
if (tools.length > 0) {
  console.warn(`export-pdf.test.ts skipped: ${tools.join(", ")} missing (apt-get install -y libreoffice-calc poppler-utils)`);
}

const values = (addicts: number, households: number): ReportValues => ({
  addicts, suspected: 2, newCases: 0, familyRehab: 2, compulsoryReferrals: 1, relapses: 0,
  householdsCommitted: households, propagandaSessions: 1, incidents: 1, suspectedSpots: 0, notes: null,
});

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 120_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

describe.skipIf(tools.length > 0)("the XLSX printed to PDF", () => {
  let env: Awaited<ReturnType<typeof freshDb>>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vungxanh-export-pdf-"));
  let pdf = "";

  beforeAll(async () => {
    env = await freshDb();
    const admin = adminOn(env.db, {
      cwd: dir,
      org: { name: "Công an thị trấn Lang Chánh", parent: "Công an huyện Lang Chánh", place: "Lang Chánh" },
    });
    for (const name of ["Khu phố Nguyễn Trãi", "Khu phố Chí Linh", "Thôn Đồng Tâm"]) await admin("units", "add", name);
    for (const [name, addicts, households, at] of [
      ["Khu phố Nguyễn Trãi", 10, 150, "2025-01-21T01:30:00Z"],
      ["Khu phố Chí Linh", 7, 123, "2025-01-24T09:05:00Z"],
    ] as const) {
      const unit = (await unitByName(env.db, name))!;
      const head = await env.db.person.create({ data: { role: "head", unitId: unit.id } });
      await saveReport(env.db, { unitId: unit.id, period: "2025-01", values: values(addicts, households), warnings: [], personId: head.id, now: new Date(at) });
    }
    expect((await admin("export", "--month", "2025-01", "--format", "xlsx", "--out", "bao-cao.xlsx")).code).toBe(0);
    // Its own profile, so it neither waits for nor disturbs another LibreOffice on the machine.
    run("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, path.join(dir, "bao-cao.xlsx")]);
    pdf = path.join(dir, "bao-cao.pdf");
    if (found("pdftoppm")) {
      run("pdftoppm", ["-png", "-r", "80", pdf, path.join(dir, "page")]);
      console.log(`export pages to look at: ${dir}/page-*.png`);
    }
  }, 180_000);

  afterAll(async () => {
    await env?.cleanup();
    // The PDF and the pages stay for a person to look at; LibreOffice's profile does not.
    fs.rmSync(path.join(dir, "profile"), { recursive: true, force: true });
  });

  it("holds the heading, the title with the month, every unit, the totals and the signatures", () => {
    const text = run("pdftotext", ["-layout", pdf, "-"]);
    for (const expected of [
      "CÔNG AN HUYỆN LANG CHÁNH",
      "CÔNG AN THỊ TRẤN LANG CHÁNH",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Lang Chánh, ngày 03 tháng 02 năm 2025",
      "BÁO CÁO",
      "tháng 01/2025",
      "Khu phố Nguyễn Trãi",
      "Khu phố Chí Linh",
      "Thôn Đồng Tâm",
      "Chưa báo",
      "Tổng cộng",
      "2/3 đã báo",
      "NGƯỜI LẬP BIỂU",
      "TRƯỞNG CÔNG AN",
      "Trang 1/2",
      "CẢNH BÁO VÀ SỬA ĐỔI BÁO CÁO THÁNG 01/2025",
    ]) {
      expect(text).toContain(expected);
    }
    // The totals row: 10 + 7 addicts, 150 + 123 households.
    expect(text).toMatch(/Tổng cộng\s+17\s+4\s+0\s+4\s+2\s+0\s+273\s/);
  });

  it("is two A4 landscape pages: the table with its signatures, then the warnings and corrections", () => {
    const info = run("pdfinfo", [pdf]);
    expect(info).toMatch(/Pages:\s+2\n/);
    expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
  });

  it("prints the table's text at 10 pt or more once fitted to the page width", () => {
    const boxes = run("pdftotext", ["-bbox", "-f", "1", "-l", "1", pdf, "-"]);
    const word = /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">Đồng<\/word>/.exec(boxes);
    expect(word, "the unit name in the table").not.toBeNull();
    // A word's box is the font's ascent plus descent: 1.107 em in Times New Roman and in
    // Liberation Serif, its metric twin that LibreOffice prints with.
    const points = (Number(word![2]) - Number(word![1])) / 1.107;
    expect(points).toBeGreaterThanOrEqual(10);
  });
});
