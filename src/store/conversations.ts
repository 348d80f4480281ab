import type { DbOrTx } from "./client.ts";

export interface StoredConversation {
  flow: string;
  step: string;
  data: unknown;
}

export async function getConversation(db: DbOrTx, personId: number): Promise<StoredConversation | null> {
  const row = await db.conversation.findUnique({ where: { personId } });
  return row ? { flow: row.flow, step: row.step, data: JSON.parse(row.data) } : null;
}

export async function saveConversation(db: DbOrTx, personId: number, c: StoredConversation, now: Date): Promise<void> {
  const data = { flow: c.flow, step: c.step, data: JSON.stringify(c.data), updatedAt: now };
  await db.conversation.upsert({ where: { personId }, create: { personId, ...data, startedAt: now }, update: data });
}

export async function endConversation(db: DbOrTx, personId: number): Promise<void> {
  await db.conversation.deleteMany({ where: { personId } });
}
