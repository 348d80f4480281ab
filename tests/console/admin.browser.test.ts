import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { consoleLinkPath, launchChromium } from "../support/browser.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unitByName } from "../../src/store/units.ts";
import { joinAs, openChat, seedUnit, type ChatDriver } from "../support/chat.ts";

/**
 * The units administration in a real (headless) Chromium, signed in through `/web` from the fake
 * Telegram: adding a unit and importing a CSV through the page's own forms (the file from a plain
 * file input), and the page at 360 px and 1366 px. Screenshots in tests/console/screenshots/.
 */
const SHOTS = path.join(path.dirname(new URL(import.meta.url).pathname), "screenshots");

describe("the units administration in a browser", () => {
  let chat: ChatDriver;
  let browser: Browser | undefined;
  let loginPath = "";

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    chat = await openChat("telegram", { now: new Date("2026-11-27T03:00:00Z") });
    const names: [string, "priority" | "has_cases" | "clean"][] = [
      ["Khu phố Nguyễn Trãi", "priority"],
      ["Khu phố Chí Linh", "has_cases"],
      ["Khu phố Tân Phong", "clean"],
      ["Thôn Xuân Thành có tên rất dài để thử xuống dòng", "clean"],
    ];
    for (const [i, [name, cls]] of names.entries()) await seedUnit(chat.db, name, 100 + i * 10, cls);
    await joinAs(chat, "officer", "officer", null);
    const text = (await chat.send("officer", "/trangweb")).at(-1)!.text;
    loginPath = consoleLinkPath(text);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await chat?.close().catch(() => {});
  }, 60_000);

  it("adds a unit and imports a list through the forms, and fits 360 px and 1366 px", async () => {
    const context = await browser!.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${chat.base}${loginPath}`);
    await page.getByRole("link", { name: "Quản trị" }).click();
    await page.getByRole("link", { name: "Khu phố", exact: true }).first().click();
    expect(new URL(page.url()).pathname).toBe("/console/admin/units");

    await page.getByLabel("Tên khu phố").fill("Khu phố Lê Lai");
    await page.getByLabel("Số hộ").first().fill("95");
    await page.getByRole("button", { name: "Thêm", exact: true }).click();
    await expect(page.locator(".flash").textContent()).resolves.toContain("Đã thêm Khu phố Lê Lai: 95 hộ");

    await page.getByLabel("Tệp danh sách (.csv, .xlsx)").setInputFiles({ name: "danh-sach.csv", mimeType: "text/csv", buffer: Buffer.from("Tên,Số hộ,Phân loại\nKhu phố Mới,40,clean\nKhu phố Chí Linh,130,\n") });
    await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
    await expect(page.locator("main .lead").textContent()).resolves.toContain("thêm 1, cập nhật 1");
    expect(await unitByName(chat.db, "Khu phố Mới")).toBeNull();
    await page.getByRole("button", { name: "Nhập", exact: true }).click();
    await expect(page.locator(".flash").textContent()).resolves.toContain("Đã nhập danh-sach.csv: thêm 1, cập nhật 1");
    expect(await unitByName(chat.db, "Khu phố Mới")).toMatchObject({ households: 40 });

    // An unused code, and a month locked then reopened, so those pages have rows to lay out.
    await page.goto(`${chat.base}/console/admin/invites`);
    await page.locator(`select[name="role"]`).selectOption("head");
    await page.locator(`select[name="unit"]`).selectOption({ label: "Thôn Xuân Thành có tên rất dài để thử xuống dòng" });
    await page.getByRole("button", { name: "Tạo mã" }).click();
    await expect(page.locator(".flash").textContent()).resolves.toContain("/join");
    await page.goto(`${chat.base}/console/admin/months`);
    await page.getByRole("row", { name: /10\/2026/ }).getByRole("button", { name: "Khóa sổ" }).click();
    await page.getByRole("row", { name: /10\/2026/ }).getByLabel("Lý do mở khóa").fill("Khu phố Chí Linh nhập sai số hộ");
    await page.getByRole("row", { name: /10\/2026/ }).getByRole("button", { name: "Mở khóa" }).click();
    await expect(page.locator(".flash").textContent()).resolves.toContain("Đã mở lại sổ tháng 10/2026");

    for (const width of [360, 1366]) {
      await page.setViewportSize({ width, height: 900 });
      for (const [name, url] of [
        ["admin-units", "/console/admin/units"],
        ["admin-unit", "/console/admin/units/2"],
        ["admin-invites", "/console/admin/invites"],
        ["admin-people", "/console/admin/people"],
        ["admin-announcements", "/console/admin/announcements"],
        ["admin-months", "/console/admin/months"],
      ] as const) {
        await page.goto(`${chat.base}${url}`);
        await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${name} at ${width}px`).toBeLessThanOrEqual(0);
      }
    }
    await context.close();
  }, 90_000);
});
