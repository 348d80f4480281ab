import { z } from "zod";
import { canReportFor, isOfficer } from "../../src/domain/access.ts";
import { fold } from "../../src/domain/text.ts";
import { zonedParts } from "../../src/domain/period.ts";
import { displayDate } from "../../src/domain/time.ts";
import { understandDate } from "../../src/domain/understand/dates.ts";
import { answerText, type Flow, type FlowContext, type Start, type Step, type Transition } from "../../src/engine/flow.ts";
import { countAnswer, skipChoice, textAnswer, yesNoAnswer, yesNoChoices } from "../../src/engine/steps.ts";
import type { Msg } from "../../src/engine/types.ts";
import { unitAnswer, unknownUnitMsg } from "../units/choose-unit.ts";
import { householdNo, MAX_HOUSEHOLD_NO } from "./household-no.ts";

/**
 * `/camket` (`/commitments`): a head (for their units) or an officer (for any unit) records
 * households that signed the drug-free commitment (DOMAIN.md, "Household commitments"): how
 * many, on which day, and for a single household optionally its number, never a name; then a
 * confirmation. A unit's total never exceeds its household count. `/camket xem` shows the register.
 */

/** A unit the person may record for, with its total when the conversation started. */
const UnitTally = z.object({ id: z.number(), name: z.string(), households: z.number(), total: z.number() });
export type UnitTally = z.infer<typeof UnitTally>;

/** The saved data of a conversation, checked when it is loaded. */
export const CommitmentData = z.object({
  /** YYYY-MM-DD in the product's time zone when the conversation started: the steps read no clock */
  today: z.string(),
  units: z.array(UnitTally),
  unitId: z.number().optional(),
  count: z.number().optional(),
  /** a hedged count ("hơn 3") waiting to be confirmed */
  asking: z.number().optional(),
  signedOn: z.string().optional(),
  householdNo: z.string().nullable().optional(),
});
export type CommitmentData = z.infer<typeof CommitmentData>;

/** How many of the latest lines `/camket xem` shows per unit. */
export const LATEST_SHOWN = 5;

const TODAY = "today";
const YESTERDAY = "yesterday";
const LIST_WORDS = new Set(["xem", "xem so", "so", "danh sach", "list", "show", "view"]);

const unitOf = (d: CommitmentData) => d.units.find((u) => u.id === d.unitId);

/** "35 / 150 hộ", or "35 hộ" for a unit whose household count is not set (0). */
export function tallyMsg(total: number, households: number): Msg {
  return households > 0 ? { key: "camket-tally", args: { total, households } } : { key: "camket-tally-open", args: { total } };
}

/** A household's number as shown: "số 12" for a bare number, as typed otherwise ("số nhà 45B", "hẻm 5 số 12"). */
export function householdNoMsg(no: string): Msg {
  return /^\d/.test(no) ? { key: "camket-household-number", args: { no } } : { key: "camket-household-as-typed", args: { no } };
}

/** The most households this unit may still record; Infinity when its household count is not set. */
const room = (u: UnitTally) => (u.households > 0 ? u.households - u.total : Infinity);

function takeCount(value: number, d: CommitmentData): Transition<CommitmentData> {
  const unit = unitOf(d)!;
  if (value < 1) return { kind: "invalid", say: [{ key: "camket-count-zero" }] };
  if (value > room(unit)) {
    return { kind: "invalid", say: [{ key: "camket-over-cap", args: { unit: unit.name, households: unit.households, total: unit.total, room: room(unit) } }] };
  }
  const { asking: _, ...rest } = d;
  return { kind: "next", step: "date", data: { ...rest, count: value } };
}

