import type { ChoiceMsg, Msg } from "../../src/domain/message.ts";
import { displayDate, previousWeek, weekOf } from "../../src/domain/time.ts";
import { commandValue } from "../../src/engine/flow.ts";
import type { DueItem, Job, JobContext } from "../../src/scheduler/job.ts";
import { checkinsDue, checkinsMissed } from "../../src/store/checkins.ts";
import type { DbOrTx } from "../../src/store/client.ts";
import { peopleWithRole } from "../../src/store/people.ts";
import { CHECKIN_FLOW } from "./checkin-flow.ts";
import { checkinCommand } from "./commands.ts";

/** A mentor and the case codes they have to confirm for a week. */
export interface MentorCases {
  mentorId: number;
  cases: string[];
}

/** What the prompt and the reminder look at: check-ins not yet confirmed in the week, per mentor. */
interface MentorsDue {
  checkinsDue: MentorCases[];
}

/** Mentors with cases not yet confirmed this week: prompted, then reminded. */
function mentorsDue(job: "checkin-prompt" | "checkin-reminder") {
  const choices = (): ChoiceMsg[] => [{ label: { key: "btn-start-checkin" }, value: commandValue(checkinCommand) }];
  return (world: MentorsDue, ctx: JobContext): DueItem[] =>
    world.checkinsDue
      .filter((m) => m.cases.length > 0)
      .map((m) => ({
        key: `${job}:${ctx.subject}:p${m.mentorId}`,
        personId: m.mentorId,
        say: [{ key: `job-${job}`, args: { week: displayDate(ctx.subject), count: m.cases.length, cases: m.cases.join(", ") } }],
        choices: choices(),
        pendingFlow: CHECKIN_FLOW,
      }));
}

/** What the escalation looks at: the officers, and the cases nobody confirmed in the week. */
interface Missed {
  officers: { id: number }[];
  checkinsMissed: { code: string; unit: string }[];
}

/** Every officer is told which cases nobody confirmed last week. */
function officersDue(world: Missed, ctx: JobContext): DueItem[] {
  if (world.checkinsMissed.length === 0) return [];
  const say: Msg[] = [
    {
      key: "job-checkin-escalation",
      args: {
        week: displayDate(ctx.subject),
        count: world.checkinsMissed.length,
        cases: world.checkinsMissed.map((c) => ({ key: "list-item", args: { item: `${c.code} (${c.unit})` } })),
      },
    },
  ];
  return world.officers.map((o) => ({ key: `checkin-escalation:${ctx.subject}:p${o.id}`, personId: o.id, say }));
}

const week = {
  cadence: "weekly",
  subject: weekOf,
  load: async (db: DbOrTx, subject: string): Promise<MentorsDue> => ({ checkinsDue: await checkinsDue(db, subject) }),
} as const;

/**
 * The weekly check-ins' jobs (DOMAIN.md): mentors are prompted on Monday and reminded on Thursday
 * for the week's cases; the next Monday the officers hear of the cases nobody confirmed. A mentor
 * who joins after the prompt went out is prompted at once (`owedTo`).
 */
export const checkinJobs: Job[] = [
  { name: "checkin-prompt", ...week, defaultSchedule: "mon 08:00", due: mentorsDue("checkin-prompt"), owedTo: "mentor" },
  { name: "checkin-reminder", ...week, defaultSchedule: "thu 08:00", due: mentorsDue("checkin-reminder") },
  {
    name: "checkin-escalation",
    cadence: "weekly",
    defaultSchedule: "mon 08:00",
    // On Monday, about the week that just ended.
    subject: (at, timeZone) => previousWeek(weekOf(at, timeZone)),
    load: async (db, subject): Promise<Missed> => {
      const [officers, missed] = await Promise.all([peopleWithRole(db, "officer"), checkinsMissed(db, subject)]);
      return { officers, checkinsMissed: missed };
    },
    due: officersDue,
  } satisfies Job<Missed>,
];
