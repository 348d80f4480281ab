import { z } from "zod";
import { canManageCases, canSeeCaseNames } from "../../src/domain/access.ts";
import { understandDate } from "../../src/domain/understand/dates.ts";
import {
  CASE_STATUSES,
  CaseCode,
  caseStatusMsg,
  checkinMethodMsg,
  checkinStateMsg,
  IsoDate,
  MAX_CASE_NAME,
  normalizeCaseCode,
  parseDateText,
  type CaseStatus,
} from "../../src/domain/cases.ts";
import { fold } from "../../src/domain/text.ts";
import { displayDate, localDate, weekOf } from "../../src/domain/time.ts";
import { answerText, type Flow, type Step } from "../../src/engine/flow.ts";
import type { CaseWeek } from "./queries.ts";
import { skipChoice, textAnswer, yesNoAnswer, yesNoChoices } from "../../src/engine/steps.ts";
import type { ChoiceMsg, InboundContent, Msg } from "../../src/engine/types.ts";
import { unitAnswer, unknownUnitMsg, type UnitRef } from "../units/choose-unit.ts";

/**
 * The officers' side of rehab support (DOMAIN.md, "Rehab support check-ins"; README, "Rehab
 * support"): the cases due and overdue this week (`/cases`), one case's history (`/case CODE`,
 * the only place chat shows a person's name, and only to officers), a status change
 * (`/casestatus`), opening a case (`/newcase`) and one more mentor invite (`/caseinvite`).
 */

/** At most this many cases listed in one section of `/cases`; the rest are counted. */
const MAX_LISTED = 30;
/** How many check-ins `/case` shows. */
const HISTORY = 8;

const STATUS_WORDS: Record<string, CaseStatus> = {
  active: "active",
  "dang giup do": "active",
  "giup do": "active",
  "dang theo doi": "active",
  completed: "completed",
  "hoan thanh": "completed",
  "ket thuc": "completed",
  relapsed: "relapsed",
  "tai nghien": "relapsed",
  compulsory: "compulsory",
  "compulsory rehab": "compulsory",
  "cai nghien bat buoc": "compulsory",
  "cai bat buoc": "compulsory",
  "bat buoc": "compulsory",
};

/** A status as typed (English value, Vietnamese words, with or without diacritics) or tapped. */
export function readStatus(input: InboundContent | string): CaseStatus | undefined {
  if (typeof input !== "string" && input.kind === "choice") return CASE_STATUSES.find((s) => s === input.value);
  const text = typeof input === "string" ? input : answerText(input);
  return text === undefined ? undefined : STATUS_WORDS[fold(text).replace(/[.!]+$/, "")];
}

const statusChoices: ChoiceMsg[] = CASE_STATUSES.map((s) => ({ label: caseStatusMsg(s), value: s }));

function listed(items: Msg[]): Msg[] {
  if (items.length <= MAX_LISTED) return items;
  return [...items.slice(0, MAX_LISTED), { key: "cases-more", args: { count: items.length - MAX_LISTED } }];
}

const caseItem = (c: CaseWeek, extra?: Msg): Msg => ({
  key: "list-item",
  args: {
    item: {
      key: c.mentors === 0 ? "cases-line-no-mentor" : "cases-line",
      args: { code: c.code, unit: c.unitName, extra: extra ? { key: "cases-line-state", args: { state: extra } } : "" },
    },
  },
});

/** The officers' week: what is still to confirm, what was missed last week, what to look at. */
export function casesMessages(week: string, cases: CaseWeek[]): Msg[] {
  const done = cases.filter((c) => c.thisWeek !== null);
  const say: Msg[] = [{ key: "cases-title", args: { week: displayDate(week), count: cases.length, done: done.length } }];
  if (cases.length === 0) return [...say, { key: "cases-none" }];
  const due = cases.filter((c) => c.thisWeek === null);
  const overdue = cases.filter((c) => c.dueLastWeek && c.lastWeek === null);
  const attention = cases.filter((c) => {
    const latest = c.thisWeek ?? c.lastWeek;
    return latest !== null && (latest.state !== "stable" || !latest.contacted);
  });
  if (due.length > 0) say.push({ key: "lines", args: { lines: [{ key: "cases-due", args: { count: due.length } }, ...listed(due.map((c) => caseItem(c)))] } });
  else say.push({ key: "cases-due-none" });
  if (overdue.length > 0) {
    say.push({ key: "lines", args: { lines: [{ key: "cases-overdue", args: { count: overdue.length } }, ...listed(overdue.map((c) => caseItem(c)))] } });
  }
  if (attention.length > 0) {
    const lines = attention.map((c) => caseItem(c, checkinStateMsg((c.thisWeek ?? c.lastWeek)!.state)));
    say.push({ key: "lines", args: { lines: [{ key: "cases-attention", args: { count: attention.length } }, ...listed(lines)] } });
  }
  say.push({ key: "cases-hint" });
  return say;
}