const unitStep: Step<CommitmentData> = {
  ask(d) {
    // Every unit is offered: the channel shows what fits as buttons and the rest as words to type.
    const choices = d.units.map((u) => ({ label: { key: "unit-button", args: { unit: u.name } }, value: `unit:${u.id}` }));
    return { say: [{ key: "camket-pick-unit" }], choices };
  },
  reply(input, d) {
    const answer = unitAnswer(input, d.units);
    if (!answer.ok) return { kind: "invalid", say: [answer.reason === "unknown" ? unknownUnitMsg(answer.typed, d.units) : { key: "unit-expected" }] };
    // "Tất cả" makes no sense for one line of the register.
    if (answer.unit === null) return { kind: "invalid", say: [{ key: "unit-expected" }] };
    const unit = d.units.find((u) => u.id === answer.unit!.id)!;
    if (room(unit) <= 0) return { kind: "invalid", say: [fullMsg(unit)] };
    return { kind: "next", step: "count", data: { ...d, unitId: unit.id } };
  },
};

const fullMsg = (u: UnitTally): Msg => ({ key: "camket-full", args: { unit: u.name, households: u.households } });

const countStep: Step<CommitmentData> = {
  ask(d) {
    const unit = unitOf(d)!;
    return { say: [{ key: "camket-ask-count", args: { unit: unit.name, tally: tallyMsg(unit.total, unit.households) } }] };
  },
  reply(input, d) {
    const parsed = countAnswer(input);
    if (parsed.ok === "confirm") return { kind: "next", step: "check", data: { ...d, asking: parsed.value } };
    if (!parsed.ok) return { kind: "invalid", say: [parsed.error] };
    return takeCount(parsed.value, d);
  },
};

/** "Ý bạn là 3 phải không?" after a hedged count: never a guess. */
const checkStep: Step<CommitmentData> = {
  ask: (d) => ({ say: [{ key: "count-confirm", args: { value: d.asking ?? 0 } }], choices: yesNoChoices }),
  reply(input, d) {
    const { asking, ...rest } = d;
    if (asking === undefined) return { kind: "next", step: "count", data: rest };
    const yes = yesNoAnswer(input);
    if (!yes.ok) {
      const typed = countAnswer(input);
      if (typed.ok === true) return takeCount(typed.value, rest);
      return { kind: "invalid", say: [yes.error] };
    }
    return yes.value ? takeCount(asking, rest) : { kind: "next", step: "count", data: rest };
  },
};

