import { CaseStatus, weeksOfMonth } from "../../domain/cases.ts";
import { greenState, greenStreak, monthsBetween, type GreenState } from "../../domain/green-zone.ts";
import { previousPeriod } from "../../domain/period.ts";
import { COUNT_FIELDS, type ReportValues } from "../../domain/report.ts";
import { activeIn, Classification, classIn, type ClassChange, type UnitInfo } from "../../domain/units.ts";
import { broadcastsBetween } from "../../store/broadcasts.ts";
import { caseActivityBetween, complianceOverMonths, listCases } from "../../store/cases.ts";
import type { DbOrTx } from "../../store/client.ts";
import { reportsBetween } from "../../store/reports.ts";
import { countTipsBetween } from "../../store/tips.ts";
import { classChangesByUnit, allUnits } from "../../store/units.ts";
import type { ReviewData, ReviewUnit } from "./data.ts";
import { addFigures, isStockField, unitFigures } from "./figures.ts";
import { previousRange, rangeInstants, type ReviewRange } from "./range.ts";

const countBy = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * Reads what a review report of `range` holds (DOMAIN.md, "The review report"): the store's
 * figures, green-zone states and counts, nothing that names a tipster or a rehab case's person.
 * `now` bounds the check-in weeks counted (those begun by then); `timeZone` places months.
 */