/** `/cases [unit]` (`/hoso`): officers only; the active cases of this week, of one unit or all. */
export const casesFlow: Flow = {
  name: "cases",
  oneShot: true,
  async start(ctx, args) {
    if (!canManageCases(ctx.person)) return { kind: "done", say: [{ key: "not-allowed" }] };
    const week = weekOf(ctx.now, ctx.timeZone);
    let cases = await ctx.q.casesOfWeek(week);
    if (args.trim()) {
      const unit = await ctx.q.unitByName(args);
      if (!unit) {
        const units = (await ctx.q.units()).map((u) => ({ id: u.id, name: u.name }));
        return { kind: "done", say: [unknownUnitMsg(args.trim().slice(0, 80), units)] };
      }
      cases = cases.filter((c) => c.unitName === unit.name);
    }
    return { kind: "done", say: casesMessages(week, cases) };
  },
  steps: {},
};

/** `/case CODE` (`/xemca`): officers only; a case, its name (decrypted) and its latest check-ins. */
export const caseFlow: Flow = {
  name: "case",
  oneShot: true,
  async start(ctx, args) {
    if (!canManageCases(ctx.person)) return { kind: "done", say: [{ key: "not-allowed" }] };
    if (!args.trim()) return { kind: "done", say: [{ key: "case-usage" }] };
    const code = normalizeCaseCode(args);
    const found = await ctx.q.caseHistory(code, { withName: canSeeCaseNames(ctx.person), limit: HISTORY });
    if (!found) return { kind: "done", say: [{ key: "case-unknown", args: { code: args.trim().slice(0, 40) } }] };
    const { info } = found;
    const say: Msg[] = [
      { key: "case-title", args: { code: info.code, unit: info.unitName, status: caseStatusMsg(info.status) } },
    ];
    if (found.name !== null) say.push({ key: "case-name", args: { name: found.name } });
    else if (found.nameUnreadable) say.push({ key: "case-name-unreadable" });
    else say.push({ key: "case-name-none" });
    say.push({
      key: "case-period",
      args: { start: displayDate(info.startDate), end: info.endDate ? displayDate(info.endDate) : { key: "case-end-none" }, mentors: info.mentors },
    });
    if (found.checkins.length === 0) say.push({ key: "case-history-none" });
    else {
      const lines: Msg[] = [{ key: "case-history" }];
      for (const c of found.checkins) {
        lines.push({
          key: "list-item",
          args: {
            item: {
              key: c.note ? "case-history-line-note" : "case-history-line",
              args: {
                week: displayDate(c.week),
                state: checkinStateMsg(c.state),
                method: c.contacted && c.method ? checkinMethodMsg(c.method) : { key: "checkin-not-contacted" },
                ...(c.note ? { note: c.note } : {}),
              },
            },
          },
        });
      }
      say.push({ key: "lines", args: { lines } });
    }
    return { kind: "done", say };
  },
  steps: {},
};

/** `/caseinvite CODE` (`/moigiupdo`): officers only; one more mentor invite for a case. */
export const caseInviteFlow: Flow = {
  name: "caseinvite",
  oneShot: true,
  async start(ctx, args) {
    if (!canManageCases(ctx.person)) return { kind: "done", say: [{ key: "not-allowed" }] };
    if (!args.trim()) return { kind: "done", say: [{ key: "case-invite-usage" }] };
    return { kind: "done", effects: [{ type: "case.invite", code: normalizeCaseCode(args) }] };
  },
  steps: {},
};

/** The status conversation: which case (unless given), then which status. */
export const CaseStatusData = z.strictObject({
  /** the codes to choose from, read at the start */
  codes: z.array(z.string()),
  code: z.string().optional(),
});
export type CaseStatusData = z.infer<typeof CaseStatusData>;

