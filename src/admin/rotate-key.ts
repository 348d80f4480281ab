import type { Statement } from "better-sqlite3";
import { z } from "zod";
import { DecryptError, keyId, sealedKeyId } from "../store/crypto.ts";
import { CHECK_SETTING, opensCheck, ROTATION_SETTING, sealCheck, wrongKeyMessage } from "../store/key-check.ts";
import { createKeyring } from "../store/keyring.ts";
import { SEALED_COLUMNS, TAGGED_COLUMNS, UnprovableTagError, type RetagContext } from "../store/sealed-columns.ts";
import { fail, noPositionals, parseFlags, validate } from "./args.ts";
import { deleteSetting, openExclusive, readSetting, writeSetting, type SqliteFile } from "./sqlite-file.ts";

/** `rotate-key [--batch N]`. */
export interface RotateKeyCommand {
  kind: "rotate-key";
  /** rows per transaction */
  batch: number;
}

/** Reads `rotate-key [--batch N]`. */
export function parseRotateKeyCommand(args: string[]): RotateKeyCommand {
  const { values, positionals } = parseFlags("rotate-key", args, { batch: { type: "string" } });
  noPositionals("rotate-key", positionals);
  const { batch } = validate(z.object({ batch: z.coerce.number().int().min(1).max(100_000).default(500) }), values, { batch: "--batch" });
  return { kind: "rotate-key", batch };
}

const Key = z.string().refine((k) => Buffer.from(k, "base64").length === 32, "must be 32 bytes in base64 (openssl rand -base64 32)");

/** Checks NEW_DATA_KEY from the environment. */
export function newDataKeyFrom(env: NodeJS.ProcessEnv): string {
  const key = env.NEW_DATA_KEY;
  if (!key) fail("rotate-key: set NEW_DATA_KEY to the new key (32 random bytes in base64: openssl rand -base64 32), and DATA_KEY to the current one");
  const parsed = Key.safeParse(key);
  if (!parsed.success) fail(`NEW_DATA_KEY: ${parsed.error.issues[0]!.message}`);
  return key;
}

/** What a rotation did. */
export interface RotationOutcome {
  outcome: "rotated" | "already";
  resumed: boolean;
  /** values re-sealed and tags recomputed by this run */
  resealed: number;
  retagged: number;
  from: string;
  to: string;
}

/** The tables the registry names, each with every column rotation reads of it. */
function tablesToWalk(): { table: string; columns: string[] }[] {
  const byTable = new Map<string, Set<string>>();
  const add = (table: string, ...columns: string[]) => {
    const set = byTable.get(table) ?? new Set<string>();
    for (const c of columns) set.add(c);
    byTable.set(table, set);
  };
  for (const s of SEALED_COLUMNS) add(s.table, s.column);
  for (const t of TAGGED_COLUMNS) add(t.table, t.column, ...t.from);
  return [...byTable].map(([table, columns]) => ({ table, columns: [...columns] }));
}

type Row = Record<string, unknown> & { _rowid_: number };

/**
 * Re-seals every sealed value and recomputes every keyed tag of the registry
 * (src/store/sealed-columns.ts) under `newKey`, on the database file alone (refused while a server
 * has it open).
 *
 * Resumable after a crash at any point: a sealed value carries the id of the key that sealed it,
 * so one already under the new key is left alone (never sealed twice), and a tag is recomputed
 * from its plain value, so recomputing it again gives the same tag. Each batch of rows is one
 * transaction. A `dataKey.rotation` setting marks the database as half-rotated until the end, so
 * neither key starts the server meanwhile; the last transaction stores the new key's check value
 * and removes the mark. Before writing anything, every value is opened and every tag proven, so a
 * database that cannot be rotated is refused untouched.
 */
