import { z } from "zod";
import type { UnitInfo } from "./units.ts";

/** The counts of the monthly report, in the order they are asked (DOMAIN.md). */
export const COUNT_FIELDS = [
  "addicts",
  "suspected",
  "newCases",
  "familyRehab",
  "compulsoryReferrals",
  "relapses",
  "householdsCommitted",
  "propagandaSessions",
  "incidents",
  "suspectedSpots",
] as const;
export type CountField = (typeof COUNT_FIELDS)[number];

/** Every field of the report, in order: the counts, then the free-text notes. */
export const REPORT_FIELDS = [...COUNT_FIELDS, "notes"] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];

/** The largest count a person may type: above it is a typo, not a neighbourhood. */
export const MAX_COUNT = 100_000;
export const MAX_NOTES_LENGTH = 1_000;

const Count = z.number().int().min(0).max(MAX_COUNT);

export const ReportValues = z.object({
  addicts: Count,
  suspected: Count,
  newCases: Count,
  familyRehab: Count,
  compulsoryReferrals: Count,
  relapses: Count,
  householdsCommitted: Count,
  propagandaSessions: Count,
  incidents: Count,
  suspectedSpots: Count,
  notes: z.string().max(MAX_NOTES_LENGTH).nullable(),
});
export type ReportValues = z.infer<typeof ReportValues>;
export type PartialReport = Partial<ReportValues>;

/** A hard rule broken by a value: the value is refused and the question asked again. */
export type RuleViolation =
  | { rule: "exceeds-addicts"; field: CountField; value: number; addicts: number }
  | { rule: "exceeds-households"; field: "householdsCommitted"; value: number; households: number };

/** A soft rule: the head confirms, the officers are told. */
export type ReportWarning =
  | { rule: "big-change"; field: CountField; previous: number; value: number }
  | { rule: "new-cases-in-clean-unit"; field: "newCases"; value: number };

export const ReportWarningSchema = z.discriminatedUnion("rule", [
  z.object({ rule: z.literal("big-change"), field: z.enum(COUNT_FIELDS), previous: z.number(), value: z.number() }),
  z.object({ rule: z.literal("new-cases-in-clean-unit"), field: z.literal("newCases"), value: z.number() }),
]);

const BOUNDED_BY_ADDICTS: readonly CountField[] = ["newCases", "familyRehab", "relapses"];

/**
 * The hard rules that relate `field` to answers given before it. Checked as soon as `field` is
 * answered, so the question asked again is the one just answered.
 */
export function checkHardRules(
  field: CountField,
  value: number,
  earlier: PartialReport,
  unit: UnitInfo,
): RuleViolation | undefined {
  if (BOUNDED_BY_ADDICTS.includes(field) && earlier.addicts !== undefined && value > earlier.addicts) {
    return { rule: "exceeds-addicts", field, value, addicts: earlier.addicts };
  }
  // A unit whose household count was never set (0) cannot bound anything.
  if (field === "householdsCommitted" && unit.households > 0 && value > unit.households) {
    return { rule: "exceeds-households", field, value, households: unit.households };
  }
  return undefined;
}

/**
 * The soft rules for one answer. A count "moves by more than half" when last month's value was
 * not zero and the change is larger than half of it; a move from zero has no ratio and is not
 * flagged, except new cases in a clean unit, which always are.
 */
export function checkWarnings(
  field: CountField,
  value: number,
  previous: ReportValues | undefined,
  unit: UnitInfo,
): ReportWarning[] {
  const warnings: ReportWarning[] = [];
  if (field === "newCases" && unit.classification === "clean" && value > 0) {
    warnings.push({ rule: "new-cases-in-clean-unit", field, value });
  }
  const before = previous?.[field];
  if (before !== undefined && before > 0 && Math.abs(value - before) * 2 > before) {
    warnings.push({ rule: "big-change", field, previous: before, value });
  }
  return warnings;
}

/** Checks a whole report at once (admin import, store boundary): every hard rule. */
export function validateReport(values: ReportValues, unit: UnitInfo): RuleViolation[] {
  const violations: RuleViolation[] = [];
  for (const field of COUNT_FIELDS) {
    const v = checkHardRules(field, values[field], values, unit);
    if (v) violations.push(v);
  }
  return violations;
}

/** The fields whose value differs between two versions of a report. */
export function changedFields(before: ReportValues, after: ReportValues): ReportField[] {
  return REPORT_FIELDS.filter((f) => (before[f] ?? null) !== (after[f] ?? null));
}
