import fs from "node:fs";
import Database from "better-sqlite3";
import { fail, noPositionals, parseFlags } from "./args.ts";
import { integrity, openExclusive } from "./sqlite-file.ts";

/** `restore FILE`. */
export interface RestoreCommand {
  kind: "restore";
  file: string;
}

/** Reads `restore FILE`. */
export function parseRestoreCommand(args: string[]): RestoreCommand {
  const { positionals } = parseFlags("restore", args, {});
  const [file, ...rest] = positionals;
  if (!file) fail("restore: say which backup to restore (npm run admin -- restore FILE, a file made by backup)");
  noPositionals("restore", rest);
  return { kind: "restore", file };
}

/** Refuses a file that is not a sound Vùng Xanh database. */
function checkBackup(file: string): void {
  if (!fs.existsSync(file)) fail(`restore: no file ${file}`);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const check = integrity(db);
    if (check !== "ok") fail(`restore: ${file} failed SQLite's check (${check}); nothing was changed`);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('Setting', 'Person', '_prisma_migrations')`).all();
    if (tables.length !== 3) fail(`restore: ${file} is not a Vùng Xanh database; nothing was changed`);
  } catch (error) {
    if ((error as { code?: unknown }).code === "SQLITE_NOTADB") fail(`restore: ${file} is not a database; nothing was changed`);
    throw error;
  } finally {
    db?.close();
  }
}

/**
 * Puts a backup in place of the database. Refused while anything has the database open (a
 * running server): the old database is locked for this process, its write-ahead log folded in and
 * removed (a stale `-wal` beside the restored file would be replayed into it), and it is kept as
 * `<database>.before-restore-<time>` rather than deleted. The backup itself is copied, never moved.
 * Returns where the replaced database went, if there was one.
 */
export function restoreDatabase(backup: string, target: string, now: Date): { kept: string | null } {
  checkBackup(backup);
  const incoming = `${target}.restoring-${process.pid}`;
  fs.copyFileSync(backup, incoming);
  let kept: string | null = null;
  try {
    if (fs.existsSync(target)) {
      const old = openExclusive(target, "restore");
      try {
        old.pragma("wal_checkpoint(TRUNCATE)");
        old.pragma("journal_mode = DELETE");
        kept = `${target}.before-restore-${now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}`;
        fs.renameSync(target, kept);
        for (const extra of ["-wal", "-shm", "-journal"]) fs.rmSync(`${target}${extra}`, { force: true });
        fs.renameSync(incoming, target);
      } finally {
        old.close();
      }
    } else {
      fs.renameSync(incoming, target);
    }
  } finally {
    fs.rmSync(incoming, { force: true });
  }
  return { kept };
}
