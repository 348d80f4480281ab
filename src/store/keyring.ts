import { createHmac, hkdfSync, randomBytes } from "node:crypto";
import type { DbOrTx } from "./client.ts";
import { decryptField, encryptField, keyId } from "./crypto.ts";
import { getSetting, setSetting } from "./settings.ts";

/**
 * Who talks to the bot is kept out of the database in the clear: a chat id is sealed (random IV)
 * where it must be read back to send, and replaced by a keyed tag where it is only looked up or
 * grouped on. A copy of the database file alone then names nobody, including an anonymous
 * tipster (plan 003's informant safety); with `DATA_KEY` the server can still reach everyone.
 */
export interface Keyring {
  /** the key's public id ({@link keyId}), written into every value it seals */
  id: string;
  seal(plain: string): string;
  open(sealed: string): string;
  /** A stable, keyed, one-way tag of `value`: equal values give equal tags, nothing else does. */
  tag(kind: string, value: string): string;
}

/** Thrown when sealed data is touched before the key is loaded. */
export class KeyringError extends Error {
  override name = "KeyringError";
}

export function createKeyring(dataKey: string): Keyring {
  const key = Buffer.from(dataKey, "base64");
  if (key.length !== 32) throw new KeyringError(`createKeyring: DATA_KEY must be 32 bytes in base64, got ${key.length}`);
  // A separate key for tags, so the encryption key is never used for two jobs.
  const tagKey = Buffer.from(hkdfSync("sha256", key, Buffer.alloc(0), "vungxanh tags v1", 32));
  return {
    id: keyId(dataKey),
    seal: (plain) => encryptField(plain, dataKey),
    open: (sealed) => decryptField(sealed, dataKey),
    tag: (kind, value) => createHmac("sha256", tagKey).update(`${kind}\0${value}`).digest("base64url").slice(0, 32),
  };
}

let active: Keyring | undefined;

/**
 * Loads the process's key. One per process, set once at start (server, admin command, test
 * file), because every store function that touches an identity needs it and threading it
 * through each call would touch every caller for no gain: there is only ever one key.
 */
export function useDataKey(dataKey: string): void {
  active = createKeyring(dataKey);
}

export function keyring(): Keyring {
  if (!active) throw new KeyringError("the data key is not loaded (useDataKey) before touching sealed data");
  return active;
}

/**
 * What each kind of tag is computed from, as `[kind, value]` for {@link Keyring.tag}: one place,
 * so key rotation (src/store/sealed-columns.ts) recomputes exactly the tags the server looks up.
 */
export const TAG_INPUTS = {
  chat: (channel: string, chatId: string) => ["chat", `${channel}:${chatId}`] as const,
  user: (channel: string, externalUserId: string) => ["user", `${channel}:${externalUserId}`] as const,
  /** src/store/tips.ts tipsterTagOf */
  tipster: (personId: number | string) => ["tipster", String(personId)] as const,
  /** src/store/outbox.ts: the chat of a message to a tip's sender, one tag per tip */
  tipsterChat: (channel: string, chatId: string, code: string) => ["tipster-chat", `${channel}:${chatId}:${code}`] as const,
  /** src/engine/inbox.ts: an update's id, to recognise a redelivery */
  update: (channel: string, messageId: string) => ["update", `${channel}:${messageId}`] as const,
};

/** The tag a chat is looked up by. */
export function chatTag(channel: string, chatId: string): string {
  return keyring().tag(...TAG_INPUTS.chat(channel, chatId));
}

/** The tag a channel user id is looked up by. */
export function userTag(channel: string, externalId: string): string {
  return keyring().tag(...TAG_INPUTS.user(channel, externalId));
}

/**
 * The key to use: DATA_KEY when configured, else (demo mode only) one made once and kept in the
 * database — which protects nothing, and is why DATA_KEY is required outside demo mode.
 */
export async function resolveDataKey(db: DbOrTx, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const stored = await getSetting(db, "demo.dataKey");
  if (stored) return stored;
  const made = randomBytes(32).toString("base64");
  await setSetting(db, "demo.dataKey", made);
  return made;
}
