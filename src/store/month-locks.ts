import type { DbOrTx } from "./client.ts";

/** One lock or unlock of a month. */
export interface LockEvent {
  period: string;
  action: "lock" | "unlock";
  by: string;
  reason: string | null;
  at: Date;
}

/** Which of the given months are locked now, and every lock and unlock of them, oldest first. */
export async function monthLockStates(db: DbOrTx, periods: readonly string[]): Promise<{ locked: Set<string>; events: Map<string, LockEvent[]> }> {
  const [locks, rows] = await Promise.all([
    db.periodLock.findMany({ where: { period: { in: [...periods] } }, select: { period: true } }),
    db.periodLockEvent.findMany({ where: { period: { in: [...periods] } }, orderBy: { id: "asc" }, select: { period: true, action: true, by: true, reason: true, at: true } }),
  ]);
  const events = new Map<string, LockEvent[]>();
  for (const r of rows) {
    const list = events.get(r.period) ?? [];
    list.push({ ...r, action: r.action === "unlock" ? "unlock" : "lock" });
    events.set(r.period, list);
  }
  return { locked: new Set(locks.map((l) => l.period)), events };
}
