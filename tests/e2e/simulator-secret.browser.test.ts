import fs from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { createServer, type Server } from "../../src/server.ts";
import { freshDb, TEST_DATA_KEY } from "../support/db.ts";
import { captureLogger } from "../support/logger.ts";

const CHROMIUM = "/usr/bin/chromium";
const SECRET = "operator-secret-0123456789abcdef";

/** The simulator page in a real Chromium, on a server that wants SIMULATOR_SECRET. */
describe("web simulator behind SIMULATOR_SECRET", () => {
  let browser: Browser | undefined;
  let server: Server | undefined;
  let cleanup: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await browser?.close().catch(() => {});
    await server?.stop().catch(() => {});
    await cleanup?.().catch(() => {});
  }, 60_000);

  it("asks the operator for the secret once, then chats as usual", async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    const fresh = await freshDb();
    cleanup = fresh.cleanup;
    const config = loadConfig({ DATABASE_URL: fresh.url, SIMULATOR: "on", SIMULATOR_SECRET: SECRET, DATA_KEY: TEST_DATA_KEY });
    server = createServer({ config, db: fresh.db, log: captureLogger().log });
    const base = `http://127.0.0.1:${await server.listen(0)}`;
    await server.start();
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    const asked: string[] = [];
    page.on("dialog", (dialog) => {
      asked.push(dialog.message());
      void dialog.accept(SECRET);
    });
    const secretsSent: (string | undefined)[] = [];
    page.on("request", (req) => {
      if (req.url().includes("/simulator/api/")) secretsSent.push(req.headers()["x-simulator-secret"]);
    });
    await page.goto(`${base}/simulator`);
    await page.getByTestId("text").fill("/start");
    await page.getByTestId("send").click();
    await page.locator('[data-testid="bot-message"]').first().waitFor();
    expect(await page.locator('[data-testid="bot-message"]').first().textContent()).toContain("Xin chào");
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain("SIMULATOR_SECRET");
    // After the answer, every call carries the secret.
    expect(secretsSent.at(-1)).toBe(SECRET);
  }, 60_000);
});
