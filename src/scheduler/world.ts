import { periodOf } from "../domain/period.ts";
import { previousWeek, weekOf } from "../domain/time.ts";
import type { DbOrTx } from "../store/client.ts";
import { checkinsDue, checkinsMissed } from "../store/checkins.ts";
import { peopleWithRole } from "../store/people.ts";
import { holdersOf } from "../store/roles.ts";
import { isLocked, reportsOf } from "../store/reports.ts";
import { listUnits } from "../store/units.ts";
import type { World } from "./due.ts";

/** Reads what the jobs look at, as of `at`. */
export async function loadWorld(db: DbOrTx, at: Date, timeZone: string): Promise<World> {
  const period = periodOf(at, timeZone);
  const week = weekOf(at, timeZone);
  const [units, heads, officers, reports, locked, due, missed] = await Promise.all([
    listUnits(db),
    holdersOf(db, "head").then((hs) => hs.map((h) => ({ id: h.personId, unitId: h.unitId }))),
    peopleWithRole(db, "officer"),
    reportsOf(db, period),
    isLocked(db, period),
    checkinsDue(db, week),
    checkinsMissed(db, previousWeek(week)),
  ]);
  return { units, heads, officers, reportedUnitIds: reports.map((r) => r.unitId), locked, checkinsDue: due, checkinsMissed: missed };
}
