import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDb } from "../support/db.ts";
import { adminOn } from "./harness.ts";
import { NOW, reviewFixture } from "./review-fixture.ts";

/**
 * The review report as it prints: LibreOffice turns the .docx into a PDF, whose text, page size
 * and fonts are checked, and pdftoppm draws its pages for a person to look at. Needs `soffice`
 * and poppler-utils; skipped, saying so, where they are missing.
 */

function found(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
}
const tools = ["soffice", "pdftotext", "pdfinfo", "pdffonts"].filter((c) => !found(c));
if (tools.length > 0) {
  console.warn(`review-pdf.test.ts skipped: ${tools.join(", ")} missing (apt-get install -y libreoffice-writer poppler-utils)`);
}

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 120_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

describe.skipIf(tools.length > 0)("the review report printed to PDF", () => {
  let env: Awaited<ReturnType<typeof freshDb>>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vungxanh-review-pdf-"));
  let pdf = "";

  beforeAll(async () => {
    env = await freshDb();
    await reviewFixture(env.db);
    const admin = adminOn(env.db, {
      cwd: dir,
      now: NOW,
      org: { name: "Công an thị trấn Lang Chánh", parent: "Công an huyện Lang Chánh", place: "Lang Chánh" },
    });
    fs.writeFileSync(path.join(dir, "narrative.json"), JSON.stringify({ shortcomings: "Một số khu phố, thôn còn báo cáo chậm, chưa đầy đủ." }));
    expect((await admin("review", "--narrative", "narrative.json", "--out", "so-ket.docx")).code).toBe(0);
    // Its own profile, so it neither waits for nor disturbs another LibreOffice on the machine.
    run("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, path.join(dir, "so-ket.docx")]);
    pdf = path.join(dir, "so-ket.pdf");
    if (found("pdftoppm")) {
      run("pdftoppm", ["-png", "-r", "60", pdf, path.join(dir, "page")]);
      console.log(`review pages to look at: ${dir}/page-*.png`);
    }
  }, 180_000);

  afterAll(async () => {
    await env?.cleanup();
    // The PDF and the pages stay for a person to look at; LibreOffice's profile does not.
    fs.rmSync(path.join(dir, "profile"), { recursive: true, force: true });
  });

  it("holds the heading, the title with the period, the figures, the narrative, the signature and the appendix", () => {
    const text = run("pdftotext", [pdf, "-"]).replace(/\s+/g, " ");
    for (const expected of [
      "CÔNG AN HUYỆN LANG CHÁNH",
      "CÔNG AN THỊ TRẤN LANG CHÁNH",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Lang Chánh, ngày 10 tháng 7 năm 2025",
      "Sơ kết 6 tháng thực hiện mô hình “Khu phố tự quản, phòng chống ma túy”",
      "(Từ tháng 01/2025 đến tháng 06/2025)",
      "23/27 báo cáo tháng",
      "Tiếp nhận 4 tin báo",
      "Một số khu phố, thôn còn báo cáo chậm, chưa đầy đủ.",
      "Nơi nhận:",
      "TRƯỞNG CÔNG AN",
      "PHỤ LỤC",
      "Khu phố Nguyễn Trãi",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("is A4 portrait, printed in a serif font that has Vietnamese (Times New Roman or its metric twin)", () => {
    expect(run("pdfinfo", [pdf])).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const fonts = run("pdffonts", [pdf]);
    expect(fonts).toMatch(/TimesNewRoman|LiberationSerif|Tinos/);
    expect(fonts).not.toMatch(/DejaVu/);
  });
});
