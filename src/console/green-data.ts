import { greenState, greenStreak, isCleanCandidate, type GreenState } from "../domain/green-zone.ts";
import { previousPeriod } from "../domain/period.ts";
import type { ReportOfUnit } from "../domain/summary.ts";
import { activeIn, classIn, type ClassChange, type Classification, type UnitInfo } from "../domain/units.ts";
import type { DbOrTx } from "../store/client.ts";
import { reportsBetween } from "../store/reports.ts";
import { allUnits, classChangesByUnit } from "../store/units.ts";

/** How far back a streak is read: five years of green is reported as "60+". */
export const STREAK_MONTHS = 60;

/** `period` moved by `months` (negative: back). */
export function shiftPeriod(period: string, months: number): string {
  const [y, m] = period.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/**
 * The green-zone record of some units over a range of months, read once from the store: each
 * unit-month's report, class in that month and state, by the rules of `src/domain/green-zone.ts`.
 */
export interface GreenHistory {
  /** the units covered (retired ones too, for the months they were active), by name */
  units: UnitInfo[];
  from: string;
  to: string;
  report(unitId: number, period: string): ReportOfUnit | null;
  classIn(unitId: number, period: string): Classification;
  /** null for a month the unit was retired in or after */
  state(unitId: number, period: string): GreenState | null;
  /** consecutive green months ending at `period` */
  streak(unitId: number, period: string): number;
  /** the class changes of a unit, oldest first */
  changes(unitId: number): ClassChange[];
}

/**
 * Loads the history of the units in `scope` (null: every unit) for `from`..`to`. Streaks are read
 * further back (up to {@link STREAK_MONTHS}) only for the units still green at `from`, so a page
 * reads a few months of every unit and years only of the few that need them.
 */
export async function loadGreenHistory(db: DbOrTx, range: { from: string; to: string }, scope: ReadonlySet<number> | null): Promise<GreenHistory> {
  const units = (await allUnits(db)).filter((u) => !scope || scope.has(u.id));
  const ids = units.map((u) => u.id);
  const [changes, reports] = await Promise.all([classChangesByUnit(db), reportsBetween(db, range.from, range.to, scope ? ids : undefined)]);
  const byKey = new Map(reports.map((r) => [`${r.unitId}:${r.period}`, r]));
  const byId = new Map(units.map((u) => [u.id, u]));
  const report = (unitId: number, period: string) => byKey.get(`${unitId}:${period}`) ?? null;
  const cls = (unitId: number, period: string) => classIn(byId.get(unitId)!.classification, changes.get(unitId) ?? [], period);
  const state = (unitId: number, period: string): GreenState | null => {
    const unit = byId.get(unitId);
    if (!unit || !activeIn(unit, period)) return null;
    return greenState(report(unitId, period)?.values ?? null, cls(unitId, period));
  };
  // Units green in the first loaded month may have a streak older than the range: read back for them.
  const floor = shiftPeriod(range.to, -STREAK_MONTHS);
  const deep = range.from > floor ? units.filter((u) => state(u.id, range.from) === "green").map((u) => u.id) : [];
  if (deep.length > 0) {
    for (const r of await reportsBetween(db, floor, previousPeriod(range.from), deep)) byKey.set(`${r.unitId}:${r.period}`, r);
  }
  const readFrom = new Set(deep);
  return {
    units,
    from: range.from,
    to: range.to,
    report,
    classIn: cls,
    state,
    streak: (unitId, period) => {
      const start = readFrom.has(unitId) ? floor : range.from;
      return greenStreak(period, (p) => (p < start ? "unknown" : (state(unitId, p) ?? "unknown")), STREAK_MONTHS);
    },
    changes: (unitId) => changes.get(unitId) ?? [],
  };
}

/**
 * The streak shown for a month: up to that month when it is reported, else up to the month
 * before (the month may still be open; its missing report is shown as missing, not as a break).
 */
export function shownStreak(history: GreenHistory, unitId: number, period: string): number {
  return history.report(unitId, period) ? history.streak(unitId, period) : history.streak(unitId, previousPeriod(period));
}

/** Whether the unit has been green long enough to be proposed as `clean` (the officer decides). */
export function candidateFor(history: GreenHistory, unitId: number, period: string): boolean {
  return isCleanCandidate(shownStreak(history, unitId, period), history.classIn(unitId, period));
}
