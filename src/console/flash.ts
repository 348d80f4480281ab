import type { Msg } from "../domain/message.ts";

/**
 * What an action told the officer, kept until the page it redirects to shows it once
 * (post/redirect/get). Held in memory by session: a restart between the two loses only the note,
 * never the action, and nothing of it is written anywhere.
 */
const notes = new Map<string, Msg[]>();
const MAX_NOTES = 1000;

/** Keeps an action's outcome for the session's next page. */
export function setFlash(sessionKey: string, say: Msg[]): void {
  if (notes.size >= MAX_NOTES) notes.delete(notes.keys().next().value!);
  notes.set(sessionKey, say);
}

/** The outcome kept for this session, once. */
export function takeFlash(sessionKey: string): Msg[] {
  const say = notes.get(sessionKey) ?? [];
  notes.delete(sessionKey);
  return say;
}
