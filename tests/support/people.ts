import type { Db } from "../../src/store/client.ts";

let next = 1;

/** A person with a role and a channel identity, as if they had joined; returns ids and chat id. */
export async function addPerson(
  db: Db,
  input: { role: "head" | "officer" | "mentor" | "resident"; unitId?: number | null; channel?: string; chatId?: string; unreachable?: boolean },
) {
  const chatId = input.chatId ?? `p${next++}`;
  const person = await db.person.create({
    data: {
      role: input.role,
      unitId: input.unitId ?? null,
      identities: {
        create: {
          channel: input.channel ?? "simulator",
          externalId: chatId,
          chatId,
          lastInboundAt: new Date("2026-11-01T00:00:00Z"),
          unreachable: input.unreachable ?? false,
        },
      },
    },
  });
  return { id: person.id, chatId };
}

/** The texts queued for one chat, oldest first. */
export async function queuedTexts(db: Db, chatId: string): Promise<string[]> {
  const rows = await db.outboxMessage.findMany({ where: { chatId }, orderBy: { id: "asc" } });
  return rows.map((r) => (JSON.parse(r.payload) as { text: string }).text);
}
