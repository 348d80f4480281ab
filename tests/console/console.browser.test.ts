import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { consoleLinkPath, launchChromium } from "../support/browser.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCase, saveCheckin, sealerFor } from "../../src/store/cases.ts";
import { saveReport } from "../../src/store/reports.ts";
import { reclassifyUnit } from "../../src/store/units.ts";
import { joinAs, openChat, seedUnit, type ChatDriver } from "../support/chat.ts";
import { addPerson } from "../support/people.ts";
import { tipFrom } from "../support/tips.ts";
import { reportValues } from "../support/reports.ts";

/**
 * The console in a real (headless) Chromium, signed in through `/web` from the fake Telegram: the
 * overview, the green zone, a unit, the tips and a tip (asked a question through its form), the
 * cases and a case, at 360 px and 1366 px. The screenshots land in
 * tests/console/screenshots/ (git-ignored) for a person to look at.
 */
const SHOTS = path.join(path.dirname(new URL(import.meta.url).pathname), "screenshots");
const WIDTHS = [360, 1366] as const;

const base = reportValues({ householdsCommitted: 60, propagandaSessions: 1 });

const MONTHS = ["2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"];

describe("the console in a browser", () => {
  let chat: ChatDriver;
  let browser: Browser | undefined;
  let loginPath = "";
  let tipCode = "";

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    chat = await openChat("telegram", { now: new Date("2026-11-27T03:00:00Z") });
    const names: [string, "priority" | "has_cases" | "clean"][] = [
      ["Khu phố Nguyễn Trãi", "priority"],
      ["Khu phố Chiềng Trãi", "priority"],
      ["Khu phố Chí Linh", "priority"],
      ["Khu phố Lê Lai", "has_cases"],
      ["Khu phố Bắc Sơn", "has_cases"],
      ["Khu phố Tân Phong", "clean"],
      ["Khu phố Đồng Tâm", "clean"],
      ["Thôn Xuân Thành có tên rất dài để thử xuống dòng", "clean"],
    ];
    const units = [];
    for (const [name, cls] of names) units.push(await seedUnit(chat.db, name, 100 + units.length * 10, cls));
    const head = await addPerson(chat.db, { role: "head", unitId: units[0]!.id });
    for (const u of units.slice(1, 7)) await addPerson(chat.db, { role: "head", unitId: u.id });
    // A varied record: some units green for months, one slipping, gaps where nothing was filed.
    for (const [i, u] of units.entries()) {
      for (const [m, period] of MONTHS.entries()) {
        if (i === 7) continue;
        if ((i === 2 && m % 4 === 1) || (i === 6 && m === 11)) continue;
        const dirty = i <= 2 ? { addicts: 3 + (m % 3), suspected: 1, incidents: m % 2 } : i === 3 && m < 6 ? { addicts: 1 } : i === 5 && m === 9 ? { newCases: 1, addicts: 1 } : {};
        const late = i === 1 && m === 11;
        await saveReport(chat.db, {
          unitId: u.id,
          period,
          values: { ...base, ...dirty },
          warnings: i === 0 && m === 11 ? [{ rule: "big-change", field: "addicts", previous: 2, value: 5 }] : [],
          personId: head.id,
          now: new Date(`${period}-${late ? "26T05" : "20T03"}:00:00Z`),
        });
      }
    }
    await reclassifyUnit(chat.db, units[3]!.id, "has_cases", { byPersonId: null, by: "admin", period: "2026-06", now: new Date("2026-06-01T00:00:00Z") }).catch(() => undefined);
    await joinAs(chat, "officer", "officer", null);
    // Tips from residents over Telegram (one pinned, one typed with a long description), and cases with check-ins.
    tipCode = await tipFrom(chat, "resident-1", { pin: true, description: "Có nhóm thanh niên tụ tập sử dụng ma túy ở bãi đất trống sau chợ, thường sau 22 giờ" });
    await tipFrom(chat, "resident-2", { description: "Nghi có người bán ma túy ở quán nước đầu ngõ 5, khách lạ ra vào liên tục cả ngày", place: "Quán nước đầu ngõ 5, đường Nguyễn Trãi" });
    // The Telegram driver's DATA_KEY (tests/support/chat.ts), so the page can open the name.
    const sealer = sealerFor(Buffer.alloc(32, 7).toString("base64"));
    const mentor = await addPerson(chat.db, { role: "mentor", unitId: units[0]!.id });
    const c1 = await openCase(chat.db, { code: "NT-01", unitId: units[0]!.id, name: "Nguyễn Văn Thử Nghiệm", startDate: "2026-09-01", endDate: "2027-03-01" }, sealer);
    await openCase(chat.db, { code: "NT-02", unitId: units[0]!.id, name: null, startDate: "2026-09-01", endDate: null }, sealer);
    for (const [week, state] of [["2026-11-16", "stable"], ["2026-11-23", "worrying"]] as const) {
      await saveCheckin(chat.db, { entry: { caseId: c1.id, code: "NT-01", contacted: true, method: "phone", state, note: week === "2026-11-23" ? "Gia đình báo có bạn cũ đến tìm" : null }, mentorId: mentor.id, week, now: chat.clock.now }, sealer);
    }
    const text = (await chat.send("officer", "/trangweb")).at(-1)!.text;
    loginPath = consoleLinkPath(text);

    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await chat?.close().catch(() => {});
  }, 60_000);

  it("signs in from the /web link, and shows the overview, green zone, tips and cases at 360 px and 1366 px", async () => {
    const context = await browser!.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${chat.base}${loginPath}`);
    expect(new URL(page.url()).pathname).toBe("/console");
    await expect(page.locator("h1").textContent()).resolves.toContain("Tổng quan tháng 11/2026");

    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      for (const [name, url] of [
        ["overview", "/console"],
        ["green", "/console/green"],
        ["unit", "/console/units/1"],
        ["tips", "/console/tips"],
        ["tip", `/console/tips/${tipCode}`],
        ["cases", "/console/cases"],
        ["case", "/console/cases/NT-01"],
      ] as const) {
        await page.goto(`${chat.base}${url}`);
        // Nothing but the wide tables (which scroll in their own box) may make the page wider than the screen.
        await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
        // What a phone shows first, and the first rows of the main table, at their real size.
        await page.screenshot({ path: path.join(SHOTS, `${name}-${width}-screen.png`) });
        // (the tips queue has no second heading: its table follows the filters)
        if ((await page.locator("h2").count()) > 0) await page.locator("h2").first().scrollIntoViewIfNeeded();
        await page.evaluate(() => document.querySelectorAll("h2")[0]?.scrollIntoView());
        await page.screenshot({ path: path.join(SHOTS, `${name}-${width}-table.png`) });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) {
          const wide = await page.evaluate(() =>
            [...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest(".scroll")).slice(0, 5).map((e) => `${e.tagName}.${e.className}`),
          );
          throw new Error(`${name} at ${width}px is ${overflow}px too wide: ${wide.join(", ")}`);
        }
        expect(overflow, `${name} at ${width}px`).toBeLessThanOrEqual(0);
      }
    }

    // A question from a tip's page, through its real form (with its CSRF field): the page says it was sent.
    await page.goto(`${chat.base}/console/tips/${tipCode}`);
    await page.getByLabel("Câu hỏi cho người báo").fill("Bạn thấy khoảng mấy người?");
    await page.getByRole("button", { name: "Gửi câu hỏi" }).click();
    expect(new URL(page.url()).pathname).toBe(`/console/tips/${tipCode}`);
    await expect(page.locator(".flash").textContent()).resolves.toContain(`Đã gửi câu hỏi cho người báo tin ${tipCode}`);
    await page.screenshot({ path: path.join(SHOTS, "tip-asked-1366.png"), fullPage: true });

    // Keyboard: the first Tab reaches the skip link, which is then visible.
    await page.goto(`${chat.base}/console`);
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? "");
    expect(focused).toContain("Chuyển tới nội dung chính");
    await page.screenshot({ path: path.join(SHOTS, "focus-1366.png") });

    // Signing out ends the session: the console sends the browser to the sign-in page.
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await expect(page.locator("h1").textContent()).resolves.toContain("Đã đăng xuất");
    await page.goto(`${chat.base}/console`);
    expect(new URL(page.url()).pathname).toBe("/console/signin");
    await context.close();
  }, 60_000);
});
