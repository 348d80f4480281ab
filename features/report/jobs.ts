import type { ChoiceMsg, Msg } from "../../src/domain/message.ts";
import { displayPeriod, periodOf } from "../../src/domain/period.ts";
import { displayDate, localDate } from "../../src/domain/time.ts";
import type { UnitInfo } from "../../src/domain/units.ts";
import { commandValue } from "../../src/engine/flow.ts";
import type { DueItem, Job, JobContext } from "../../src/scheduler/job.ts";
import type { DbOrTx } from "../../src/store/client.ts";
import { peopleWithRole } from "../../src/store/people.ts";
import { isLocked, reportsOf } from "../../src/store/reports.ts";
import { holdersOf } from "../../src/store/roles.ts";
import { listUnits } from "../../src/store/units.ts";
import { reportCommand } from "./commands.ts";
import { REPORT_FLOW } from "./report-flow.ts";

/** What the report jobs look at for a month. */
export interface ReportWorld {
  units: UnitInfo[];
  /** one row per head grant: a person heading two units is here twice, a unit with a deputy has two */
  heads: { id: number; unitId: number | null }[];
  officers: { id: number }[];
  /** units that sent the month's report */
  reportedUnitIds: number[];
  /** whether the month is locked (nothing left to ask for) */
  locked: boolean;
}

/** The job whose time is the heads' deadline: once it has run, the heads are asked no more. */
const ESCALATION = "report-escalation";

async function loadReportWorld(db: DbOrTx, period: string): Promise<ReportWorld> {
  const [units, heads, officers, reports, locked] = await Promise.all([
    listUnits(db),
    holdersOf(db, "head").then((hs) => hs.map((h) => ({ id: h.personId, unitId: h.unitId }))),
    peopleWithRole(db, "officer"),
    reportsOf(db, period),
    isLocked(db, period),
  ]);
  return { units, heads, officers, reportedUnitIds: reports.map((r) => r.unitId), locked };
}

const startReport = (): ChoiceMsg[] => [{ label: { key: "btn-start-report" }, value: commandValue(reportCommand) }];

/** The prompt (once a month) and the reminders (keyed by their day): each head whose unit has not reported. */
function headsDue(job: "report-prompt" | "report-reminder", world: ReportWorld, ctx: JobContext): DueItem[] {
  const { subject, timeZone } = ctx;
  if (world.locked) return [];
  const deadlineAt = ctx.timeInMonth(ESCALATION, subject);
  // Once the officers are told who is missing, the heads are asked no more that month.
  if (deadlineAt && ctx.asOf.getTime() >= deadlineAt.getTime()) return [];
  const deadline = deadlineAt ? displayDate(localDate(deadlineAt, timeZone)) : "";
  const period = displayPeriod(subject);
  const reported = new Set(world.reportedUnitIds);
  const unitName = new Map(world.units.map((u) => [u.id, u.name]));
  const day = localDate(ctx.at, timeZone);
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
      choices: startReport(),
      pendingFlow: REPORT_FLOW,
    }));
}

/** Every officer is told which units have not reported by the deadline (or that all have). */
function officersDue(world: ReportWorld, ctx: JobContext): DueItem[] {
  if (world.units.length === 0) return [];
  const reported = new Set(world.reportedUnitIds);
  const missingUnits = world.units.filter((u) => !reported.has(u.id));
  const period = displayPeriod(ctx.subject);
  const say: Msg[] =
    missingUnits.length === 0
      ? [{ key: "job-report-escalation-none", args: { period, total: world.units.length } }]
      : [
          {
            key: "job-report-escalation",
            args: { period, missing: missingUnits.length, total: world.units.length, units: missingUnits.map((u) => ({ key: "list-item", args: { item: u.name } })) },
          },
        ];
  return world.officers.map((o) => ({ key: `${ESCALATION}:${ctx.subject}:p${o.id}`, personId: o.id, say }));
}

const month = { cadence: "monthly", subject: periodOf, load: loadReportWorld } as const;

/**
 * The monthly report's jobs (DOMAIN.md): the heads are prompted on the 20th and reminded on the
 * 23rd and 25th; on the 26th, the deadline, the officers are told who is missing. A head who
 * joins after the prompt went out is prompted at once (`owedTo`).
 */
export const reportJobs: Job<ReportWorld>[] = [
  { name: "report-prompt", ...month, defaultSchedule: "20 08:00", due: (w, ctx) => headsDue("report-prompt", w, ctx), owedTo: "head" },
  { name: "report-reminder", ...month, defaultSchedule: "23 08:00, 25 08:00", due: (w, ctx) => headsDue("report-reminder", w, ctx) },
  { name: ESCALATION, ...month, defaultSchedule: "26 08:00", due: officersDue },
];
