import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * Field encryption for secrets kept in the database.
 *
 * Some columns must be unreadable to whoever gets a copy of the database file (a backup, a
 * laptop, a support dump): the Zalo OA tokens (whoever holds them speaks as the OA) and, later,
 * the identities of informants and of people in rehab. Those columns are sealed with AES-256-GCM
 * under `DATA_KEY`, which lives only in the environment. GCM is authenticated: a value that was
 * altered, or read with another key, fails loudly with {@link DecryptError} instead of decrypting
 * to garbage.
 *
 * Stored form: `"v2:" + kid + ":" + base64(iv (12 bytes) | tag (16 bytes) | ciphertext)`, with a
 * fresh random IV for every write, so the same value never looks the same twice. `kid` is the
 * key's id ({@link keyId}): during a key rotation (`npm run admin -- rotate-key`) it says which of
 * the two keys sealed a value, so a half-rotated database is read without guessing and nothing is
 * sealed twice. The header `v2:kid` is authenticated too (GCM additional data), so a value cannot
 * be passed off as another key's. The older form `"v1:" + base64(…)` (no key id, no additional
 * data) is still read; only rotation rewrites it.
 */

const V1 = "v1:";
const V2 = "v2:";
const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A stored value that cannot be opened: the wrong `DATA_KEY`, or the value was altered. */
export class DecryptError extends Error {
  override name = "DecryptError";
  constructor(reason: string) {
    super(`decryptField: ${reason}`);
  }
}

/** The 32 bytes of a base64 `DATA_KEY`; a key of another length is a configuration error. */
function keyBytes(key: string, call: string): Buffer {
  const bytes = Buffer.from(key, "base64");
  if (bytes.length !== 32) throw new Error(`${call}: DATA_KEY must be 32 bytes in base64, got ${bytes.length} bytes`);
  return bytes;
}

/**
 * A short public name of a key (8 characters): a one-way hash of it, so it can be stored beside
 * what the key sealed and printed in messages without telling anything about the key.
 */
export function keyId(key: string): string {
  let id = ids.get(key);
  if (id === undefined) {
    id = createHash("sha256").update("vungxanh key id\0").update(keyBytes(key, "keyId")).digest("base64url").slice(0, 8);
    // A process uses one or two keys: remembered, so sealing a value costs no extra hash.
    if (ids.size < 16) ids.set(key, id);
  }
  return id;
}

const ids = new Map<string, string>();

/**
 * Which key sealed a stored value: its key id for the `v2:` form, `"v1"` for the older form
 * (sealed before key ids, so by the key in use before any rotation), null for a value that is not
 * sealed at all (an empty column, a cleared payload).
 */
export function sealedKeyId(stored: string): string | null {
  if (stored.startsWith(V2)) {
    const end = stored.indexOf(":", V2.length);
    return end > V2.length ? stored.slice(V2.length, end) : null;
  }
  return stored.startsWith(V1) ? "v1" : null;
}

/** Seals `plain` under `key` (DATA_KEY, 32 bytes in base64). */
export function encryptField(plain: string, key: string): string {
  const header = `${V2}${keyId(key)}`;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, keyBytes(key, "encryptField"), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(header));
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `${header}:${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64")}`;
}

/** Opens a value made by {@link encryptField} (either form); throws {@link DecryptError} if it cannot. */
export function decryptField(stored: string, key: string): string {
  const k = keyBytes(key, "decryptField");
  let body: string;
  let aad: Buffer | undefined;
  if (stored.startsWith(V2)) {
    const kid = sealedKeyId(stored);
    if (!kid) throw new DecryptError("malformed v2 value (no key id)");
    const mine = keyId(key);
    if (kid !== mine) throw new DecryptError(`sealed under key ${kid}, but DATA_KEY is key ${mine} (wrong DATA_KEY)`);
    body = stored.slice(V2.length + kid.length + 1);
    aad = Buffer.from(`${V2}${kid}`);
  } else if (stored.startsWith(V1)) {
    body = stored.slice(V1.length);
  } else {
    throw new DecryptError("not an encrypted value (no v1:/v2: prefix)");
  }
  const raw = Buffer.from(body, "base64");
  if (raw.length < IV_BYTES + TAG_BYTES) throw new DecryptError("value too short");
  const iv = raw.subarray(0, IV_BYTES);
  const tag = raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const ciphertext = raw.subarray(IV_BYTES + TAG_BYTES);
  try {
    const decipher = createDecipheriv(ALGORITHM, k, iv, { authTagLength: TAG_BYTES });
    if (aad) decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new DecryptError("wrong DATA_KEY or the value was altered");
  }
}

/** The v1 form, for tests of databases sealed before key ids; nothing in the product writes it. */
export function encryptFieldV1(plain: string, key: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, keyBytes(key, "encryptField"), iv, { authTagLength: TAG_BYTES });
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return V1 + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64");
}