/** The day before `today` (YYYY-MM-DD). */
function dayBefore(today: string): string {
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/** The day an answer names: a button, "hôm nay", "hôm qua", "12/11", "12/11/2026"; "không rõ" is today. */
function daySaid(text: string, today: string): string | undefined {
  if (text === TODAY) return today;
  if (text === YESTERDAY) return dayBefore(today);
  const [year, month, day] = today.split("-").map(Number) as [number, number, number];
  const u = understandDate(text, { year, month, day });
  return u.kind === "date" ? u.iso : u.kind === "none" ? today : undefined;
}

const dateStep: Step<CommitmentData> = {
  ask: () => ({
    say: [{ key: "camket-ask-date" }],
    choices: [
      { label: { key: "btn-today" }, value: TODAY },
      { label: { key: "btn-yesterday" }, value: YESTERDAY },
    ],
  }),
  reply(input, d) {
    const text = answerText(input);
    const day = text === undefined ? undefined : daySaid(text.trim(), d.today);
    if (!day) return { kind: "invalid", say: [{ key: "camket-bad-date" }] };
    if (day > d.today) return { kind: "invalid", say: [{ key: "camket-future-date", args: { date: displayDate(day) } }] };
    // One number names one household: it is asked only when one household signed.
    return { kind: "next", step: d.count === 1 ? "household" : "confirm", data: { ...d, signedOn: day, householdNo: null } };
  },
};

const householdStep: Step<CommitmentData> = {
  ask: () => ({ say: [{ key: "camket-ask-household" }], choices: [skipChoice] }),
  reply(input, d) {
    const parsed = textAnswer(input, { max: MAX_HOUSEHOLD_NO, optional: true });
    if (parsed.ok && parsed.value === null) return { kind: "next", step: "confirm", data: { ...d, householdNo: null } };
    const number = parsed.ok && parsed.value !== null ? householdNo(parsed.value) : undefined;
    if (!number) return { kind: "invalid", say: [{ key: "camket-household-name" }] };
    return { kind: "next", step: "confirm", data: { ...d, householdNo: number } };
  },
};

const confirmStep: Step<CommitmentData> = {
  ask(d) {
    const args = { unit: unitOf(d)!.name, count: d.count ?? 0, date: displayDate(d.signedOn ?? d.today) };
    const say: Msg = d.householdNo ? { key: "camket-confirm-household", args: { ...args, householdNo: householdNoMsg(d.householdNo) } } : { key: "camket-confirm", args };
    return { say: [say], choices: yesNoChoices };
  },
  reply(input, d) {
    const yes = yesNoAnswer(input);
    if (!yes.ok) return { kind: "invalid", say: [yes.error] };
    if (!yes.value) return { kind: "done", say: [{ key: "camket-cancelled" }] };
    return {
      kind: "done",
      effects: [{ type: "commitment.record", unitId: d.unitId!, households: d.count!, signedOn: d.signedOn!, householdNo: d.householdNo ?? null }],
    };
  },
};

/** The units a person records for: an officer any unit in service, a head their own. */
async function unitsFor(ctx: FlowContext): Promise<UnitTally[]> {
  const officer = isOfficer(ctx.person);
  const units = officer ? await ctx.q.units() : (await Promise.all(ctx.person.headOf.filter((id) => canReportFor(ctx.person, id)).map((id) => ctx.q.unit(id)))).flatMap((u) => (u && u.retiredPeriod === undefined ? [u] : []));
  return Promise.all(units.map(async (u) => ({ id: u.id, name: u.name, households: u.households, total: (await ctx.q.commitmentTotal(u.id)).total })));
}

/** `/camket xem`: each unit's total; for a head also the latest lines of their units. */
async function listing(ctx: FlowContext, units: UnitTally[]): Promise<Start<CommitmentData>> {
  if (isOfficer(ctx.person)) {
    const lines: Msg[] = units.map((u) => ({ key: "list-item", args: { item: { key: "camket-totals-line", args: { unit: u.name, tally: tallyMsg(u.total, u.households) } } } }));
    return { kind: "done", say: [{ key: "camket-totals-title" }, ...(lines.length ? [{ key: "lines", args: { lines } }] : [{ key: "camket-no-units" }])] };
  }
  const say: Msg[] = [];
  for (const u of units) {
    if (u.total === 0) {
      say.push({ key: "camket-list-empty", args: { unit: u.name } });
      continue;
    }
    const latest = await ctx.q.latestCommitments(u.id, LATEST_SHOWN);
    const lines: Msg[] = latest.map((e) => {
      const args = { date: displayDate(e.signedOn), count: e.households };
      return { key: "list-item", args: { item: e.householdNo ? { key: "camket-list-entry-household", args: { ...args, householdNo: householdNoMsg(e.householdNo) } } : { key: "camket-list-entry", args } } };
    });
    say.push({ key: "camket-list-title", args: { unit: u.name, tally: tallyMsg(u.total, u.households) } }, { key: "lines", args: { lines } });
  }
  return { kind: "done", say };
}

export const commitmentsFlow: Flow<CommitmentData> = {
  name: "commitments",
  data: CommitmentData,
  async start(ctx, args) {
    if (!isOfficer(ctx.person) && !ctx.person.headOf.some((id) => canReportFor(ctx.person, id))) return { kind: "done", say: [{ key: "camket-not-allowed" }] };
    const units = await unitsFor(ctx);
    if (LIST_WORDS.has(fold(args))) return listing(ctx, units);
    if (units.length === 0) return { kind: "done", say: [{ key: "camket-no-units" }] };
    const p = zonedParts(ctx.now, ctx.timeZone);
    const today = `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
    if (units.length > 1) return { kind: "conversation", step: "unit", data: { today, units } };
    const only = units[0]!;
    if (room(only) <= 0) return { kind: "done", say: [fullMsg(only)] };
    return { kind: "conversation", step: "count", data: { today, units, unitId: only.id } };
  },
  steps: {
    unit: unitStep,
    count: countStep,
    check: checkStep,
    date: dateStep,
    household: householdStep,
    confirm: confirmStep,
  },
};
