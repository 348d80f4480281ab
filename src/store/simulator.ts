import { isolated, type DbOrTx } from "./client.ts";
import { chatTag, keyring } from "./keyring.ts";

/** What the web simulator shows one of its chats: the simulator's own "delivered" messages. */
export async function recordSimulatorMessage(db: DbOrTx, chatId: string, payload: unknown, now: Date): Promise<void> {
  await isolated(db, (tx) =>
    tx.simulatorMessage.create({ data: { chatTag: chatTag("simulator", chatId), payload: keyring().seal(JSON.stringify(payload)), sentAt: now } }),
  );
}

/** Messages for one simulator chat after `afterId`, oldest first. */
export async function simulatorMessages(db: DbOrTx, chatId: string, afterId: number) {
  const rows = await db.simulatorMessage.findMany({
    where: { chatTag: chatTag("simulator", chatId), id: { gt: afterId } },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => ({ id: r.id, payload: JSON.parse(keyring().open(r.payload)) as unknown, sentAt: r.sentAt }));
}
