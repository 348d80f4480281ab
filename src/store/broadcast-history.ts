import type { Audience } from "../domain/broadcast.ts";
import type { DbOrTx } from "./client.ts";

/** How an announcement's messages stand in the outbox. */
export interface Delivery {
  /** waiting to be sent, or being sent */
  queued: number;
  sent: number;
  /** gave up: failed, the chat unreachable, or quarantined */
  failed: number;
}

/** A past announcement with its delivery counts. */
export interface PastBroadcast {
  id: number;
  audience: Audience;
  unitId: number | null;
  unitName: string | null;
  text: string;
  createdBy: string;
  createdAt: Date;
  /** messages queued when it was sent */
  recipients: number;
  delivery: Delivery;
}

const QUEUED = new Set(["pending", "sending"]);
const FAILED = new Set(["failed", "unreachable", "quarantined"]);

/**
 * The latest announcements, newest first, each with its messages counted by outbox status. The
 * messages are found by the key `sendBroadcast` gives them (`broadcast:<id>:p<person>`); messages
 * already cleaned out of the outbox by housekeeping are no longer counted.
 */
export async function recentBroadcasts(db: DbOrTx, limit = 30): Promise<PastBroadcast[]> {
  const rows = await db.broadcast.findMany({ orderBy: { id: "desc" }, take: limit });
  const unitIds = [...new Set(rows.flatMap((r) => (r.unitId === null ? [] : [r.unitId])))];
  const units = unitIds.length ? await db.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, name: true } }) : [];
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const out: PastBroadcast[] = [];
  for (const r of rows) {
    const groups = await db.outboxMessage.groupBy({ by: ["status"], where: { idempotencyKey: { startsWith: `broadcast:${r.id}:` } }, _count: { _all: true } });
    const delivery: Delivery = { queued: 0, sent: 0, failed: 0 };
    for (const g of groups) {
      if (QUEUED.has(g.status)) delivery.queued += g._count._all;
      else if (g.status === "sent") delivery.sent += g._count._all;
      else if (FAILED.has(g.status)) delivery.failed += g._count._all;
    }
    out.push({
      id: r.id,
      audience: r.audience as Audience,
      unitId: r.unitId,
      unitName: r.unitId === null ? null : (unitName.get(r.unitId) ?? null),
      text: r.text,
      createdBy: r.createdBy,
      createdAt: r.createdAt,
      recipients: r.recipients,
      delivery,
    });
  }
  return out;
}