export async function gatherReview(db: DbOrTx, range: ReviewRange, options: { timeZone: string; now: Date }): Promise<ReviewData> {
  const previous = previousRange(range);
  const months = monthsBetween(range.from, range.to);
  const before = previousPeriod(range.from);
  // The streak reads back from the range's end as far as it goes, so every report up to the end
  // is read: a unit green for three years shows 36, not the range's length.
  const reports = await reportsBetween(db, "0000-01", range.to);
  const byUnitMonth = new Map(reports.map((r) => [`${r.unitId}:${r.period}`, r.values]));
  const byUnit = new Map<number, typeof reports>();
  for (const r of reports) {
    const list = byUnit.get(r.unitId);
    if (list) list.push(r);
    else byUnit.set(r.unitId, [r]);
  }
  const report = (unitId: number, period: string): ReportValues | null => byUnitMonth.get(`${unitId}:${period}`) ?? null;
  const units = await allUnits(db);
  const changes = await classChangesByUnit(db);
  const classOf = (u: UnitInfo, period: string) => classIn(u.classification, changes.get(u.id) ?? [], period);
  const stateOf = (u: UnitInfo, period: string): GreenState => greenState(report(u.id, period), classOf(u, period));
  const inRange = (u: UnitInfo) => months.some((p) => activeIn(u, p));

  const completeness = months.map((period) => {
    const active = units.filter((u) => activeIn(u, period));
    return { period, active: active.length, filed: active.filter((u) => report(u.id, period)).length };
  });

  const rangeReports = (u: UnitInfo, r: ReviewRange) => (byUnit.get(u.id) ?? []).filter((x) => x.period >= r.from && x.period <= r.to);
  const figuresIn = (r: ReviewRange) =>
    units.filter((u) => monthsBetween(r.from, r.to).some((p) => activeIn(u, p))).map((u) => ({ u, f: unitFigures(rangeReports(u, r)) }));
  // Month-end counts are those of the units still in service at the range's end.
  const totalOf = (r: ReviewRange) => {
    const rows = figuresIn(r);
    const stocks = addFigures(rows.filter(({ u }) => activeIn(u, r.to)).map(({ f }) => f));
    const flows = addFigures(rows.map(({ f }) => f));
    return Object.fromEntries(COUNT_FIELDS.map((field) => [field, isStockField(field) ? stocks[field] : flows[field]])) as Record<(typeof COUNT_FIELDS)[number], number>;
  };
  const current = totalOf(range);
  const last = totalOf(previous);
  const fields = COUNT_FIELDS.map((field) => ({ field, stock: isStockField(field), current: current[field], previous: last[field] }));

  const classCount = (period: string) => {
    const counts = countBy(Classification.options);
    for (const u of units) if (activeIn(u, period)) counts[classOf(u, period)]++;
    return counts;
  };
  const reclassified = units.flatMap((u) =>
    (changes.get(u.id) ?? [])
      .filter((c: ClassChange) => c.period >= range.from && c.period <= range.to)
      .map((c) => ({ name: u.name, from: c.fromClass, to: c.toClass, period: c.period })),
  );
  const retired = units.filter((u) => u.retiredPeriod && u.retiredPeriod >= range.from && u.retiredPeriod <= range.to).map((u) => u.name);

  const green = months.map((period) => {
    const tally = { period, green: 0, atRisk: 0, notGreen: 0, unknown: 0 };
    for (const u of units.filter((x) => activeIn(x, period))) {
      const state = stateOf(u, period);
      if (state === "green") tally.green++;
      else if (state === "at-risk") tally.atRisk++;
      else if (state === "not-green") tally.notGreen++;
      else tally.unknown++;
    }
    return tally;
  });

  const rows: ReviewUnit[] = units.filter(inRange).map((u) => {
    const served = months.filter((p) => activeIn(u, p));
    const lastMonth = served.at(-1)!;
    const row: ReviewUnit = {
      name: u.name,
      households: u.households,
      classStart: classOf(u, served[0]!),
      classEnd: classOf(u, lastMonth),
      monthsActive: served.length,
      monthsFiled: served.filter((p) => report(u.id, p)).length,
      greenMonths: served.filter((p) => stateOf(u, p) === "green").length,
      streak: greenStreak(lastMonth, (p) => stateOf(u, p)),
      stateBefore: stateOf(u, before),
      stateEnd: stateOf(u, lastMonth),
      figures: unitFigures(rangeReports(u, range)),
    };
    if (u.retiredPeriod) row.retiredPeriod = u.retiredPeriod;
    return row;
  });
  // Only units still in service at the end can have become or stopped being green.
  const atEnd = rows.filter((r) => r.retiredPeriod === undefined || r.retiredPeriod > range.to);
  const becameGreen = atEnd.filter((r) => r.stateEnd === "green" && r.stateBefore !== "green").map((r) => r.name);
  const stoppedGreen = atEnd.filter((r) => r.stateBefore === "green" && r.stateEnd !== "green").map((r) => ({ name: r.name, state: r.stateEnd }));

  const { start, end } = rangeInstants(range, options.timeZone);
  const tips = await countTipsBetween(db, start, end);

  const cases = await listCases(db);
  const firstDay = `${range.from}-01`;
  const afterLastDay = `${range.to}-32`;
  const byStatus = countBy(CaseStatus.options);
  for (const c of cases) byStatus[c.status]++;
  const activity = await caseActivityBetween(db, start, end, months.flatMap(weeksOfMonth));
  const changedTo = countBy(CaseStatus.options);
  for (const s of CaseStatus.options) changedTo[s] = activity.statusChanges[s] ?? 0;
  let checkinsDue = 0;
  let checkinsDone = 0;
  for (const c of (await complianceOverMonths(db, months, options.timeZone, options.now)).values()) {
    checkinsDue += c.due;
    checkinsDone += c.done;
  }

  const endUnits = units.filter((u) => activeIn(u, range.to));
  const commitments = {
    committed: current.householdsCommitted,
    households: endUnits.reduce((sum, u) => sum + u.households, 0),
  };

  return {
    range,
    previous,
    months,
    completeness,
    fields,
    classes: { start: classCount(range.from), end: classCount(range.to) },
    reclassified,
    retired,
    green,
    becameGreen,
    stoppedGreen,
    tips,
    cases: {
      opened: cases.filter((c) => c.startDate >= firstDay && c.startDate < afterLastDay).length,
      byStatus,
      changedTo,
      checkinsDue,
      checkinsDone,
      suspectedRelapses: activity.checkinStates["suspected_relapse"] ?? 0,
    },
    broadcasts: await broadcastsBetween(db, start, end),
    commitments,
    units: rows,
  };
}
