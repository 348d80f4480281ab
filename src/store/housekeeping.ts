import { isolated, type DbOrTx } from "./client.ts";
import { forgetTipsters } from "./tips.ts";

const DAY = 24 * 3600_000;

/** How long records are kept once they can no longer matter. */
export const RETENTION = {
  /** processed update ids: Telegram redelivers for about a day, Zalo for about two hours */
  inboundDays: 7,
  /** keyed proactive messages, whose key stops a second send while it can come round again */
  outboxDays: 90,
  /** what the web simulator showed (a trial channel) */
  simulatorDays: 7,
  /** a closed tip keeps its way back to its sender this long after its last status change or message */
  tipDays: 30,
};

export interface HousekeepingResult {
  inbound: number;
  outbox: number;
  simulator: number;
  /** tips whose link to their sender was erased */
  tipsForgotten: number;
}

/**
 * Deletes what has served its purpose, so a cheap server's disk does not fill (processed update
 * ids past any redelivery, old keyed messages, old simulator chats) and so that closed tips stop
 * being linkable to their senders (see `forgetTipsters`).
 */
export async function housekeeping(db: DbOrTx, now: Date, options: { tipRetentionDays?: number } = {}): Promise<HousekeepingResult> {
  // Each sweep in a short transaction of its own: none depends on another, and a long one would
  // keep the write lock from the steps of people talking to the bot.
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const inbound = await isolated(db, (tx) =>
    tx.inboundUpdate.deleteMany({ where: { status: { in: ["done", "failed", "limited"] }, receivedAt: { lt: ago(RETENTION.inboundDays) } } }),
  );
  const outbox = await isolated(db, (tx) =>
    tx.outboxMessage.deleteMany({ where: { status: { notIn: ["pending", "sending"] }, createdAt: { lt: ago(RETENTION.outboxDays) } } }),
  );
  const simulator = await isolated(db, (tx) => tx.simulatorMessage.deleteMany({ where: { sentAt: { lt: ago(RETENTION.simulatorDays) } } }));
  const forgotten = await forgetTipsters(db, now, options.tipRetentionDays ?? RETENTION.tipDays);
  return { inbound: inbound.count, outbox: outbox.count, simulator: simulator.count, tipsForgotten: forgotten.length };
}
