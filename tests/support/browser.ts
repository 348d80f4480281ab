import fs from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** Debian's Chromium, installed by .ci/run when missing. */
export const CHROMIUM = "/usr/bin/chromium";

/**
 * Headless Chromium for the browser suites, with what slows or disturbs a test machine turned off
 * (no GPU, no background network, no updates). Fails with what to install when it is missing.
 */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium (.ci/run does this)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** The path of the one-time console link in the bot's answer to `/web` (`/console/login/<token>`). */
export function consoleLinkPath(text: string): string {
  const m = /(\/console\/login\/[A-Za-z0-9_-]+)/.exec(text);
  if (!m) throw new Error(`no console link in: ${text}`);
  return m[1]!;
}
