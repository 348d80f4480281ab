import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { fail, noPositionals, parseFlags } from "./args.ts";
import { integrity } from "./sqlite-file.ts";

/** `backup FILE`. */
export interface BackupCommand {
  kind: "backup";
  file: string;
}

/** Reads `backup FILE`. */
export function parseBackupCommand(args: string[]): BackupCommand {
  const { positionals } = parseFlags("backup", args, {});
  const [file, ...rest] = positionals;
  if (!file) fail('backup: say where to write it (npm run admin -- backup FILE, e.g. backup ./backups/vungxanh-2026-11-28.db)');
  noPositionals("backup", rest);
  return { kind: "backup", file };
}

/**
 * Copies the live database into one self-contained file with SQLite's online backup, which reads
 * through SQLite itself: what is still in the write-ahead log (`-wal`) is included, and a server
 * writing meanwhile neither waits nor corrupts the copy (the copy is one consistent moment). The
 * copy is written beside FILE, switched out of WAL mode (so the one file is the whole database),
 * checked, and only then renamed to FILE: a FILE that exists is a complete backup.
 */
export async function backupDatabase(source: string, target: string): Promise<{ bytes: number; pages: number }> {
  if (!fs.existsSync(source)) fail(`no database at ${source} (DATABASE_URL)`);
  if (fs.existsSync(target)) fail(`backup: ${target} exists already; choose a new file name`);
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  const db = new Database(source, { fileMustExist: true, timeout: 5000 });
  try {
    // All remaining pages in each step: a step is one read transaction, one consistent moment;
    // smaller steps would restart from scratch each time another process writes.
    const { totalPages } = await db.backup(partial, { progress: ({ remainingPages }) => Math.max(remainingPages, 100) });
    const copy = new Database(partial, { fileMustExist: true });
    try {
      copy.pragma("journal_mode = DELETE");
      const check = integrity(copy);
      if (check !== "ok") throw new Error(`backup: the copy failed SQLite's check: ${check}`);
    } finally {
      copy.close();
    }
    fs.renameSync(partial, target);
    return { bytes: fs.statSync(target).size, pages: totalPages };
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
}
