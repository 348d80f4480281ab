import { openOutboxPayload } from "../../src/store/outbox.ts";
import { sealTime } from "../../src/store/sealed-time.ts";
import type { Db } from "../../src/store/client.ts";
import { chatTag, keyring, userTag } from "../../src/store/keyring.ts";
import { touchIdentity } from "../../src/store/people.ts";

let next = 1;

/** A person with a role and a channel identity, as if they had joined (sealed like real ones). */
export async function addPerson(
  db: Db,
  input: { role: "head" | "officer" | "mentor" | "resident"; unitId?: number | null; channel?: "simulator" | "telegram" | "zalo"; chatId?: string; unreachable?: boolean },
) {
  const chatId = input.chatId ?? `p${next++}`;
  const channel = input.channel ?? "simulator";
  const { person } = await touchIdentity(db, { channel, externalUserId: chatId, chatId }, new Date("2026-11-01T00:00:00Z"));
  await db.person.update({ where: { id: person.id }, data: { role: input.role, unitId: input.unitId ?? null } });
  if (input.unreachable) await db.channelIdentity.updateMany({ where: { personId: person.id }, data: { unreachable: true } });
  return { id: person.id, chatId, channel };
}

/** The texts queued for one person's chat, oldest first. */
export async function queuedTexts(db: Db, who: { chatId: string; channel: string }): Promise<string[]> {
  const rows = await db.outboxMessage.findMany({ where: { chatId: chatTag(who.channel, who.chatId) }, orderBy: { id: "asc" } });
  return rows.map((r) => (openOutboxPayload(r.payload) as { text: string }).text);
}

/** The columns of a channel identity as the store writes them: tagged and sealed, never plain. */
export function sealedIdentity(channel: string, externalId: string, chatId = externalId) {
  return { channel, externalId: userTag(channel, externalId), chatId: keyring().seal(chatId), chatTag: chatTag(channel, chatId) };
}

/** The sealed form of a last-inbound time, as `touchIdentity` stores it. */
export const lastInbound = (at: Date) => ({ lastInboundEnc: sealTime(at) });
