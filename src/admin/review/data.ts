import type { Audience } from "../../store/broadcasts.ts";
import type { CaseStatus } from "../../domain/cases.ts";
import type { GreenState } from "../../domain/green-zone.ts";
import type { CountField } from "../../domain/report.ts";
import type { TipCategory, TipStatus } from "../../domain/tips.ts";
import type { Classification } from "../../domain/units.ts";
import type { Figures } from "./figures.ts";
import type { ReviewRange } from "./range.ts";

/** One unit's line of the review's appendix: names, classes and counts, never a person. */
export interface ReviewUnit {
  name: string;
  households: number;
  /** its class in the range's first month it was in service, and in its last */
  classStart: Classification;
  classEnd: Classification;
  /** the first month it is left out of, when it was retired */
  retiredPeriod?: string;
  /** months of the range it was in service, and of those the months it filed a report */
  monthsActive: number;
  monthsFiled: number;
  greenMonths: number;
  /** consecutive green months up to the range's last month (or its last month in service) */
  streak: number;
  /** its state in the month before the range and in the range's last month in service */
  stateBefore: GreenState;
  stateEnd: GreenState;
  figures: Figures;
}

/** Everything the review report holds, read from the data (DOMAIN.md, "The review report"). */
export interface ReviewData {
  range: ReviewRange;
  /** the range of equal length before it, which the figures are compared with */
  previous: ReviewRange;
  months: string[];
  /** per month: units that filed, of the units in service that month */
  completeness: { period: string; filed: number; active: number }[];
  /** every count of the report over the range and the range before (month-end counts: latest per unit) */
  fields: { field: CountField; stock: boolean; current: number; previous: number }[];
  /** units in service by class, in the first and in the last month */
  classes: { start: Record<Classification, number>; end: Record<Classification, number> };
  /** the units whose class changed within the range */
  reclassified: { name: string; from: Classification; to: Classification; period: string }[];
  /** units retired within the range */
  retired: string[];
  /** per month: units by green-zone state, of the units in service */
  green: { period: string; green: number; atRisk: number; notGreen: number; unknown: number }[];
  /** not green in the month before the range, green at its end; and the other way round */
  becameGreen: string[];
  stoppedGreen: { name: string; state: GreenState }[];
  tips: {
    total: number;
    byCategory: Record<TipCategory, number>;
    byStatus: Record<TipStatus, number>;
    /** tips whose time could not be read (the data key is missing): not counted in any range */
    undated: number;
  };
  cases: {
    /** cases whose support began in the range */
    opened: number;
    /** cases by their status today */
    byStatus: Record<CaseStatus, number>;
    /** status changes made in the range, to each status */
    changedTo: Record<CaseStatus, number>;
    /** case-weeks due a check-in in the range, and those checked */
    checkinsDue: number;
    checkinsDone: number;
    /** check-ins of the range whose mentor reported a suspected relapse */
    suspectedRelapses: number;
  };
  broadcasts: { sent: number; recipients: number; byAudience: Record<Audience, number> };
  /** households that signed the commitment (each unit's latest report) of the households of the units in service at the end */
  commitments: { committed: number; households: number };
  units: ReviewUnit[];
}
