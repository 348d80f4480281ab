import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { freshDb, TEST_DATA_KEY } from "../support/db.ts";
import { startServer } from "../support/server-process.ts";
import { runCli } from "./harness.ts";

let cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups) await c();
  cleanups = [];
});

/** Rows of a table in a database file, read directly. */
function count(file: string, table: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe("backup and restore", () => {
  it("backs up while the server writes (one complete file), refuses to restore under a running server, restores once it is stopped", async () => {
    const fresh = await freshDb();
    cleanups.push(fresh.cleanup);
    await fresh.db.$disconnect();
    const dir = path.dirname(fresh.file);
    const env = { DATABASE_URL: fresh.url, DATA_KEY: TEST_DATA_KEY };
    const server = await startServer(env);
    cleanups.push(server.stop);
    await server.running();

    // Residents keep writing through the simulator; each acknowledged message is a stored row.
    let acked = 0;
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        const res = await fetch(`http://127.0.0.1:${server.port}/simulator/api/send`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ user: `resident-${i % 10}`, id: `m-${i}`, text: "/help" }),
        });
        if (res.status === 200) acked++;
      }
    })();
    await expect.poll(() => acked, { timeout: 60_000 }).toBeGreaterThanOrEqual(20);

    const backup = path.join(dir, "backups", "vungxanh-backup.db");
    const ackedBefore = acked;
    const run = await runCli(env, "backup", backup);
    const ackedAfter = acked;
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`written to ${backup}`);
    // Writing went on during the backup.
    await expect.poll(() => acked, { timeout: 30_000 }).toBeGreaterThan(ackedAfter);

    // One self-contained, sound file: no -wal beside it, and everything acknowledged before it began.
    expect(fs.existsSync(`${backup}-wal`)).toBe(false);
    expect(fs.readdirSync(path.dirname(backup))).toEqual(["vungxanh-backup.db"]);
    const copy = new Database(backup, { readonly: true });
    expect(copy.pragma("journal_mode", { simple: true })).toBe("delete");
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    copy.close();
    const inBackup = count(backup, "InboundUpdate");
    expect(inBackup).toBeGreaterThanOrEqual(ackedBefore);

    // A second backup to the same name is refused rather than overwriting the first.
    const twice = await runCli(env, "backup", backup);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain("exists already");

    const busy = await runCli(env, "restore", backup);
    expect(busy.code).toBe(2);
    expect(busy.stderr).toContain("is in use (is the server running?)");

    writing = false;
    await writer;
    expect(await server.stop()).toBe(0);
    const live = count(fresh.file, "InboundUpdate");
    expect(live).toBeGreaterThan(inBackup);

    const restored = await runCli(env, "restore", backup);
    expect(restored.stderr).toBe("");
    expect(restored.code).toBe(0);
    const kept = /kept as (\S+)/.exec(restored.stdout)?.[1];
    expect(kept).toBeDefined();
    expect(count(kept!, "InboundUpdate")).toBe(live);
    expect(count(fresh.file, "InboundUpdate")).toBe(inBackup);
    expect(fs.existsSync(backup)).toBe(true);

    // The restored database serves again, with the key of the backup.
    const again = await startServer(env);
    cleanups.push(again.stop);
    await again.running();
    expect((await fetch(`http://127.0.0.1:${again.port}/healthz`)).status).toBe(200);
    expect(await again.stop()).toBe(0);
  }, 240_000);

  it("refuses a restore from a file that is not a database, changing nothing", async () => {
    const fresh = await freshDb();
    cleanups.push(fresh.cleanup);
    await fresh.db.$disconnect();
    const junk = path.join(path.dirname(fresh.file), "junk.db");
    fs.writeFileSync(junk, "not a database at all, just some text that is long enough to be read");
    const before = fs.readFileSync(fresh.file);
    const run = await runCli({ DATABASE_URL: fresh.url, DATA_KEY: TEST_DATA_KEY }, "restore", junk);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: restore: .*not a database; nothing was changed/);
    expect(fs.readFileSync(fresh.file).equals(before)).toBe(true);
    const missing = await runCli({ DATABASE_URL: fresh.url, DATA_KEY: TEST_DATA_KEY }, "backup");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("backup FILE");
  }, 60_000);
});
