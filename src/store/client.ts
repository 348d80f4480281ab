import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.ts";

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
 * writer, and a busy timeout so two processes on one file queue instead of failing.
 */
export async function openDb(databaseUrl: string): Promise<Db> {
  const file = sqlitePath(databaseUrl);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}`, timeout: 5000 }) });
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  return db;
}