const statusCodeStep: Step<CaseStatusData> = {
  ask(d) {
    const buttons = d.codes.map((code) => ({ label: { key: "checkin-case-button", args: { code } }, value: code }));
    return { say: [{ key: "case-status-ask-code", args: { cases: d.codes.join(", ") } }], ...(buttons.length ? { choices: buttons } : {}) };
  },
  reply(input, d) {
    const text = answerText(input);
    const code = text === undefined ? undefined : normalizeCaseCode(text);
    if (!code || !d.codes.includes(code)) {
      return { kind: "invalid", say: [{ key: "case-unknown-list", args: { code: (text ?? "").trim().slice(0, 40), cases: d.codes.join(", ") } }] };
    }
    return { kind: "next", step: "status", data: { ...d, code } };
  },
};

const statusStep: Step<CaseStatusData> = {
  ask: (d) => ({ say: [{ key: "case-status-ask", args: { code: d.code! } }], choices: statusChoices }),
  reply(input, d) {
    const status = readStatus(input);
    if (!status) return { kind: "invalid", say: [{ key: "case-status-bad" }] };
    return { kind: "done", effects: [{ type: "case.status", code: d.code!, status }] };
  },
};

/**
 * `/casestatus [CODE] [active|completed|relapsed|compulsory]` (`/trangthaica`): officers only.
 * With both, done at once; otherwise it asks what is missing. The change is kept (who, when).
 */
export const caseStatusFlow: Flow<CaseStatusData> = {
  name: "casestatus",
  data: CaseStatusData,
  async start(ctx, args) {
    if (!canManageCases(ctx.person)) return { kind: "done", say: [{ key: "not-allowed" }] };
    const codes = (await ctx.q.cases()).map((c) => c.code);
    if (codes.length === 0) return { kind: "done", say: [{ key: "case-none-yet" }] };
    const [first = "", ...rest] = args.trim().split(/\s+/);
    if (!first) return { kind: "conversation", step: "code", data: { codes } };
    const code = normalizeCaseCode(first);
    if (!codes.includes(code)) return { kind: "done", say: [{ key: "case-unknown", args: { code: first.slice(0, 40) } }] };
    if (rest.length === 0) return { kind: "conversation", step: "status", data: { codes, code } };
    const status = readStatus(rest.join(" "));
    if (!status) return { kind: "done", say: [{ key: "case-status-bad" }, { key: "case-status-usage" }] };
    return { kind: "done", effects: [{ type: "case.status", code, status }] };
  },
  steps: { code: statusCodeStep, status: statusStep },
};

/** A unit as the new-case conversation keeps it (the units feature's `UnitRef`). */
const SavedUnit = z.object({ id: z.number(), name: z.string() }) satisfies z.ZodType<UnitRef>;

/** An officer's new case as it is put together. The name is asked last and never kept here. */
export const NewCaseData = z.strictObject({
  /** codes taken, read at the start (the effect checks again) */
  taken: z.array(z.string()),
  units: z.array(SavedUnit),
  /** today in APP_TIMEZONE, for the "Hôm nay" button */
  today: IsoDate,
  code: z.string().optional(),
  unitId: z.number().optional(),
  startDate: IsoDate.optional(),
  endDate: IsoDate.nullable().optional(),
});
export type NewCaseData = z.infer<typeof NewCaseData>;

const TODAY = "today";
const TODAY_WORDS = new Set(["hom nay", "today", TODAY]);

const codeStep: Step<NewCaseData> = {
  ask: () => ({ say: [{ key: "case-ask-code" }] }),
  reply(input, d) {
    const text = answerText(input);
    if (text === undefined) return { kind: "invalid", say: [{ key: "expect-text" }] };
    const parsed = CaseCode.safeParse(text);
    if (!parsed.success) return { kind: "invalid", say: [{ key: "case-bad-code" }] };
    if (d.taken.includes(parsed.data)) return { kind: "invalid", say: [{ key: "case-exists", args: { code: parsed.data } }] };
    return { kind: "next", step: "unit", data: { ...d, code: parsed.data } };
  },
};

const unitStep: Step<NewCaseData> = {
  ask(d) {
    const buttons = d.units.map((u) => ({ label: { key: "unit-button", args: { unit: u.name } }, value: `unit:${u.id}` }));
    return { say: [{ key: buttons.length ? "case-ask-unit-buttons" : "case-ask-unit-typed" }], ...(buttons.length ? { choices: buttons } : {}) };
  },
  reply(input, d) {
    const answer = unitAnswer(input, d.units);
    if (!answer.ok) return { kind: "invalid", say: [answer.reason === "unknown" ? unknownUnitMsg(answer.typed, d.units) : { key: "unit-expected" }] };
    // "Tất cả" makes no sense for one case.
    if (answer.unit === null) return { kind: "invalid", say: [{ key: "unit-expected" }] };
    return { kind: "next", step: "start", data: { ...d, unitId: answer.unit.id } };
  },
};

