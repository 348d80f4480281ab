import type { DbOrTx } from "./client.ts";

/** How many records of each kind of real data the database holds. */
export interface HeldRecords {
  people: number;
  units: number;
  invites: number;
  reports: number;
  tips: number;
  cases: number;
}

/** Counts the records that mean a database is in use (people, units, invites, reports, tips, cases). */
export async function heldRecords(db: DbOrTx): Promise<HeldRecords> {
  return {
    people: await db.person.count(),
    units: await db.unit.count(),
    invites: await db.invite.count(),
    reports: await db.monthlyReport.count(),
    tips: await db.tip.count(),
    cases: await db.rehabCase.count(),
  };
}
