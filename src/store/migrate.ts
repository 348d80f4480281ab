import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { sqlitePath } from "./client.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const migrationsDir = path.join(root, "prisma", "migrations");

/** How long a process waits for another one's migration to finish before giving up. */
const LOCK_WAIT_MS = 120_000;

/** Thrown when `prisma migrate deploy` fails; its output says why. */
export class MigrationError extends Error {
  override name = "MigrationError";
}

/**
 * Thrown when the database and this build disagree in a way only the operator can settle: it was
 * migrated by a newer build, or it is behind and another process keeps it open. The message is
 * one line meant for the operator; entry points exit 2 on it (see {@link exitOnSchemaVersion}).
 */
export class SchemaVersionError extends Error {
  override name = "SchemaVersionError";
}

/** Where the database stands against this build's `prisma/migrations/`. */
export interface SchemaState {
  /** this build's migrations the database has not applied yet, in order */
  pending: string[];
  /** migrations the database has applied that this build does not have: a newer build ran them */
  unknown: string[];
}

/** What {@link migrate} did. */
export interface MigrateOutcome {
  /** whether `prisma migrate deploy` ran (false when the database was already current) */
  ran: boolean;
  /** the migrations applied */
  applied: string[];
  /** the migrator's output, when it ran */
  output: string;
}

/**
 * Brings the database to this build's schema, once, whichever process gets there first. A
 * current database is recognised in-process from `_prisma_migrations` and the migrator is not
 * started at all: that is the normal case, and `prisma migrate deploy` cannot run while another
 * process has the file open (its SQLite connector takes an exclusive lock, which fails after the
 * busy timeout as `WASM_ERROR: unknown variant SocketTimeout`). When the schema is behind, a lock
 * beside the database file makes processes starting together take turns, and each checks again
 * once it holds the lock, so only the first one migrates.
 *
 * @throws SchemaVersionError when the database is newer than this build, or behind while in use
 * @throws MigrationError when the migrator fails for another reason
 */
export async function migrate(databaseUrl: string): Promise<MigrateOutcome> {
  const file = sqlitePath(databaseUrl);
  const first = schemaState(file);
  if (first !== "busy") {
    assertNotNewer(first);
    if (first.pending.length === 0) return { ran: false, applied: [], output: "" };
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return withMigrationLock(file, async () => {
    const state = schemaState(file);
    if (state === "busy") throw new MigrationError(`the database ${file} stays locked by another process`);
    assertNotNewer(state);
    if (state.pending.length === 0) return { ran: false, applied: [], output: "" };
    const { code, output } = await runMigrator(file);
    if (code === 0) return { ran: true, applied: state.pending, output };
    if (/SocketTimeout|database is locked|SQLITE_BUSY/.test(output)) {
      throw new SchemaVersionError(
        `the database is from an older version of Vùng Xanh and another process (the running server?) has it open, ` +
          `so it cannot be migrated now: ${describe(state.pending)} to apply. ` +
          `Stop that process and run this again (starting this version's server also migrates it).`,
      );
    }
    throw new MigrationError(`prisma migrate deploy exited ${code}:\n${output}`);
  });
}

/**
 * For an entry point's `migrate(…).catch(…)`: a {@link SchemaVersionError} is printed as one line
 * after `prefix` and the process exits 2 (the operator's to settle, like a bad variable); any
 * other error is thrown on, to be reported as a failure.
 */
export function exitOnSchemaVersion(prefix: string): (error: unknown) => never {
  return (error) => {
    if (!(error instanceof SchemaVersionError)) throw error;
    process.stderr.write(`${prefix}${error.message}\n`);
    process.exit(2);
  };
}

/** This build's migrations: the folders of `prisma/migrations/` with a migration.sql, in order. */
export function knownMigrations(): string[] {
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(migrationsDir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
}

/**
 * Compares the migrations the database records as applied with this build's; "busy" when the file
 * cannot be read because a migration elsewhere holds it. A missing file is simply behind.
 */
export function schemaState(file: string): SchemaState | "busy" {
  const known = knownMigrations();
  let applied: string[] = [];
  if (fs.existsSync(file)) {
    const db = new Database(file, { fileMustExist: true, timeout: 5000 });
    try {
      const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
      if (table) {
        applied = db
          .prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL")
          .pluck()
          .all() as string[];
      }
    } catch (error) {
      if ((error as { code?: string }).code === "SQLITE_BUSY") return "busy";
      throw error;
    } finally {
      db.close();
    }
  }
  const done = new Set(applied);
  const ours = new Set(known);
  return { pending: known.filter((m) => !done.has(m)), unknown: [...done].filter((m) => !ours.has(m)).sort() };
}

function assertNotNewer(state: SchemaState) {
  if (state.unknown.length === 0) return;
  throw new SchemaVersionError(
    `the database was migrated by a newer version of Vùng Xanh: it has ${describe(state.unknown)} this version does not know. ` +
      `Run the newer version (update this copy: git pull && npm install), or set DATABASE_URL to a database of this version.`,
  );
}

function describe(migrations: string[]): string {
  return `${migrations.length} migration${migrations.length === 1 ? "" : "s"} (${migrations.join(", ")})`;
}

let inProcess: Promise<unknown> = Promise.resolve();

/**
 * Holds an exclusive SQLite lock on a small file beside the database while `fn` runs. The lock is
 * the operating system's, so a process that dies holding it releases it; the database itself
 * cannot carry it, since the migrator needs that file to itself.
 */
function withMigrationLock<T>(file: string, fn: () => Promise<T>): Promise<T> {
  // Waiting on the SQLite lock blocks the thread, so callers in one process queue here first.
  const run = inProcess.then(() => holdingLock(file, fn));
  inProcess = run.catch(() => undefined);
  return run;
}

async function holdingLock<T>(file: string, fn: () => Promise<T>): Promise<T> {
  const lock = new Database(`${file}-migrate-lock`, { timeout: LOCK_WAIT_MS });
  try {
    try {
      lock.exec("BEGIN EXCLUSIVE");
    } catch (error) {
      if ((error as { code?: string }).code !== "SQLITE_BUSY") throw error;
      throw new MigrationError(`another process has been migrating ${file} for over ${LOCK_WAIT_MS / 1000} s; is it stuck?`);
    }
    return await fn();
  } finally {
    lock.close();
  }
}

/** `prisma migrate deploy` through scripts/prisma.mjs, which sets up the offline engine paths. */
function runMigrator(file: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "scripts", "prisma.mjs"), "migrate", "deploy"], {
      cwd: root,
      // Absolute: Prisma runs from the project root, the caller may not.
      env: { ...process.env, DATABASE_URL: `file:${file}` },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}
