import { isolated, type DbOrTx } from "./client.ts";
import { openConversationData, sealConversation } from "./conversations.ts";
import { LEGACY, sealTime } from "./sealed-time.ts";

/**
 * Seals what the anonymity migration had to leave in the clear (SQL has no DATA_KEY): times
 * as `plain:<time>`, conversations as `legacy:<flow>:<step>:<sealed answers>`. Runs at every start; after the first it finds nothing. Returns how many it sealed.
 */
export async function sealLegacyRows(db: DbOrTx): Promise<number> {
  return isolated(db, async (tx) => {
    let sealed = 0;
    const plain = { startsWith: LEGACY };
    const reseal = (v: string) => sealTime(new Date(v.slice(LEGACY.length)));
    for (const row of await tx.tip.findMany({ where: { createdEnc: plain }, select: { id: true, createdEnc: true } })) {
      await tx.tip.update({ where: { id: row.id }, data: { createdEnc: reseal(row.createdEnc) } });
      sealed++;
    }
    for (const row of await tx.tipMessage.findMany({ where: { createdEnc: plain }, select: { id: true, createdEnc: true } })) {
      await tx.tipMessage.update({ where: { id: row.id }, data: { createdEnc: reseal(row.createdEnc) } });
      sealed++;
    }
    for (const row of await tx.channelIdentity.findMany({ where: { lastInboundEnc: plain }, select: { id: true, lastInboundEnc: true } })) {
      await tx.channelIdentity.update({ where: { id: row.id }, data: { lastInboundEnc: reseal(row.lastInboundEnc!) } });
      sealed++;
    }
    for (const row of await tx.conversation.findMany({ where: { data: { startsWith: "legacy:" } } })) {
      await tx.conversation.update({ where: { personId: row.personId }, data: { data: sealConversation(openConversationData(row.data)) } });
      sealed++;
    }
    return sealed;
  });
}