export function rotateKey(
  file: string,
  oldKey: string,
  newKey: string,
  options: { batch: number; progress?: (line: string) => void },
): RotationOutcome {
  const from = keyId(oldKey);
  const to = keyId(newKey);
  if (from === to) fail("rotate-key: NEW_DATA_KEY is the same key as DATA_KEY");
  const db = openExclusive(file, "rotate-key");
  try {
    const state = readSetting(db, ROTATION_SETTING);
    let resumed = false;
    if (state) {
      const started = JSON.parse(state) as { from: string; to: string };
      if (started.from !== from || started.to !== to) {
        fail(
          `rotate-key: a rotation from key ${started.from} to key ${started.to} is under way; run it again with DATA_KEY set to key ${started.from} ` +
            `and NEW_DATA_KEY to key ${started.to} (given: ${from} and ${to})`,
        );
      }
      resumed = true;
    } else {
      const check = readSetting(db, CHECK_SETTING);
      if (check && opensCheck(check, newKey)) return { outcome: "already", resumed, resealed: 0, retagged: 0, from, to };
      if (check && !opensCheck(check, oldKey)) fail(wrongKeyMessage(oldKey, sealedKeyId(check)));
    }
    const ctx = rotationContext(db, oldKey, newKey);
    const walk = tablesToWalk();
    // Everything must open and every tag be proven before the first write.
    for (const { table, columns } of walk) forEachBatch(db, table, columns, 1000, (rows) => rows.forEach((row) => changesOf(table, row, ctx, to, { dry: true })));
    if (!resumed) writeSetting(db, ROTATION_SETTING, JSON.stringify({ from, to, startedAt: new Date().toISOString() }));
    let resealed = 0;
    let retagged = 0;
    const updates = new Map<string, Statement<unknown[]>>();
    const update = (table: string, names: string[]) => {
      const sql = `UPDATE "${table}" SET ${names.map((n) => `"${n}" = ?`).join(", ")} WHERE rowid = ?`;
      let statement = updates.get(sql);
      if (!statement) updates.set(sql, (statement = db.prepare(sql)));
      return statement;
    };
    for (const { table, columns } of walk) {
      let done = 0;
      forEachBatch(db, table, columns, options.batch, (rows) => {
        db.transaction(() => {
          for (const row of rows) {
            const { sealed, tagged, set } = changesOf(table, row, ctx, to);
            const names = Object.keys(set);
            if (names.length === 0) continue;
            update(table, names).run(...names.map((n) => set[n]), row._rowid_);
            resealed += sealed;
            retagged += tagged;
          }
        })();
        done += rows.length;
        options.progress?.(`${table}: ${done} rows`);
      });
    }
    db.transaction(() => {
      writeSetting(db, CHECK_SETTING, sealCheck(newKey));
      // Demo mode keeps its key in the database: it follows the rotation.
      if (readSetting(db, "demo.dataKey") === oldKey) writeSetting(db, "demo.dataKey", newKey);
      deleteSetting(db, ROTATION_SETTING);
    })();
    return { outcome: "rotated", resumed, resealed, retagged, from, to };
  } finally {
    db.close();
  }
}

/** Both keys: what the registry's tag recomputations use, and re-sealing. */
interface RotationContext extends RetagContext {
  /** opens a value under either key and seals it under the new one */
  reseal(sealed: string): string;
}

function rotationContext(db: SqliteFile, oldKey: string, newKey: string): RotationContext {
  const older = createKeyring(oldKey);
  const newer = createKeyring(newKey);
  const open = (sealed: string) => (sealedKeyId(sealed) === newer.id ? newer : older).open(sealed);
  // Tipster tags of every person under both keys: a block keeps nothing else to find its person by.
  const tipsters = new Map<string, number>();
  const ids = (db.prepare(`SELECT id FROM "Person"`).all() as { id: number }[]).map((r) => r.id);
  for (const id of ids) {
    tipsters.set(older.tag("tipster", String(id)), id);
    tipsters.set(newer.tag("tipster", String(id)), id);
  }
  return {
    open,
    reseal: (sealed) => newer.seal(open(sealed)),
    tag: (input) => newer.tag(...input),
    isTagOf: (stored, input) => stored === older.tag(...input) || stored === newer.tag(...input),
    tipsterOf: (stored) => tipsters.get(stored),
  };
}

/** The new values of one row's registered columns (only those that change). */
function changesOf(table: string, row: Row, ctx: RotationContext, to: string, options: { dry?: boolean } = {}): { sealed: number; tagged: number; set: Record<string, string> } {
  const set: Record<string, string> = {};
  let sealed = 0;
  let tagged = 0;
  const where = (column: string) => `${table} row ${row._rowid_}, ${column}`;
  for (const { column } of SEALED_COLUMNS.filter((s) => s.table === table)) {
    const value = row[column];
    if (typeof value !== "string") continue;
    const kid = sealedKeyId(value);
    if (kid === null || kid === to) continue;
    try {
      // A dry pass only proves the value opens.
      set[column] = options.dry ? ctx.open(value) : ctx.reseal(value);
    } catch (error) {
      if (error instanceof DecryptError) fail(`rotate-key: ${where(column)} opens with neither DATA_KEY nor NEW_DATA_KEY; nothing more was changed`);
      throw error;
    }
    sealed++;
  }
  for (const t of TAGGED_COLUMNS.filter((c) => c.table === table)) {
    let next: string | undefined;
    try {
      next = t.retag(row, ctx);
    } catch (error) {
      if (error instanceof UnprovableTagError) fail(`rotate-key: ${error.message}; nothing more was changed`);
      if (error instanceof DecryptError) fail(`rotate-key: ${where(t.column)}: its source opens with neither key; nothing more was changed`);
      throw error;
    }
    if (next !== undefined && next !== row[t.column]) {
      set[t.column] = next;
      tagged++;
    }
  }
  return { sealed, tagged, set };
}

/** Calls `fn` with the rows of `table`, `size` at a time, in rowid order. */
function forEachBatch(db: SqliteFile, table: string, columns: string[], size: number, fn: (rows: Row[]) => void): void {
  const select = db.prepare(`SELECT rowid AS _rowid_, ${columns.map((c) => `"${c}"`).join(", ")} FROM "${table}" WHERE rowid > ? ORDER BY rowid LIMIT ?`);
  let after = 0;
  for (;;) {
    const rows = select.all(after, size) as Row[];
    if (rows.length === 0) return;
    fn(rows);
    after = rows.at(-1)!._rowid_;
  }
}
