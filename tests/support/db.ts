import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { openDb, type Db } from "../../src/store/client.ts";
import { useDataKey } from "../../src/store/keyring.ts";

/** The data key of every test (tests/support/chat.ts gives the same one to its servers). */
export const TEST_DATA_KEY = Buffer.alloc(32, 7).toString("base64");

/** A fresh, migrated SQLite database in a temporary file. */
export async function freshDb(): Promise<{ db: Db; url: string; file: string; cleanup: () => Promise<void> }> {
  useDataKey(TEST_DATA_KEY);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vungxanh-test-"));
  const file = path.join(dir, "test.db");
  fs.copyFileSync(inject("templateDb"), file);
  const url = `file:${file}`;
  const db = await openDb(url);
  return {
    db,
    url,
    file,
    cleanup: async () => {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every byte SQLite keeps for a database (the file, its write-ahead log and index), as text. */
export function databaseBytes(file: string): string {
  return [file, `${file}-wal`, `${file}-shm`]
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f).toString("latin1"))
    .join("\n");
}
