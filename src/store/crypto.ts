import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

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
 * Stored form: `"v1:" + base64(iv (12 bytes) | tag (16 bytes) | ciphertext)`, with a fresh random
 * IV for every write, so the same value never looks the same twice. The `v1:` prefix leaves room
 * for another scheme or key later without guessing what a stored value is.
 */

const PREFIX = "v1:";
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

/** Seals `plain` under `key` (DATA_KEY, 32 bytes in base64). */
export function encryptField(plain: string, key: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, keyBytes(key, "encryptField"), iv, { authTagLength: TAG_BYTES });
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64");
}

/** Opens a value made by {@link encryptField}; throws {@link DecryptError} if it cannot. */
export function decryptField(stored: string, key: string): string {
  const k = keyBytes(key, "decryptField");
  if (!stored.startsWith(PREFIX)) throw new DecryptError("not an encrypted value (no v1: prefix)");
  const raw = Buffer.from(stored.slice(PREFIX.length), "base64");
  if (raw.length < IV_BYTES + TAG_BYTES) throw new DecryptError("value too short");
  const iv = raw.subarray(0, IV_BYTES);
  const tag = raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const ciphertext = raw.subarray(IV_BYTES + TAG_BYTES);
  try {
    const decipher = createDecipheriv(ALGORITHM, k, iv, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new DecryptError("wrong DATA_KEY or the value was altered");
  }
}
