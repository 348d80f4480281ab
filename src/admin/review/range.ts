import { periodOf, previousPeriod, type Period } from "../../domain/period.ts";
import { zonedTime } from "../../domain/time.ts";
import { monthsBetween } from "../../domain/green-zone.ts";

/** The months a review report covers, both ends included. */
export interface ReviewRange {
  from: Period;
  to: Period;
}

/** The month after `period`. */
export function nextPeriod(period: Period): Period {
  const [y, m] = period.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/** The range of equal length just before `range`: what its figures are compared with. */
export function previousRange(range: ReviewRange): ReviewRange {
  const length = monthsBetween(range.from, range.to).length;
  const to = previousPeriod(range.from);
  let from = to;
  for (let i = 1; i < length; i++) from = previousPeriod(from);
  return { from, to };
}

/**
 * The last `months` full months before the month of `now`: a review is written after its period
 * has ended, so the month under way is left out.
 */
export function lastFullMonths(now: Date, timeZone: string, months: number): ReviewRange {
  const to = previousPeriod(periodOf(now, timeZone));
  let from = to;
  for (let i = 1; i < months; i++) from = previousPeriod(from);
  return { from, to };
}

/** The instants [start, end) of a range in `timeZone`: its first month's first midnight to the next month's after it. */
export function rangeInstants(range: ReviewRange, timeZone: string): { start: Date; end: Date } {
  const at = (period: Period) => {
    const [y, m] = period.split("-").map(Number) as [number, number];
    return zonedTime(y, m, 1, 0, 0, timeZone);
  };
  return { start: at(range.from), end: at(nextPeriod(range.to)) };
}
