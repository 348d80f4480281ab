import type { ReportValues } from "./report.ts";
import type { Classification } from "./units.ts";
import { previousPeriod } from "./period.ts";

/**
 * The green zone of DOMAIN.md, read from the monthly reports: the plans' goal that every
 * neighbourhood becomes, and stays, free of drug crime and drug use.
 */
export type GreenState = "green" | "at-risk" | "not-green" | "unknown";

/** How many consecutive green months make a unit a candidate to be reclassified `clean` (DOMAIN.md). */
export const DEFAULT_GREEN_MONTHS_FOR_CLEAN = 6;

type Counts = Pick<ReportValues, "addicts" | "suspected" | "newCases" | "relapses" | "incidents" | "suspectedSpots">;

/**
 * One unit-month's state. `classification` is the unit's class in that month (`classIn`): a clean
 * unit with a new case, an incident or a suspected spot is at risk, the plans' first alarm.
 */
export function greenState(report: Counts | null, classification: Classification): GreenState {
  if (!report) return "unknown";
  const clean =
    report.addicts === 0 &&
    report.suspected === 0 &&
    report.newCases === 0 &&
    report.relapses === 0 &&
    report.incidents === 0 &&
    report.suspectedSpots === 0;
  if (clean) return "green";
  if (classification === "clean" && (report.newCases > 0 || report.incidents > 0 || report.suspectedSpots > 0)) return "at-risk";
  return "not-green";
}

/**
 * Consecutive green months ending at `latest` (inclusive), reading `stateOf` back month by month.
 * An unknown month (no report) ends the streak as a red one does: green is only what was reported.
 */
export function greenStreak(latest: string, stateOf: (period: string) => GreenState, limit = 120): number {
  let streak = 0;
  for (let p = latest; streak < limit && stateOf(p) === "green"; p = previousPeriod(p)) streak++;
  return streak;
}

/** A unit that has been green long enough to be proposed as `clean` (the officer decides). */
export function isCleanCandidate(streak: number, classification: Classification, months = DEFAULT_GREEN_MONTHS_FOR_CLEAN): boolean {
  return classification !== "clean" && streak >= months;
}

/** The months from `from` to `to`, both included, oldest first. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let p = to; p >= from; p = previousPeriod(p)) out.unshift(p);
  return out;
}
