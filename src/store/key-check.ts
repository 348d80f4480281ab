import type { Db } from "./client.ts";
import { decryptField, encryptField, keyId, sealedKeyId } from "./crypto.ts";
import { isUniqueViolation } from "./inbox.ts";
import { SEALED_COLUMNS } from "./sealed-columns.ts";
import { getSetting } from "./settings.ts";

/**
 * Proof that `DATA_KEY` is the key this database was sealed with.
 *
 * Without it a wrong key goes unnoticed: nothing opens, every identity tag misses, the officer who
 * writes becomes a new resident and nothing sealed is delivered. So the first start stores a known
 * text sealed under the key (the sealed form carries the key's id), and every later start — server
 * and admin command — opens it before touching anything, refusing a key that does not open it.
 */

/** Setting holding the sealed check text. */
export const CHECK_SETTING = "dataKey.check";
/** Setting present while a key rotation is under way: `{"from": kid, "to": kid}`. */
export const ROTATION_SETTING = "dataKey.rotation";
const CHECK_TEXT = "Vùng Xanh data key check v1";

/** The data key cannot be used with this database; the message is for the operator. */
export class DataKeyError extends Error {
  override name = "DataKeyError";
}

/** The check value for `dataKey`. */
export function sealCheck(dataKey: string): string {
  return encryptField(CHECK_TEXT, dataKey);
}

/** Whether `stored` (a check value) was sealed by `dataKey`. */
export function opensCheck(stored: string, dataKey: string): boolean {
  try {
    return decryptField(stored, dataKey) === CHECK_TEXT;
  } catch {
    return false;
  }
}

/** Whether a sealed value opens with `dataKey`. */
function opens(sealed: string, dataKey: string): boolean {
  try {
    decryptField(sealed, dataKey);
    return true;
  } catch {
    return false;
  }
}

/** The refusal for a key that does not open the database's data (`sealedBy`: the key id found). */
export function wrongKeyMessage(dataKey: string, sealedBy: string | null): string {
  const found = sealedBy && sealedBy !== "v1" ? `key ${sealedBy}` : "another key";
  return (
    `DATA_KEY (key ${keyId(dataKey)}) is not the key this database was sealed with (${found}). ` +
    "Nothing was changed. Set DATA_KEY to the key this database was used with: after a key rotation the new key, " +
    "for a database restored from a backup the key in use when the backup was taken."
  );
}

/** The refusal while a rotation is unfinished. */
export function rotationMessage(state: string): string {
  let from = "?";
  let to = "?";
  try {
    ({ from, to } = JSON.parse(state) as { from: string; to: string });
  } catch {
    // a damaged state still refuses, with unknown ids
  }
  return (
    `a DATA_KEY rotation from key ${from} to key ${to} did not finish: part of the data is under each key. ` +
    'Run "npm run admin -- rotate-key" again with DATA_KEY set to the old key and NEW_DATA_KEY to the new one; ' +
    "then start with the new key as DATA_KEY."
  );
}

/** The first sealed value of any registered column, to test a key on a database with no check yet. */
export async function sampleSealed(db: Db): Promise<string | null> {
  for (const { table, column } of SEALED_COLUMNS) {
    const rows = await db.$queryRawUnsafe<{ v: string }[]>(
      `SELECT "${column}" AS v FROM "${table}" WHERE "${column}" LIKE 'v1:%' OR "${column}" LIKE 'v2:%' LIMIT 1`,
    );
    if (rows[0]) return rows[0].v;
  }
  return null;
}

/**
 * Refuses a `DATA_KEY` this database was not sealed with ({@link DataKeyError}), and an unfinished
 * rotation; stores the check value on the first start (a database made before this check is
 * tested against the data it already holds first). Returns what it did.
 */
export async function checkDataKey(db: Db, dataKey: string): Promise<"verified" | "stored"> {
  const rotation = await getSetting(db, ROTATION_SETTING);
  if (rotation) throw new DataKeyError(rotationMessage(rotation));
  const check = await getSetting(db, CHECK_SETTING);
  if (check) {
    if (!opensCheck(check, dataKey)) throw new DataKeyError(wrongKeyMessage(dataKey, sealedKeyId(check)));
    return "verified";
  }
  const sample = await sampleSealed(db);
  if (sample && !opens(sample, dataKey)) throw new DataKeyError(wrongKeyMessage(dataKey, sealedKeyId(sample)));
  try {
    await db.setting.create({ data: { key: CHECK_SETTING, value: sealCheck(dataKey) } });
    return "stored";
  } catch (error) {
    // Another process stored it first: test the key against theirs.
    if (!isUniqueViolation(error)) throw error;
    return checkDataKey(db, dataKey);
  }
}
