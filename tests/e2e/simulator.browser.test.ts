import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { createServer, type Server } from "../../src/server.ts";
import type { Db } from "../../src/store/client.ts";
import { createInvite, inviteExpiry } from "../../src/store/invites.ts";
import { getReport } from "../../src/store/reports.ts";
import { addUnit } from "../../src/store/units.ts";
import { freshDb, TEST_DATA_KEY } from "../support/db.ts";
import { captureLogger } from "../support/logger.ts";

/**
 * The web simulator in a real (headless) Chromium: a head joins with an invite code and sends a
 * whole monthly report by typing and tapping buttons in the page, as a person would.
 */

const CHROMIUM = "/usr/bin/chromium";
const NOW = new Date("2026-11-21T03:00:00Z");
const VALUES = ["12", "4", "2", "5", "1", "1", "120", "3", "1", "2"];
const BOT = '[data-testid="bot-message"]';

describe("web simulator in a browser", () => {
  let db: Db;
  let cleanup: (() => Promise<void>) | undefined;
  let server: Server | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let base = "";
  let unitId: number;
  let logLines: string[] = [];
  const shots = fs.mkdtempSync(path.join(os.tmpdir(), "vungxanh-e2e-"));

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium (.ci/run does this)`);
    }
    const fresh = await freshDb();
    db = fresh.db;
    cleanup = fresh.cleanup;
    const { log, lines } = captureLogger();
    logLines = lines;
    const config = loadConfig({ DATABASE_URL: fresh.url, SIMULATOR: "on", DATA_KEY: TEST_DATA_KEY });
    expect(config.demo).toBe(true);
    server = createServer({ config, db, log, clock: () => NOW });
    base = `http://127.0.0.1:${await server.listen(0)}`;
    await server.start();
    unitId = (await addUnit(db, { name: "Khu phố Nguyễn Trãi", households: 150, classification: "priority" })).id;

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    page.setDefaultTimeout(15_000);
  }, 60_000);

  afterAll(async () => {
    // Each step on its own, so one failure does not leave the others running.
    await browser?.close().catch(() => {});
    await server?.stop().catch(() => {});
    await cleanup?.().catch(() => {});
  }, 60_000);

  /** The texts of the bot messages shown so far. */
  const botTexts = () => page.locator(BOT).allTextContents();

  /**
   * Does `action` and waits for a bot message, new since the action, that contains `expected`;
   * returns its text.
   */
  async function expectBot(action: () => Promise<void>, expected: string): Promise<string> {
    const before = await page.locator(BOT).count();
    await action();
    const handle = await page.waitForFunction(
      ({ selector, before, expected }) => {
        const texts = Array.from(document.querySelectorAll(selector), (el) => el.textContent ?? "").slice(before);
        return texts.find((t) => t.includes(expected)) ?? false;
      },
      { selector: BOT, before, expected },
    );
    return (await handle.jsonValue()) as string;
  }

  async function type(text: string) {
    await page.getByTestId("text").fill(text);
    await page.getByTestId("send").click();
  }

  /** Taps the button labelled exactly `label` under the latest bot message. */
  async function tap(label: string) {
    const last = page.locator(BOT).last();
    await last.getByTestId("choice").filter({ hasText: new RegExp(`^${label}$`) }).click();
  }

  it("a head joins and sends a whole monthly report by typing and tapping", async () => {
    await page.goto(`${base}/simulator`);
    // Demo mode (no channel credentials): the page shows the DEMO label once it has polled.
    await page.locator("#demo").waitFor({ state: "visible" });

    const user = page.getByTestId("user");
    // No name: the page says in Vietnamese what to type, and sends nothing.
    await user.fill("");
    await user.dispatchEvent("change");
    await expect(page.locator("#error").textContent()).resolves.toBe("Vui lòng nhập tên vào ô “Bạn là”.");
    await type("/trogiup");
    await expect(page.locator("#error").textContent()).resolves.toBe("Vui lòng nhập tên vào ô “Bạn là” trước khi gửi.");
    // A name as a person writes it: Vietnamese, with a space.
    await user.fill("Bác Tâm");
    await user.dispatchEvent("change");
    await expect(page.locator("#error").textContent()).resolves.toBe("");

    const code = await createInvite(db, { role: "head", unitId, createdBy: "test", expiresAt: inviteExpiry(new Date()) });
    const joined = await expectBot(() => type(`/join ${code}`), "Bạn đã là trưởng");
    expect(joined).toContain("Khu phố Nguyễn Trãi");
    await expect.poll(() => page.getByTestId("my-message").allTextContents()).toEqual([`/join ${code}`]);

    const first = await expectBot(() => type("/baocao"), "(1/11)");
    expect(first).toContain("Báo cáo tháng 11/2026 của Khu phố Nguyễn Trãi");
    expect(first).toContain("Số người nghiện có hồ sơ quản lý?");

    for (const [i, value] of VALUES.entries()) {
      if (i === 1) {
        // A bad answer: a short explanation and the same question again, in one message.
        const again = await expectBot(() => type("abc"), "Bạn gõ một số nhé");
        expect(again).toContain("(2/11) Số người nghi nghiện?");
      }
      await expectBot(() => type(value), `(${i + 2}/11)`);
    }

    const notesQuestion = (await botTexts()).at(-1)!;
    expect(notesQuestion).toContain("(11/11) Kiến nghị, đề xuất?");
    expect(await page.locator(BOT).last().getByTestId("choice").allTextContents()).toEqual(["Bỏ qua"]);

    const summary = await expectBot(() => tap("Bỏ qua"), "Gửi báo cáo này?");
    expect(summary).toContain("Tóm tắt báo cáo tháng 11/2026");
    expect(summary).toContain("1. Số người nghiện có hồ sơ quản lý: 12");
    expect(summary).toContain("7. Số hộ đã ký cam kết: 120");
    expect(summary).toContain("11. Kiến nghị, đề xuất: (không có)");
    expect(await page.locator(BOT).last().getByTestId("choice").allTextContents()).toEqual(["Có", "Không"]);
    // Nothing is stored before the head confirms.
    expect(await getReport(db, unitId, "2026-11")).toBeNull();

    const saved = await expectBot(() => tap("Có"), "Đã gửi báo cáo tháng 11/2026");
    expect(saved).toContain("Khu phố Nguyễn Trãi");

    // What the head tapped is shown as their own message.
    const mine = await page.getByTestId("my-message").allTextContents();
    expect(mine.slice(-2)).toEqual(["Bỏ qua", "Có"]);
    expect(mine).toContain("abc");
    await expect(page.locator("#error").textContent()).resolves.toBe("");

    const stored = await getReport(db, unitId, "2026-11");
    expect(stored?.values).toEqual({
      addicts: 12, suspected: 4, newCases: 2, familyRehab: 5, compulsoryReferrals: 1, relapses: 1,
      householdsCommitted: 120, propagandaSessions: 3, incidents: 1, suspectedSpots: 2, notes: null,
    });

    await expect(page.locator("#demo").isVisible()).resolves.toBe(true);
    await expect(page.locator("#demo").textContent()).resolves.toBe("DEMO · dùng thử");

    // Screenshots for a person to look at: a desktop window and a phone-sized one.
    await page.screenshot({ path: path.join(shots, "simulator-desktop.png") });
    await page.setViewportSize({ width: 390, height: 844 });
    // The page scrolls to the end only when a message arrives, not when the window changes size.
    await page.getByTestId("log").evaluate((log) => (log.scrollTop = log.scrollHeight));
    await page.screenshot({ path: path.join(shots, "simulator-phone.png") });
    console.log(`simulator screenshots: ${shots}`);

    // Nothing went wrong on the server side.
    expect(logLines.filter((l) => /"level":(50|60)/.test(l))).toEqual([]);
  }, 60_000);

  it("a head who types only words, as they talk, files the whole report in 13 messages", async () => {
    const other = (await addUnit(db, { name: "Khu phố Lê Lai", households: 150, classification: "has_cases" })).id;
    const user = page.getByTestId("user");
    await user.fill("Bà Hoa");
    await user.dispatchEvent("change");
    const code = await createInvite(db, { role: "head", unitId: other, createdBy: "test", expiresAt: inviteExpiry(new Date()) });
    await expectBot(() => type(`/join ${code}`), "Bạn đã là trưởng");
    const before = (await page.getByTestId("my-message").allTextContents()).length;
    // No slash, no digits, no diacritics here and there, particles, a noun after the number.
    const said: [string, string][] = [
      ["bao cao", "(1/11)"],
      ["mười hai", "(2/11)"],
      ["bốn người ạ", "(3/11)"],
      ["hai", "(4/11)"],
      ["nam", "(5/11)"],
      ["mot", "(6/11)"],
      ["một người", "(7/11)"],
      ["một trăm hai mươi hộ", "(8/11)"],
      ["ba buổi", "(9/11)"],
      ["ko co", "(10/11)"],
      ["hai điểm", "(11/11)"],
      ["không có gì ạ", "Gửi báo cáo này?"],
      ["dạ gửi đi", "Đã gửi báo cáo tháng 11/2026"],
    ];
    for (const [text, expected] of said) await expectBot(() => type(text), expected);
    const typed = (await page.getByTestId("my-message").allTextContents()).slice(before);
    expect(typed).toHaveLength(13);
    expect((await getReport(db, other, "2026-11"))?.values).toEqual({
      addicts: 12, suspected: 4, newCases: 2, familyRehab: 5, compulsoryReferrals: 1, relapses: 1,
      householdsCommitted: 120, propagandaSessions: 3, incidents: 0, suspectedSpots: 2, notes: null,
    });
    await page.screenshot({ path: path.join(shots, "simulator-words.png") });
  }, 60_000);
});
