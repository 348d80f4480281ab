import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";

/**
 * How long SQLite itself may spin on a lock held by another process. better-sqlite3 is
 * synchronous, so this wait blocks the whole event loop (webhooks, /healthz, SIGTERM): it is kept
 * short and the rest of the wait happens in {@link retryWhileBusy}, between event-loop turns.
 */
const DRIVER_BUSY_MS = 50;
/** Pause between two tries of a statement that found the database locked. */
const BUSY_PAUSE_MS = 20;

export interface SqliteAdapterOptions {
  /** how long one statement keeps trying while another process holds the lock (was the busy timeout) */
  busyWaitMs: number;
}

const beginQuery: SqlQuery = { sql: "BEGIN", args: [], argTypes: [] };

/** The `better-sqlite3` Database behind the stock adapter (a public field of its class). */
interface WithClient {
  client: { inTransaction: boolean; exec(sql: string): unknown };
}

function isBusy(error: unknown): boolean {
  const cause = (error as { cause?: { originalCode?: unknown } } | null)?.cause;
  return cause?.originalCode === "SQLITE_BUSY";
}

/** Runs `io` again while the database is locked by someone else, up to `waitMs`, without blocking. */
export async function retryWhileBusy<T>(io: () => Promise<T>, waitMs: number): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return await io();
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, BUSY_PAUSE_MS));
    }
  }
}

/**
 * Prisma's adapter for better-sqlite3, mended in two ways that matter when the disk fills or
 * another process holds the lock:
 *
 * - A failed `COMMIT` or `ROLLBACK` no longer leaves the adapter's transaction lock held. Prisma
 *   releases it only after those statements succeed, so one `SQLITE_FULL` at commit made every
 *   later transaction wait forever (webhooks hung for minutes after the disk was freed). Here the
 *   lock is released whatever happens, and the connection is rolled back if SQLite kept the
 *   transaction open, so the next one starts clean.
 * - Waiting on a lock held by another process happens between event-loop turns, so the server
 *   still answers webhooks and health checks within a second while it waits.
 */
export function sqliteAdapter(file: string, options: SqliteAdapterOptions): SqlMigrationAwareDriverAdapterFactory {
  const stock = new PrismaBetterSQLite3({ url: `file:${file}`, timeout: DRIVER_BUSY_MS });
  return {
    provider: stock.provider,
    adapterName: stock.adapterName,
    connect: async () => mended(await stock.connect(), options.busyWaitMs),
    connectToShadowDb: async () => mended(await stock.connectToShadowDb(), options.busyWaitMs),
  };
}

function mended(adapter: SqlDriverAdapter, busyWaitMs: number): SqlDriverAdapter {
  const client = (adapter as unknown as WithClient).client;
  const query = (q: SqlQuery) => retryWhileBusy(() => adapter.queryRaw(q), busyWaitMs);
  const execute = (q: SqlQuery) => retryWhileBusy(() => adapter.executeRaw(q), busyWaitMs);
  // One transaction at a time on the one connection, as the stock adapter does.
  let tail: Promise<void> = Promise.resolve();
  const acquire = async (): Promise<() => void> => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const before = tail;
    tail = before.then(() => held);
    await before;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
    };
  };
  /** After a failed COMMIT or ROLLBACK SQLite may or may not have rolled back by itself. */
  const abandon = () => {
    try {
      if (client.inTransaction) client.exec("ROLLBACK");
    } catch {
      // The connection is unusable either way; the next BEGIN reports it.
    }
  };

  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: query,
    executeRaw: execute,
    executeScript: (script) => adapter.executeScript(script),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => adapter.dispose(),
    async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
      if (isolationLevel && isolationLevel !== "SERIALIZABLE") return adapter.startTransaction(isolationLevel);
      const release = await acquire();
      try {
        // A transaction left open by a crash in the middle of a step must not swallow this one.
        if (client.inTransaction) abandon();
        await execute(beginQuery);
      } catch (error) {
        release();
        throw error;
      }
      return {
        provider: adapter.provider,
        adapterName: adapter.adapterName,
        options: { usePhantomQuery: false },
        queryRaw: query,
        async executeRaw(q) {
          const ending = q.sql === "COMMIT" || q.sql === "ROLLBACK";
          if (q.sql === "ROLLBACK" && !client.inTransaction) {
            // SQLite already rolled back (SQLITE_FULL, an I/O error): nothing to undo.
            release();
            return 0;
          }
          try {
            return await execute(q);
          } catch (error) {
            if (ending) {
              abandon();
              release();
            }
            throw error;
          }
        },
        commit: async () => release(),
        rollback: async () => release(),
      };
    },
  };
}
