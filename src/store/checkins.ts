import type { DbOrTx } from "./client.ts";

/**
 * The check-in side of the scheduler's world. Rehab cases and check-ins come with their own
 * feature; until then no mentor has a case due and no case goes unchecked, so the check-in jobs
 * run and queue nothing.
 */
export async function checkinsDue(_db: DbOrTx, _week: string): Promise<{ mentorId: number; cases: string[] }[]> {
  return [];
}

export async function checkinsMissed(_db: DbOrTx, _week: string): Promise<{ code: string; unit: string }[]> {
  return [];
}
