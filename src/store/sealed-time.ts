import { keyring } from "./keyring.ts";

/**
 * Times that would link a person to what they did anonymously (when a tip was sent, when its
 * sender last wrote) are sealed like identities: a clear timestamp is as good as a name to
 * someone who can line it up with another table's.
 */
export function sealTime(at: Date): string {
  return keyring().seal(at.toISOString());
}

/** Opens a time made by {@link sealTime}; rows from before it was sealed hold `plain:<time>`. */
export function openTime(stored: string): Date {
  if (stored.startsWith(LEGACY)) return new Date(stored.slice(LEGACY.length));
  return new Date(keyring().open(stored));
}

/** The day (00:00 UTC) of a time: what is left of a tip's time once its sender is forgotten. */
export function dayOf(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

/** The prefix the anonymity migration gave the clear times it could not seal (SQL has no key). */
export const LEGACY = "plain:";
