import { isolated, type DbOrTx } from "./client.ts";
import { keyring } from "./keyring.ts";
import { dayOf } from "./sealed-time.ts";

/** True for Prisma's unique-constraint error (P2002), whatever the driver. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/**
 * Records an update before it is acknowledged to the channel. A second delivery of the same
 * update (same channel and id) is recognised and not recorded again. `limited`: the person sent
 * more than they may (see the inbox's flood limit); only the id is kept, as `limited`, so a
 * redelivery is still recognised, and it is never acted on.
 */
export async function recordInbound(
  db: DbOrTx,
  input: { channel: string; externalId: string; chatKey: string; payload: unknown; now: Date; limited?: boolean },
): Promise<{ id: number; duplicate: false } | { duplicate: true }> {
  try {
    const row = await isolated(db, (tx) => tx.inboundUpdate.create({
      data: {
        channel: input.channel,
        externalId: input.externalId,
        chatKey: input.limited ? "" : input.chatKey,
        payload: input.limited ? "{}" : keyring().seal(JSON.stringify(input.payload)),
        receivedAt: input.now,
        ...(input.limited ? { status: "limited", processedAt: input.now } : {}),
      },
    }));
    return { id: row.id, duplicate: false };
  } catch (error) {
    if (isUniqueViolation(error)) return { duplicate: true };
    throw error;
  }
}

export interface PendingInbound {
  id: number;
  chatKey: string;
  attempts: number;
}

/**
 * Updates not yet processed, oldest first. Their content stays sealed here: it is opened when
 * each is processed, so one that cannot be opened is set aside alone (see `quarantineInbound`)
 * instead of stopping the start.
 */
export async function pendingInbound(db: DbOrTx, limit = 500): Promise<PendingInbound[]> {
  return db.inboundUpdate.findMany({
    where: { status: "pending" },
    orderBy: { id: "asc" },
    take: limit,
    select: { id: true, chatKey: true, attempts: true },
  });
}

/** An update's sealed content and how many tries it has had, or null when there is no such update. */
export async function inboundToProcess(db: DbOrTx, id: number): Promise<{ payload: string; attempts: number } | null> {
  return db.inboundUpdate.findUnique({ where: { id }, select: { payload: true, attempts: true } });
}

/** An update's content, as recorded (sealed, since it says who wrote). */
export function openPayload(stored: string): unknown {
  return JSON.parse(keyring().open(stored));
}

/**
 * Takes an update for processing; false when another worker has it. `again`: this worker took
 * it before and could not give it back (the database refused the write), so it may take it
 * from `processing` too.
 */
export async function claimInbound(db: DbOrTx, id: number, again = false): Promise<boolean> {
  return isolated(db, async (tx) => {
    const status = again ? { in: ["pending", "processing"] } : "pending";
    return (await tx.inboundUpdate.updateMany({ where: { id, status }, data: { status: "processing" } })).count === 1;
  });
}

/** Why an update is set aside: never its content, which could not be read anyway. */
export const QUARANTINE_REASON = "unreadable: its sealed content could not be opened";

/**
 * Sets aside an update whose content cannot be opened (a wrong or lost key, a damaged row): it
 * is never tried again and blocks nothing. The sealed content is kept, so it can still be read
 * if the right key is restored.
 */
export async function quarantineInbound(db: DbOrTx, id: number): Promise<boolean> {
  return isolated(db, async (tx) => {
    const updated = await tx.inboundUpdate.updateMany({
      where: { id, status: { in: ["pending", "processing"] } },
      data: { status: "quarantined", lastError: QUARANTINE_REASON },
    });
    return updated.count === 1;
  });
}

/**
 * Marks an update done inside the transaction that acted on it, so it is acted on once. Its
 * content, its chat and its times are dropped (the day is kept for housekeeping): only the
 * keyed id is left, to recognise a redelivery. A precise time here would match a tip's.
 */
export async function finishInbound(db: DbOrTx, id: number, now: Date): Promise<boolean> {
  const done = await db.inboundUpdate.updateMany({
    where: { id, status: "processing" },
    data: { status: "done", ...forgotten(now) },
  });
  return done.count === 1;
}

/**
 * Gives an update back after a failed attempt, or gives up on it. `counted: false` when the
 * attempt failed because the database could not be written: that is not the update's fault.
 */
export async function failInbound(db: DbOrTx, id: number, error: string, giveUp: boolean, counted = true): Promise<void> {
  return isolated(db, async (tx) => {
    await tx.inboundUpdate.update({
      where: { id },
      data: {
        status: giveUp ? "failed" : "pending",
        attempts: { increment: counted ? 1 : 0 },
        lastError: error.slice(0, 500),
        ...(giveUp ? forgotten(new Date()) : {}),
      },
    });
  });
}

/** After a crash: updates that were being processed go back to the queue. */
export async function requeueStuckInbound(db: DbOrTx): Promise<number> {
  return isolated(db, async (tx) => {
    return (await tx.inboundUpdate.updateMany({ where: { status: "processing" }, data: { status: "pending" } })).count;
  });
}

/** What is left of an update once it is handled or given up: nothing that says who or when. */
function forgotten(now: Date) {
  const day = dayOf(now);
  return { payload: "{}", chatKey: "", receivedAt: day, processedAt: day };
}
