import type { ChoiceMsg, Msg } from "../domain/message.ts";
import { displayPeriod, periodOf } from "../domain/period.ts";
import { displayDate, localDate, previousWeek, weekOf } from "../domain/time.ts";
import type { UnitInfo } from "../domain/units.ts";
import type { JobName, Schedule } from "./schedule.ts";
import { dayOfPeriod } from "./schedule.ts";

/** One proactive message a job owes one person. The key makes it go out once, ever. */
export interface DueItem {
  key: string;
  personId: number;
  say: Msg[];
  choices?: ChoiceMsg[];
  /** a reply that is not a command starts this flow */
  pendingFlow?: string;
}

/** A mentor and the case codes they have to confirm for a week. */
export interface MentorCases {
  mentorId: number;
  cases: string[];
}

/** What the jobs look at, loaded by the runner for the instant it runs as. */
export interface World {
  units: UnitInfo[];
  /** one row per head grant: a person heading two units is here twice, a unit with a deputy has two */
  heads: { id: number; unitId: number | null }[];
  officers: { id: number }[];
  /** units that sent the report of the month the job is about */
  reportedUnitIds: number[];
  /** whether that month is locked (nothing left to ask for) */
  locked: boolean;
  /** check-ins not yet confirmed this week, per mentor (filled by the check-in feature) */
  checkinsDue: MentorCases[];
  /** cases nobody confirmed last week (for the Monday escalation) */
  checkinsMissed: { code: string; unit: string }[];
}

/** The month or week a job's messages are about, at `at`. */
export function subjectOf(job: JobName, at: Date, timeZone: string): string {
  if (job === "checkin-escalation") return previousWeek(weekOf(at, timeZone));
  if (job.startsWith("checkin")) return weekOf(at, timeZone);
  return periodOf(at, timeZone);
}

const startReport: ChoiceMsg[] = [{ label: { key: "btn-start-report" }, value: "/baocao" }];
const startCheckin: ChoiceMsg[] = [{ label: { key: "btn-start-checkin" }, value: "/checkin" }];

/**
 * Who is due for what when `job` runs for its instant `at`, looked at as of `asOf` (the real
 * time of a scheduled or catch-up run or of a join, or `at` itself for a run by hand). Pure: the
 * same world and instant give the same items with the same keys, whoever asks and however often,
 * so a message is queued once per person and item: a re-run only adds the people who were not
 * due before (they joined since), never a second copy.
 */
export function dueItems(job: JobName, at: Date, timeZone: string, world: World, schedule: Schedule, asOf: Date = at): DueItem[] {
  const subject = subjectOf(job, at, timeZone);
  const reported = new Set(world.reportedUnitIds);
  const unitName = new Map(world.units.map((u) => [u.id, u.name]));
  const missingUnits = world.units.filter((u) => !reported.has(u.id));
  const period = displayPeriod(subject);
  // The day the officers will be told: the head's deadline.
  const escalation = schedule["report-escalation"][0]!;
  const deadlineAt = escalation.kind === "monthly" ? dayOfPeriod(escalation, subject, timeZone) : null;
  const deadline = deadlineAt ? displayDate(localDate(deadlineAt, timeZone)) : "";

  switch (job) {
    case "report-prompt":
    case "report-reminder": {
      if (world.locked) return [];
      // Once the officers are told who is missing, the heads are asked no more that month.
      if (deadlineAt && asOf.getTime() >= deadlineAt.getTime()) return [];
      const day = localDate(at, timeZone);
      // A person's first unit keeps the key it always had; a second unit they head gets its own.
      const firstUnit = new Map<number, number>();
      for (const h of world.heads) if (h.unitId !== null) firstUnit.set(h.id, Math.min(firstUnit.get(h.id) ?? Infinity, h.unitId));
      return world.heads
        .filter((h) => h.unitId !== null && unitName.has(h.unitId) && !reported.has(h.unitId))
        .map((h) => ({ ...h, who: firstUnit.get(h.id) === h.unitId ? `p${h.id}` : `p${h.id}:u${h.unitId}` }))
        .map((h) => ({
          key: job === "report-prompt" ? `report-prompt:${subject}:${h.who}` : `report-reminder:${subject}:${day}:${h.who}`,
          personId: h.id,
          say: [{ key: `job-${job}`, args: { unit: unitName.get(h.unitId!)!, period, deadline } }],
          choices: startReport,
          pendingFlow: "report",
        }));
    }
    case "report-escalation": {
      if (world.units.length === 0) return [];
      const say: Msg[] =
        missingUnits.length === 0
          ? [{ key: "job-report-escalation-none", args: { period, total: world.units.length } }]
          : [
              {
                key: "job-report-escalation",
                args: { period, missing: missingUnits.length, total: world.units.length, units: missingUnits.map((u) => ({ key: "list-item", args: { item: u.name } })) },
              },
            ];
      return world.officers.map((o) => ({ key: `report-escalation:${subject}:p${o.id}`, personId: o.id, say }));
    }
    case "checkin-prompt":
    case "checkin-reminder":
      return world.checkinsDue
        .filter((m) => m.cases.length > 0)
        .map((m) => ({
          key: `${job}:${subject}:p${m.mentorId}`,
          personId: m.mentorId,
          say: [{ key: `job-${job}`, args: { week: displayDate(subject), count: m.cases.length, cases: m.cases.join(", ") } }],
          choices: startCheckin,
          pendingFlow: "checkin",
        }));
    case "checkin-escalation": {
      if (world.checkinsMissed.length === 0) return [];
      const say: Msg[] = [
        {
          key: "job-checkin-escalation",
          args: {
            week: displayDate(subject),
            count: world.checkinsMissed.length,
            cases: world.checkinsMissed.map((c) => ({ key: "list-item", args: { item: `${c.code} (${c.unit})` } })),
          },
        },
      ];
      return world.officers.map((o) => ({ key: `checkin-escalation:${subject}:p${o.id}`, personId: o.id, say }));
    }
  }
}
