import type { DbOrTx } from "./client.ts";
import { keyring } from "./keyring.ts";

export interface StoredConversation {
  flow: string;
  step: string;
  data: unknown;
}

export async function getConversation(db: DbOrTx, personId: number): Promise<StoredConversation | null> {
  const row = await db.conversation.findUnique({ where: { personId } });
  return row ? { flow: row.flow, step: row.step, data: JSON.parse(keyring().open(row.data)) } : null;
}

export async function saveConversation(db: DbOrTx, personId: number, c: StoredConversation, now: Date): Promise<void> {
  // Sealed: answers in progress can be a tip's account or a note about someone in rehab.
  const data = { flow: c.flow, step: c.step, data: keyring().seal(JSON.stringify(c.data)), updatedAt: now };
  await db.conversation.upsert({ where: { personId }, create: { personId, ...data, startedAt: now }, update: data });
}

export async function endConversation(db: DbOrTx, personId: number): Promise<void> {
  await db.conversation.deleteMany({ where: { personId } });
}
