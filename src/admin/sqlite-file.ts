import fs from "node:fs";
import Database from "better-sqlite3";
import { fail } from "./args.ts";

/**
 * The database file opened directly with better-sqlite3, for the commands that work on the file
 * as a whole (backup, restore, rotate-key) rather than through the store.
 */
export type SqliteFile = Database.Database;

/** Whether an error is SQLite's "database is locked / busy". */
function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

/**
 * Opens the database for this process alone, or refuses (a UsageError) when any other connection
 * has it open: a running server, or another command. In WAL mode every open connection holds a
 * shared lock on the database's index, so the exclusive lock is granted only when nobody else is
 * there; the lock is then kept until {@link SqliteFile.close}, so no server can start meanwhile.
 */
export function openExclusive(file: string, doing: string): SqliteFile {
  if (!fs.existsSync(file)) fail(`no database at ${file} (DATABASE_URL)`);
  const db = new Database(file, { fileMustExist: true, timeout: 1000 });
  try {
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE");
    db.exec("COMMIT");
    return db;
  } catch (error) {
    db.close();
    if (isBusy(error)) fail(`the database ${file} is in use (is the server running?): stop it, then ${doing} again`);
    throw error;
  }
}

/** Refuses (a UsageError) when any other connection has the database open; see {@link openExclusive}. */
export function assertNotInUse(file: string, doing: string): void {
  if (fs.existsSync(file)) openExclusive(file, doing).close();
}

/** SQLite's own check of a database file; "ok" when it is sound. */
export function integrity(db: SqliteFile): string {
  const rows = db.pragma("quick_check") as { quick_check: string }[];
  return rows.map((r) => r.quick_check).join("; ");
}

/** A Setting row, or null. */
export function readSetting(db: SqliteFile, key: string): string | null {
  const row = db.prepare(`SELECT value FROM "Setting" WHERE key = ?`).get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

/** Writes a Setting row as Prisma would (its updatedAt is set by the client, not by a default). */
export function writeSetting(db: SqliteFile, key: string, value: string): void {
  const now = new Date().toISOString().replace("Z", "+00:00");
  db.prepare(`INSERT INTO "Setting" (key, value, updatedAt) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updatedAt = excluded.updatedAt`).run(
    key,
    value,
    now,
  );
}

/** Deletes a Setting row. */
export function deleteSetting(db: SqliteFile, key: string): void {
  db.prepare(`DELETE FROM "Setting" WHERE key = ?`).run(key);
}
