import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { consoleLinkPath, launchChromium } from "../support/browser.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveReport } from "../../src/store/reports.ts";
import { joinAs, openChat, seedUnit, type ChatDriver } from "../support/chat.ts";
import { addPerson } from "../support/people.ts";
import { docxText, xlsxText } from "./documents-files.ts";
import { reportValues } from "../support/reports.ts";

/**
 * The documents page in a real (headless) Chromium, signed in through `/web` from the fake
 * Telegram: both files of the month and the review .docx downloaded as a person would (the
 * browser's download event), the page at 360 px and 1366 px. Screenshots land in
 * tests/console/screenshots/ (git-ignored); the docx is printed to PDF by LibreOffice, when it is
 * installed, and its first page drawn beside them, for a person to look at.
 */
const SHOTS = path.join(path.dirname(new URL(import.meta.url).pathname), "screenshots");
const WIDTHS = [360, 1366] as const;

const base = reportValues({ householdsCommitted: 60, propagandaSessions: 1 });
const MONTHS = ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"];

function found(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
}

/** Saves a download the page started and returns its suggested name and bytes. */
async function downloaded(page: Page, start: () => Promise<unknown>, dir: string) {
  const [download] = await Promise.all([page.waitForEvent("download"), start()]);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return { name: download.suggestedFilename(), file, content: fs.readFileSync(file) };
}

describe("the documents page in a browser", () => {
  let chat: ChatDriver;
  let browser: Browser | undefined;
  let loginPath = "";
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vungxanh-docs-browser-"));

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    chat = await openChat("telegram", { now: new Date("2026-12-03T03:00:00Z") });
    const names: [string, "priority" | "has_cases" | "clean"][] = [
      ["Khu phố Nguyễn Trãi", "priority"],
      ["Khu phố Lê Lai", "has_cases"],
      ["Thôn Đồng Tâm", "clean"],
      ["Thôn Xuân Thành có tên rất dài để thử xuống dòng", "clean"],
    ];
    const units = [];
    for (const [name, cls] of names) units.push(await seedUnit(chat.db, name, 100 + units.length * 10, cls));
    const head = await addPerson(chat.db, { role: "head", unitId: units[0]!.id });
    for (const [i, u] of units.entries()) {
      for (const [m, period] of MONTHS.entries()) {
        if (i === 3 && m > 4) continue;
        const values = i === 0 ? { addicts: 3 + (m % 2), suspected: 1 } : i === 1 && m < 3 ? { addicts: 1 } : {};
        await saveReport(chat.db, { unitId: u.id, period, values: { ...base, ...values }, warnings: [], personId: head.id, now: new Date(`${period}-20T03:00:00Z`) });
      }
    }
    await joinAs(chat, "officer", "officer", null);
    const text = (await chat.send("officer", "/trangweb")).at(-1)!.text;
    loginPath = consoleLinkPath(text);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await chat?.close().catch(() => {});
  }, 60_000);

  it("signs in from /web, opens Documents, downloads the month's XLSX and CSV and the review .docx", async () => {
    const context = await browser!.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true, locale: "vi-VN" });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${chat.base}${loginPath}`);
    await page.getByRole("link", { name: "Tài liệu" }).click();
    expect(new URL(page.url()).pathname).toBe("/console/documents");
    await expect(page.locator("h1").textContent()).resolves.toBe("Tài liệu");

    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.reload();
      await page.screenshot({ path: path.join(SHOTS, `documents-${width}.png`), fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `documents at ${width}px is wider than the screen`).toBeLessThanOrEqual(0);
    }

    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByLabel("Tháng", { exact: true }).fill("2026-11");
    const xlsx = await downloaded(page, () => page.getByRole("button", { name: "Tải tệp Excel (.xlsx)" }).click(), dir);
    expect(xlsx.name).toBe("bao-cao-thang-2026-11.xlsx");
    expect(await xlsxText(xlsx.content)).toMatch(/Khu phố Nguyễn Trãi\t3\t1\t/);
    const csv = await downloaded(page, () => page.getByRole("button", { name: "Tải tệp CSV" }).click(), dir);
    expect(csv.name).toBe("bao-cao-thang-2026-11.csv");
    expect(csv.content.toString("utf8")).toContain("Khu phố Nguyễn Trãi,3,1,");

    // The review: a backwards range first, refused on the page with the narrative kept.
    await page.getByLabel("Từ tháng").fill("2026-11");
    await page.getByLabel("Đến tháng").fill("2026-06");
    await page.getByLabel("II. Tồn tại, hạn chế").fill("Thôn Xuân Thành chưa gửi báo cáo tháng 10 và 11.\nViệc ký cam kết còn chậm.");
    await page.getByLabel("III. Phương hướng, nhiệm vụ thời gian tới").fill("Họp dân hằng quý ở mỗi thôn.");
    await page.getByLabel("IV. Đề xuất, kiến nghị").fill("Đề nghị khen thưởng Khu phố Lê Lai đã giữ vững vùng xanh 4 tháng liền.");
    await page.getByRole("button", { name: "Tạo báo cáo (.docx)" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toContain("Tháng bắt đầu (11/2026) sau tháng kết thúc (06/2026)");
    await expect(page.getByLabel("II. Tồn tại, hạn chế").inputValue()).resolves.toContain("Việc ký cam kết còn chậm.");
    await page.getByRole("alert").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, "documents-refused-1366.png") });

    await page.getByLabel("Từ tháng").fill("2026-06");
    await page.getByLabel("Đến tháng").fill("2026-11");
    await page.getByLabel(/Số văn bản/).fill("27/BC-CATT");
    const docx = await downloaded(page, () => page.getByRole("button", { name: "Tạo báo cáo (.docx)" }).click(), dir);
    expect(docx.name).toBe("bao-cao-so-ket-2026-06-den-2026-11.docx");
    const text = await docxText(docx.content);
    expect(text).toContain("(Từ tháng 06/2026 đến tháng 11/2026)");
    expect(text).toContain("Số: 27/BC-CATT");
    expect(text).toContain("Việc ký cam kết còn chậm.");
    expect(text).toContain("Đề nghị khen thưởng Khu phố Lê Lai");
    fs.copyFileSync(docx.file, path.join(SHOTS, "review.docx"));
    await context.close();

    if (found("soffice") && found("pdftoppm")) {
      const run = (command: string, args: string[]) => {
        const result = spawnSync(command, args, { encoding: "utf8", timeout: 120_000 });
        if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
      };
      run("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", SHOTS, path.join(SHOTS, "review.docx")]);
      run("pdftoppm", ["-png", "-r", "70", "-f", "1", "-l", "2", path.join(SHOTS, "review.pdf"), path.join(SHOTS, "review-page")]);
      fs.rmSync(path.join(dir, "profile"), { recursive: true, force: true });
    } else {
      console.warn("documents.browser.test.ts: soffice or pdftoppm missing, the docx was not printed to look at");
    }
  }, 180_000);
});