/** "hôm qua", "28/11", "ngày 28 tháng 11": a start is today or before, so a day without a year is the latest one. */
function startDateSaid(text: string, today: string): string | undefined {
  const [year, month, day] = today.split("-").map(Number) as [number, number, number];
  const u = understandDate(text, { year, month, day });
  return u.kind === "date" ? u.iso : undefined;
}

const startStep: Step<NewCaseData> = {
  ask: () => ({ say: [{ key: "case-ask-start" }], choices: [{ label: { key: "btn-today" }, value: TODAY }] }),
  reply(input, d) {
    const text = answerText(input);
    if (text === undefined) return { kind: "invalid", say: [{ key: "case-bad-date" }] };
    const date = TODAY_WORDS.has(fold(text)) ? d.today : (parseDateText(text) ?? startDateSaid(text, d.today));
    if (!date) return { kind: "invalid", say: [{ key: "case-bad-date" }] };
    return { kind: "next", step: "end", data: { ...d, startDate: date } };
  },
};

const endStep: Step<NewCaseData> = {
  ask: () => ({ say: [{ key: "case-ask-end" }], choices: [skipChoice] }),
  reply(input, d) {
    const parsed = textAnswer(input, { max: 20, optional: true });
    if (!parsed.ok) return { kind: "invalid", say: [{ key: "case-bad-date" }] };
    if (parsed.value === null) return { kind: "next", step: "confirm", data: { ...d, endDate: null } };
    const date = parseDateText(parsed.value);
    if (!date) return { kind: "invalid", say: [{ key: "case-bad-date" }] };
    if (date < d.startDate!) return { kind: "invalid", say: [{ key: "case-end-before-start", args: { start: displayDate(d.startDate!) } }] };
    return { kind: "next", step: "confirm", data: { ...d, endDate: date } };
  },
};

const confirmStep: Step<NewCaseData> = {
  ask(d) {
    const unit = d.units.find((u) => u.id === d.unitId)?.name ?? "";
    return {
      say: [
        {
          key: "case-open-summary",
          args: { code: d.code!, unit, start: displayDate(d.startDate!), end: d.endDate ? displayDate(d.endDate) : { key: "case-end-none" } },
        },
        { key: "case-open-confirm" },
      ],
      choices: yesNoChoices,
    };
  },
  reply(input, d) {
    const yes = yesNoAnswer(input);
    if (!yes.ok) return { kind: "invalid", say: [yes.error] };
    if (!yes.value) return { kind: "done", say: [{ key: "case-open-cancelled" }] };
    return { kind: "next", step: "name", data: d };
  },
};

// Asked last, so the name goes straight from the answer into the sealed column: it is never part
// of the conversation's saved state.
const nameStep: Step<NewCaseData> = {
  ask: () => ({ say: [{ key: "case-ask-name", args: { max: MAX_CASE_NAME } }], choices: [skipChoice] }),
  reply(input, d) {
    const parsed = textAnswer(input, { max: MAX_CASE_NAME, optional: true });
    if (!parsed.ok) return { kind: "invalid", say: [parsed.error] };
    return {
      kind: "done",
      effects: [{ type: "case.open", code: d.code!, unitId: d.unitId!, startDate: d.startDate!, endDate: d.endDate ?? null, name: parsed.value }],
    };
  },
};

/**
 * `/newcase` (`/moca`): officers only. Asks the code, the unit, the start and planned end
 * dates, confirms, then asks the person's name (optional, stored encrypted, shown only to
 * officers). Opening the case gives a mentor invite for it.
 */
export const newCaseFlow: Flow<NewCaseData> = {
  name: "newcase",
  data: NewCaseData,
  async start(ctx) {
    if (!canManageCases(ctx.person)) return { kind: "done", say: [{ key: "not-allowed" }] };
    const [units, cases] = await Promise.all([ctx.q.units(), ctx.q.cases()]);
    if (units.length === 0) return { kind: "done", say: [{ key: "case-no-units" }] };
    return {
      kind: "conversation",
      step: "code",
      data: { taken: cases.map((c) => c.code), units: units.map((u) => ({ id: u.id, name: u.name })), today: localDate(ctx.now, ctx.timeZone) },
    };
  },
  steps: { code: codeStep, unit: unitStep, start: startStep, end: endStep, confirm: confirmStep, name: nameStep },
};
