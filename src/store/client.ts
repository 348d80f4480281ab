import fs from "node:fs";
import path from "node:path";
import { PrismaClient } from "../generated/prisma/client.ts";
import { sqliteAdapter } from "./sqlite-adapter.ts";

export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
/** Either: store functions work inside and outside a transaction. */
export type DbOrTx = Db | Tx;

/** The file behind a `file:` database URL, resolved from the working directory. */
export function sqlitePath(databaseUrl: string): string {
  if (!databaseUrl.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be file:PATH for SQLite, got ${databaseUrl.split(":")[0]}:…`);
  }
  return path.resolve(databaseUrl.slice("file:".length));
}

/**
 * Opens the database: SQLite through the JavaScript engine, WAL so readers never wait for the
 * writer, and up to 5 s of waiting on another process's lock so two processes on one file queue
 * instead of failing (the wait yields to the event loop: see `sqlite-adapter.ts`).
 */
export async function openDb(databaseUrl: string): Promise<Db> {
  const file = sqlitePath(databaseUrl);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new PrismaClient({ adapter: sqliteAdapter(file, { busyWaitMs: 5000 }) });
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  // Every commit reaches the disk before it returns: an update answered 200, a message marked
  // sent, survives a power cut. Set on every open: better-sqlite3's default in WAL is NORMAL,
  // and only the process that created the file ran with FULL.
  await db.$queryRawUnsafe("PRAGMA synchronous = FULL");
  // A deleted row's bytes are overwritten, not left in a free page: the outbox forgets replies
  // and alerts so that no one can line them up with a tip, and a free page would remember them.
  await db.$queryRawUnsafe("PRAGMA secure_delete = ON");
  return db;
}

/**
 * Copies the write-ahead log into the database and empties it. The log holds the pages as they
 * were before a delete until it is checkpointed, so forgotten rows stay readable in the `-wal`
 * file until this runs (the server runs it every minute, see `server.ts`).
 */
export async function checkpoint(db: Db): Promise<void> {
  await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
}

/**
 * Runs `fn` in a transaction of its own unless it is given one already. Every query shares one
 * SQLite connection, and the driver adapter makes transactions wait for each other but not plain
 * queries: a plain write made while another chat's step is open lands inside that step's
 * transaction, and its rollback would take the write away (an update answered 200, a message
 * marked sent, a rotated token). Store functions that write outside a step go through this.
 */
export function isolated<T>(db: DbOrTx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return "$transaction" in db ? (db as Db).$transaction(fn, { maxWait: 30_000, timeout: 30_000 }) : fn(db as Tx);
}

/** How long a transaction may wait for the connection (`maxWait`) and run (`timeout`), in ms; Prisma's defaults when left out. */
export interface TransactionLimits {
  maxWait?: number;
  timeout?: number;
}

/**
 * Runs `fn` in one transaction: everything it writes is committed together or not at all. The
 * way for other layers to open a transaction; they pass the `Tx` on to store functions.
 */
export function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>, limits?: TransactionLimits): Promise<T> {
  return db.$transaction(fn, limits);
}

/** Closes the database connection, when a process is done with it. */
export function closeDb(db: Db): Promise<void> {
  return db.$disconnect();
}
