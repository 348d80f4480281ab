import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { encryptField } from "../../src/store/crypto.ts";
import { CHECK_SETTING } from "../../src/store/key-check.ts";
import { freshDb, TEST_DATA_KEY } from "../support/db.ts";
import { startServer, type ServerProcess } from "../support/server-process.ts";
import { runCli } from "./harness.ts";

const WRONG = Buffer.alloc(32, 1).toString("base64");
/** A real deployment (a channel configured): demo mode refuses a database with data anyway. */
const DEPLOYED = {
  TELEGRAM_BOT_TOKEN: "123456:TEST-token",
  TELEGRAM_API_ROOT: "http://127.0.0.1:9",
  TELEGRAM_MODE: "webhook",
  TELEGRAM_WEBHOOK_SECRET: "test-secret_123",
};
let cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups) await c();
  cleanups = [];
});

/** A database some sealed data was stored in under TEST_DATA_KEY (a case's name), closed. */
async function databaseWithData() {
  const fresh = await freshDb();
  cleanups.push(fresh.cleanup);
  await fresh.db.$disconnect();
  const env = { DATABASE_URL: fresh.url, DATA_KEY: TEST_DATA_KEY };
  expect((await runCli(env, "units", "add", "Khu phố 1")).code).toBe(0);
  expect((await runCli(env, "cases", "add", "C1", "--unit", "Khu phố 1", "--name", "Nguyễn Văn Ánh")).code).toBe(0);
  return fresh;
}

describe("a wrong DATA_KEY", () => {
  it("stops the server at start with exit code 2 and a message for the operator; the right key starts it", async () => {
    const { url } = await databaseWithData();
    const wrong = await startServer({ DATABASE_URL: url, DATA_KEY: WRONG, ...DEPLOYED });
    cleanups.push(wrong.stop);
    expect(await wrong.exited).toBe(2);
    expect(wrong.output()).toMatch(/Vùng Xanh cannot start: DATA_KEY \(key \S+\) is not the key this database was sealed with \(key \S+\)/);
    expect(wrong.output()).not.toContain("Vùng Xanh is running");

    const right = await startServer({ DATABASE_URL: url, DATA_KEY: TEST_DATA_KEY, ...DEPLOYED });
    cleanups.push(right.stop);
    await right.running();
    expect((await fetch(`http://127.0.0.1:${right.port}/healthz`)).status).toBe(200);
    expect(await right.stop()).toBe(0);
  }, 120_000);

  it("is refused by admin commands (exit 2, one error line), which then write nothing", async () => {
    const { url } = await databaseWithData();
    const env = { DATABASE_URL: url, DATA_KEY: WRONG };
    for (const argv of [["cases", "list", "--names"], ["units", "add", "Khu phố 2"], ["invite", "officer"]]) {
      const run = await runCli(env, ...argv);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^error: DATA_KEY \(key \S+\) is not the key this database was sealed with/)]);
      expect(run.stdout).toBe("");
    }
    const units = await runCli({ DATABASE_URL: url, DATA_KEY: TEST_DATA_KEY }, "units", "list", "--json");
    expect(JSON.parse(units.stdout).map((u: { name: string }) => u.name)).toEqual(["Khu phố 1"]);
  }, 120_000);

  it("is refused on a database sealed before the check value existed, judged by the data it holds", async () => {
    const { db, url } = await freshDb().then((f) => (cleanups.push(f.cleanup), f));
    await db.unit.create({ data: { name: "Khu phố 1", searchName: "khu pho 1" } });
    await db.rehabCase.create({ data: { code: "C1", unitId: 1, startDate: "2026-01-01", nameEnc: encryptField("Nguyễn Văn Ánh", TEST_DATA_KEY) } });
    expect(await db.setting.findUnique({ where: { key: CHECK_SETTING } })).toBeNull();
    await db.$disconnect();
    const wrong = await runCli({ DATABASE_URL: url, DATA_KEY: WRONG }, "cases", "list");
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("is not the key this database was sealed with");
    const right = await runCli({ DATABASE_URL: url, DATA_KEY: TEST_DATA_KEY }, "cases", "list", "--names");
    expect(right.code).toBe(0);
    expect(right.stdout).toContain("Nguyễn Văn Ánh");
  }, 120_000);

  it("demo mode keeps working with the key it stored, across starts", async () => {
    const { url, file } = await freshDb().then((f) => (cleanups.push(f.cleanup), f));
    let server: ServerProcess | undefined;
    for (let start = 0; start < 2; start++) {
      server = await startServer({ DATABASE_URL: url });
      cleanups.push(server.stop);
      await server.running();
      expect(server.output()).toContain("DEMO MODE");
      expect(await server.stop()).toBe(0);
    }
    expect(fs.existsSync(file)).toBe(true);
    const demo = await runCli({ DATABASE_URL: url }, "units", "list");
    expect(demo.code).toBe(0);
  }, 180_000);
});
