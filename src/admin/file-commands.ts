import fs from "node:fs";
import Database from "better-sqlite3";
import { fail } from "./args.ts";
import { backupDatabase, type BackupCommand } from "./backup.ts";
import { restoreDatabase, type RestoreCommand } from "./restore.ts";
import { newDataKeyFrom, rotateKey, type RotateKeyCommand } from "./rotate-key.ts";
import { readSetting } from "./sqlite-file.ts";

/** The commands that work on the database file as a whole, outside the store. */
export type FileCommand = BackupCommand | RestoreCommand | RotateKeyCommand;

export function isFileCommand(command: { kind: string }): command is FileCommand {
  return command.kind === "backup" || command.kind === "restore" || command.kind === "rotate-key";
}

/** What a file command needs: the database file, the key in the environment, output. */
export interface FileCommandIo {
  /** the SQLite file of DATABASE_URL */
  database: string;
  /** DATA_KEY; absent in demo mode, where the key is kept in the database */
  dataKey: string | undefined;
  env: NodeJS.ProcessEnv;
  out: (line: string) => void;
  now: Date;
}

/** The current key: DATA_KEY, or demo mode's stored key. */
function currentKey(io: FileCommandIo): string {
  if (io.dataKey) return io.dataKey;
  if (fs.existsSync(io.database)) {
    const db = new Database(io.database, { readonly: true, fileMustExist: true });
    try {
      const stored = readSetting(db, "demo.dataKey");
      if (stored) return stored;
    } finally {
      db.close();
    }
  }
  return fail("rotate-key: set DATA_KEY to the current key (and NEW_DATA_KEY to the new one)");
}

/** Runs backup, restore or rotate-key; throws a UsageError when refused. */
export async function runFileCommand(command: FileCommand, io: FileCommandIo): Promise<void> {
  switch (command.kind) {
    case "backup": {
      const { bytes } = await backupDatabase(io.database, command.file);
      io.out(`backup of ${io.database} written to ${command.file} (${bytes} bytes, checked): one file, the write-ahead log included`);
      io.out("it opens only with the DATA_KEY in use now: keep that key as long as you keep this backup");
      return;
    }
    case "restore": {
      const { kept } = restoreDatabase(command.file, io.database, io.now);
      io.out(`restored ${command.file} to ${io.database}`);
      if (kept) io.out(`the database it replaced is kept as ${kept}`);
      io.out("start the server with the DATA_KEY in use when the backup was taken");
      return;
    }
    case "rotate-key": {
      const oldKey = currentKey(io);
      const newKey = newDataKeyFrom(io.env);
      const r = rotateKey(io.database, oldKey, newKey, { batch: command.batch, progress: io.out });
      if (r.outcome === "already") {
        io.out(`this database is already under NEW_DATA_KEY (key ${r.to}): nothing to do; start the server with it as DATA_KEY`);
        return;
      }
      io.out(
        `${r.resumed ? "resumed the unfinished rotation: " : ""}DATA_KEY rotated from key ${r.from} to key ${r.to}: ` +
          `${r.resealed} values re-sealed, ${r.retagged} tags recomputed`,
      );
      io.out("start the server with DATA_KEY set to the new key; keep the old key as long as you keep backups taken before now");
      return;
    }
  }
}
