import type { DbOrTx } from "./client.ts";
import { keyring } from "./keyring.ts";

export interface StoredConversation {
  flow: string;
  step: string;
  data: unknown;
  /** the flow's version that saved it (Flow.version); absent means 1 */
  version?: number;
}

/**
 * The flow and step are sealed with the answers: a clear "tip" beside a person's id would say who
 * is writing a tip right now.
 */
export function sealConversation(c: StoredConversation): string {
  return keyring().seal(JSON.stringify(c));
}

/** Opens a stored conversation, including one saved before flows were sealed (`legacy:`). */
export function openConversationData(stored: string): StoredConversation {
  if (stored.startsWith("legacy:")) {
    const [, flow, step, ...rest] = stored.split(":");
    return { flow: flow!, step: step!, data: JSON.parse(keyring().open(rest.join(":"))) };
  }
  return JSON.parse(keyring().open(stored)) as StoredConversation;
}

export async function getConversation(db: DbOrTx, personId: number): Promise<StoredConversation | null> {
  const row = await db.conversation.findUnique({ where: { personId } });
  return row ? openConversationData(row.data) : null;
}

export async function saveConversation(db: DbOrTx, personId: number, c: StoredConversation, now: Date): Promise<void> {
  const data = { data: sealConversation(c), updatedAt: now };
  await db.conversation.upsert({ where: { personId }, create: { personId, ...data, startedAt: now }, update: data });
}

export async function endConversation(db: DbOrTx, personId: number): Promise<void> {
  await db.conversation.deleteMany({ where: { personId } });
}
