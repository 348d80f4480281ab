import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDb } from "../../src/store/client.ts";
import { keyId } from "../../src/store/crypto.ts";
import { checkDataKey, DataKeyError } from "../../src/store/key-check.ts";
import { chatTag, keyring } from "../../src/store/keyring.ts";
import { openOutboxPayload } from "../../src/store/outbox.ts";
import { freshDb, TEST_DATA_KEY } from "../support/db.ts";
import { expectAllUnder, sealedValues, seedSealedData } from "../support/sealed-fixture.ts";
import { runCli } from "./harness.ts";

const OLD = TEST_DATA_KEY;
const NEW = Buffer.alloc(32, 9).toString("base64");
const root = path.resolve(import.meta.dirname, "..", "..");

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups) await c();
  cleanups = [];
});

/** A database filled under OLD, closed (rotation needs it to itself), and its URL and file. */
async function sealedDatabase(extra?: (db: Awaited<ReturnType<typeof freshDb>>["db"]) => Promise<void>) {
  const fresh = await freshDb();
  cleanups.push(fresh.cleanup);
  const fixture = await seedSealedData(fresh.db, OLD);
  await extra?.(fresh.db);
  await fresh.db.$disconnect();
  return { ...fresh, fixture };
}

async function reopen(url: string) {
  const db = await openDb(url);
  cleanups.unshift(() => db.$disconnect());
  return db;
}

describe("npm run admin -- rotate-key", () => {
  it("re-seals and re-tags everything under NEW_DATA_KEY; then only the new key opens the database", async () => {
    const { url, file, fixture } = await sealedDatabase();
    expect(sealedValues(file).some((s) => s.kid === "v1")).toBe(true);

    const run = await runCli({ DATABASE_URL: url, DATA_KEY: OLD, NEW_DATA_KEY: NEW }, "rotate-key");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`DATA_KEY rotated from key ${keyId(OLD)} to key ${keyId(NEW)}`);

    const db = await reopen(url);
    await expectAllUnder(db, file, NEW, fixture);
    await expect(checkDataKey(db, OLD)).rejects.toThrow(DataKeyError);
    await db.$disconnect();
    const refused = await runCli({ DATABASE_URL: url, DATA_KEY: OLD }, "units", "list");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^error: DATA_KEY \(key \S+\) is not the key this database was sealed with/);
    // Running it again is harmless: already done.
    const again = await runCli({ DATABASE_URL: url, DATA_KEY: OLD, NEW_DATA_KEY: NEW }, "rotate-key");
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("already under NEW_DATA_KEY");
  }, 120_000);

  it("refuses, changing nothing, without NEW_DATA_KEY, with a wrong DATA_KEY, or while the database is open", async () => {
    const { url, file } = await sealedDatabase();
    const before = sealedValues(file);
    const missing = await runCli({ DATABASE_URL: url, DATA_KEY: OLD }, "rotate-key");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("NEW_DATA_KEY");
    const wrong = await runCli({ DATABASE_URL: url, DATA_KEY: Buffer.alloc(32, 1).toString("base64"), NEW_DATA_KEY: NEW }, "rotate-key");
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("is not the key this database was sealed with");
    const db = await reopen(url); // as a running server would hold it
    await db.unit.count();
    const busy = await runCli({ DATABASE_URL: url, DATA_KEY: OLD, NEW_DATA_KEY: NEW }, "rotate-key");
    expect(busy.code).toBe(2);
    expect(busy.stderr).toContain("is in use (is the server running?)");
    expect(sealedValues(file)).toEqual(before);

    // A row tagged in a way the registry does not know is refused, not re-tagged as a chat.
    await db.outboxMessage.create({
      data: { channel: "telegram", chatId: keyring().tag("tipster-chat", "telegram:1:TB-X"), chatRef: keyring().seal("1"), payload: keyring().seal("{}") },
    });
    await db.$disconnect();
    const withForeign = sealedValues(file);
    const foreign = await runCli({ DATABASE_URL: url, DATA_KEY: OLD, NEW_DATA_KEY: NEW }, "rotate-key");
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toMatch(/^error: rotate-key: OutboxMessage \d+: its chatId is not the "chat" tag of its sealed chat id/);
    expect(sealedValues(file)).toEqual(withForeign);
  }, 120_000);

  it("finishes after being killed (SIGKILL) half-way: nothing lost, nothing sealed twice, neither key starts meanwhile", async () => {
    const ROWS = 8000;
    const { url, file, fixture } = await sealedDatabase(async (db) => {
      const rows = Array.from({ length: ROWS }, (_, i) => ({
        channel: "telegram",
        chatId: chatTag("telegram", `9${i}`),
        chatRef: keyring().seal(`9${i}`),
        payload: keyring().seal(JSON.stringify({ text: `Thông báo ${i}` })),
        status: "sent",
      }));
      await db.outboxMessage.createMany({ data: rows });
    });

    // One row per transaction, and a progress line after each. Once the first outbox line is read
    // the test stops reading: the pipe fills, the command blocks on its next line and is killed
    // there, well before the end.
    const child = spawn(process.execPath, ["--import", "tsx", "src/admin/cli.ts", "rotate-key", "--batch", "1"], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: os.tmpdir(), DATABASE_URL: url, DATA_KEY: OLD, NEW_DATA_KEY: NEW },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
    await new Promise<void>((resolve, reject) => {
      let seen = "";
      child.stdout.on("data", (d) => {
        seen += d;
        if (seen.includes("OutboxMessage: ")) {
          child.stdout.pause();
          resolve();
        }
      });
      child.once("exit", () => reject(new Error(`rotate-key ended before the outbox: ${seen}`)));
    });
    await new Promise((r) => setTimeout(r, 300));
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");

    // Half-rotated: some outbox rows under each key, and no key may start on it.
    const kids = sealedValues(file).filter((s) => s.at.startsWith("OutboxMessage.payload"));
    const underNew = kids.filter((s) => s.kid === keyId(NEW)).length;
    expect(underNew).toBeGreaterThan(0);
    expect(underNew).toBeLessThan(ROWS);
    const db = await reopen(url);
    for (const key of [OLD, NEW]) await expect(checkDataKey(db, key)).rejects.toThrow(/rotation from key \S+ to key \S+ did not finish/);
    await db.$disconnect();
    const refused = await runCli({ DATABASE_URL: url, DATA_KEY: NEW }, "units", "list");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("did not finish");

    const resumed = await runCli({ DATABASE_URL: url, DATA_KEY: OLD, NEW_DATA_KEY: NEW }, "rotate-key", "--batch", "500");
    expect(resumed.stderr).toBe("");
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain("resumed the unfinished rotation");

    const after = await reopen(url);
    await expectAllUnder(after, file, NEW, fixture);
    // Every message once, each opening (once) to its own text: none lost, none sealed twice.
    const sent = await after.outboxMessage.findMany({ where: { status: "sent" }, orderBy: { id: "asc" } });
    expect(sent).toHaveLength(ROWS);
    expect(sent.map((r) => (openOutboxPayload(r.payload) as { text: string }).text)).toEqual(Array.from({ length: ROWS }, (_, i) => `Thông báo ${i}`));
    expect(sent.every((r, i) => r.chatId === chatTag("telegram", `9${i}`) && keyring().open(r.chatRef) === `9${i}`)).toBe(true);
  }, 240_000);
});
