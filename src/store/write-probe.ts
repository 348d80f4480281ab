import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/** What a write probe found: the database takes a write, or why it does not. */
export type WriteHealth = { ok: true } | { ok: false; reason: "locked" | "disk-full" | "error" };

/** A real, cheap write to the database, made on a connection of its own. */
export interface WriteProbe {
  /** Writes one row and commits it; gives up (reason `locked`) after `timeoutMs`. */
  check(timeoutMs: number): Promise<WriteHealth>;
  close(): void;
}

/** Below this much free space on the database's file system the server says it is degraded. */
export const DEFAULT_MIN_FREE_BYTES = 1024 * 1024;
const PROBE_KEY = "health.probe";
const PAUSE_MS = 20;

/**
 * A write probe for the SQLite file behind `file`. It upserts one `Setting` row
 * (`health.probe`) with `BEGIN IMMEDIATE`, so a lock held by another process, a read-only or
 * failing disk all show; and it reads the file system's free space, since SQLite may still
 * fit a tiny row into its write-ahead log on a disk that has no room for a real step. The
 * connection never waits inside SQLite (busy timeout 0): it retries between event-loop turns, so
 * a probe cannot stall the server it checks.
 */
export function createWriteProbe(file: string, options: { minFreeBytes?: number } = {}): WriteProbe {
  const minFreeBytes = options.minFreeBytes ?? DEFAULT_MIN_FREE_BYTES;
  let db: Database.Database | undefined;
  let running: Promise<WriteHealth> | undefined;

  function writeOnce(now: Date): void {
    db ??= new Database(file, { fileMustExist: true, timeout: 0 });
    db.exec("BEGIN IMMEDIATE");
    try {
      db.prepare(
        `INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES (?, ?, ?)
         ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value", "updatedAt" = excluded."updatedAt"`,
      ).run(PROBE_KEY, now.toISOString(), now.toISOString().replace("Z", "+00:00"));
      db.exec("COMMIT");
    } finally {
      if (db.inTransaction) db.exec("ROLLBACK");
    }
  }

  async function probe(timeoutMs: number): Promise<WriteHealth> {
    const deadline = Date.now() + timeoutMs;
    try {
      const space = await fs.promises.statfs(path.dirname(file));
      if (space.bavail * space.bsize < minFreeBytes) return { ok: false, reason: "disk-full" };
    } catch {
      return { ok: false, reason: "error" };
    }
    for (;;) {
      try {
        writeOnce(new Date());
        return { ok: true };
      } catch (error) {
        const code = String((error as { code?: unknown }).code ?? "");
        if (code === "SQLITE_FULL") return { ok: false, reason: "disk-full" };
        if (!code.startsWith("SQLITE_BUSY")) {
          // A broken connection (a deleted file, an I/O error) is opened afresh next time.
          db?.close();
          db = undefined;
          return { ok: false, reason: "error" };
        }
        if (Date.now() + PAUSE_MS >= deadline) return { ok: false, reason: "locked" };
        await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      }
    }
  }

  return {
    check(timeoutMs) {
      // Checks asked for at once share one probe: a burst of health checks is one write.
      running ??= probe(timeoutMs).finally(() => (running = undefined));
      return running;
    },
    close() {
      db?.close();
      db = undefined;
    },
  };
}
