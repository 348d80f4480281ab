import type { DbOrTx } from "./client.ts";

/** One line of a unit's commitments register: how many households signed, on which day. */
export interface CommitmentEntry {
  households: number;
  /** YYYY-MM-DD */
  signedOn: string;
  householdNo: string | null;
}

/** A unit's running total, and the last day it counts (null when nothing is recorded). */
export interface CommitmentTotal {
  total: number;
  lastDay: string | null;
}

/** Writes one line of the register. The cap (DOMAIN.md) is the caller's to check, in the same transaction. */
export async function recordCommitment(
  db: DbOrTx,
  input: { unitId: number; households: number; signedOn: string; householdNo: string | null; personId: number; now: Date },
): Promise<void> {
  await db.householdCommitment.create({
    data: {
      unitId: input.unitId,
      households: input.households,
      signedOn: input.signedOn,
      householdNo: input.householdNo,
      recordedById: input.personId,
      createdAt: input.now,
    },
  });
}

/**
 * The households a unit has recorded as signed, up to and including `upTo` (YYYY-MM-DD; a month's
 * "YYYY-MM-31" works for any month, since the days compare as text) or in all.
 */
export async function commitmentTotal(db: DbOrTx, unitId: number, upTo?: string): Promise<CommitmentTotal> {
  const where = { unitId, ...(upTo ? { signedOn: { lte: upTo } } : {}) };
  const agg = await db.householdCommitment.aggregate({ where, _sum: { households: true }, _max: { signedOn: true } });
  return { total: agg._sum.households ?? 0, lastDay: agg._max.signedOn ?? null };
}

/** A unit's latest lines, the most recent day first (then the most recently written). */
export async function latestCommitments(db: DbOrTx, unitId: number, limit: number): Promise<CommitmentEntry[]> {
  return db.householdCommitment.findMany({
    where: { unitId },
    orderBy: [{ signedOn: "desc" }, { id: "desc" }],
    take: limit,
    select: { households: true, signedOn: true, householdNo: true },
  });
}

/** Every unit's total, for the units that recorded any. */
export async function commitmentTotals(db: DbOrTx): Promise<Map<number, number>> {
  const rows = await db.householdCommitment.groupBy({ by: ["unitId"], _sum: { households: true } });
  return new Map(rows.map((r) => [r.unitId, r._sum.households ?? 0]));
}
