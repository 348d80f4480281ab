import { isolated, type DbOrTx, type Tx } from "./client.ts";

const DAY = 24 * 3600_000;

/** How long records are kept once they can no longer matter. */
export const RETENTION = {
  /** processed update ids: Telegram redelivers for about a day, Zalo for about two hours */
  inboundDays: 7,
  /** sent or failed messages: the simulator shows its chat history from them */
  outboxDays: 90,
};

/**
 * Deletes what has served its purpose, so a cheap server's disk does not fill: processed update
 * ids past any redelivery, and old delivered or given-up messages. Keyed proactive messages are
 * kept as long as their key can come round again (a month's prompt), i.e. the outbox retention.
 */
export async function housekeeping(db: DbOrTx, now: Date): Promise<{ inbound: number; outbox: number }> {
  return isolated(db, (tx) => sweep(tx, now));
}

async function sweep(db: Tx, now: Date): Promise<{ inbound: number; outbox: number }> {
  const inbound = await db.inboundUpdate.deleteMany({
    where: { status: { in: ["done", "failed", "limited"] }, receivedAt: { lt: new Date(now.getTime() - RETENTION.inboundDays * DAY) } },
  });
  const outbox = await db.outboxMessage.deleteMany({
    where: { status: { in: ["sent", "failed", "unreachable"] }, createdAt: { lt: new Date(now.getTime() - RETENTION.outboxDays * DAY) } },
  });
  return { inbound: inbound.count, outbox: outbox.count };
}
