import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, inject, it } from "vitest";
import { knownMigrations, migrate, SchemaVersionError } from "../../src/store/migrate.ts";

// The real migrator on real files. The operated suite (tests/e2e/operated.test.ts) covers the
// same rules across processes; here each outcome is checked directly.

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempFile(name = "vungxanh.db") {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vungxanh-migrate-"));
  dirs.push(dir);
  return path.join(dir, name);
}

function applied(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name").pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe("migrate", () => {
  it("migrates a fresh database, creating its folder", async () => {
    const file = path.join(tempFile(), "..", "sub", "vungxanh.db");
    const outcome = await migrate(`file:${file}`);
    expect(outcome).toMatchObject({ ran: true, applied: knownMigrations() });
    expect(applied(file)).toEqual(knownMigrations());
  }, 60_000);

  it("does not run the migrator on a current database", async () => {
    const file = tempFile();
    fs.copyFileSync(inject("templateDb"), file);
    expect(await migrate(`file:${file}`)).toEqual({ ran: false, applied: [], output: "" });
    // Nothing needed the lock either.
    expect(fs.existsSync(`${file}-migrate-lock`)).toBe(false);
  });

  it("migrates once when called several times at once", async () => {
    const file = tempFile();
    const outcomes = await Promise.all([1, 2, 3].map(() => migrate(`file:${file}`)));
    expect(outcomes.map((o) => o.ran).sort()).toEqual([false, false, true]);
    expect(applied(file)).toEqual(knownMigrations());
  }, 90_000);

  it("refuses a database migrated by a newer version, naming what it does not know", async () => {
    const file = tempFile();
    fs.copyFileSync(inject("templateDb"), file);
    const db = new Database(file);
    db.prepare(
      "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ('f', 'x', CURRENT_TIMESTAMP, '29990101000000_future', CURRENT_TIMESTAMP, 1)",
    ).run();
    db.close();
    const refused = migrate(`file:${file}`);
    await expect(refused).rejects.toBeInstanceOf(SchemaVersionError);
    await expect(refused).rejects.toThrow(
      "the database was migrated by a newer version of Vùng Xanh: it has 1 migration (29990101000000_future) this version does not know",
    );
  });
});
