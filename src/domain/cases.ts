import { z } from "zod";
import type { Msg } from "./message.ts";
import { fold } from "./text.ts";

/**
 * Rehab support cases and their weekly check-ins (DOMAIN.md, "Rehab support check-ins"): the
 * rules, with no knowledge of chat or storage. A case is known in chat by its code only; the
 * person's name is for officers and is kept encrypted by the store.
 */

/** Where a case stands. Only `active` cases are checked in on. */
export const CaseStatus = z.enum(["active", "completed", "relapsed", "compulsory"]);
export type CaseStatus = z.infer<typeof CaseStatus>;
export const CASE_STATUSES = CaseStatus.options;

/** How the mentor reached the person (only when they did). */
export const CheckinMethod = z.enum(["in_person", "phone", "family_visit"]);
export type CheckinMethod = z.infer<typeof CheckinMethod>;
export const CHECKIN_METHODS = CheckinMethod.options;

/** The person's state as the mentor saw it that week. */
export const CheckinState = z.enum(["stable", "worrying", "suspected_relapse", "unreachable"]);
export type CheckinState = z.infer<typeof CheckinState>;

/**
 * The states a mentor may give. Having met the person, "could not reach" makes no sense; not
 * having met them, "stable" cannot be vouched for, but a relapse may have been heard of (from
 * the family, the neighbours), and that must still reach the officers.
 */
export function statesFor(contacted: boolean): CheckinState[] {
  return contacted ? ["stable", "worrying", "suspected_relapse"] : ["unreachable", "suspected_relapse"];
}

/** The longest note a mentor may add to a check-in. */
export const MAX_CHECKIN_NOTE = 500;
/** The longest name recorded for a case. */
export const MAX_CASE_NAME = 100;

/** A case code as typed: any case, with or without diacritics; `nt-01` is `NT-01`. */
export function normalizeCaseCode(text: string): string {
  return fold(text).toUpperCase();
}

/**
 * 1–20 letters, digits and inner dashes with at least one digit, e.g. `NT-01`: short enough to
 * type, and never a name (no spaces, and a name has no digit), since chat shows the code to all.
 */
export const CaseCode = z
  .string()
  .transform(normalizeCaseCode)
  .pipe(
    z
      .string()
      .min(1, "the code is empty")
      .max(20, "the code is longer than 20 characters")
      .regex(/^[A-Z0-9](?:[A-Z0-9-]*[A-Z0-9])?$/, "a code is letters, digits and dashes inside (e.g. NT-01)")
      .regex(/\d/, "a code has at least one digit (e.g. NT-01), so that it is never a name"),
  );

export const CaseName = z.string().trim().min(1, "the name is empty").max(MAX_CASE_NAME, `the name is longer than ${MAX_CASE_NAME} characters`);

/** A calendar date `YYYY-MM-DD` that exists. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD")
  .refine(isRealDate, "no such date");

function isRealDate(date: string): boolean {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y, m - 1, d));
  return at.getUTCFullYear() === y && at.getUTCMonth() === m - 1 && at.getUTCDate() === d;
}

/** A date as a person types it: `DD/MM/YYYY` (or `D/M/YYYY`, `DD-MM-YYYY`, `DD.MM.YYYY`) or `YYYY-MM-DD`. */
export function parseDateText(text: string): string | undefined {
  const t = text.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const candidate = dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, "0")}-${dmy[1]!.padStart(2, "0")}` : t;
  return IsoDate.safeParse(candidate).success ? candidate : undefined;
}

/** The Monday of the week a calendar date is in: the week key of check-ins. */
export function weekOfDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y, m - 1, d));
  const back = (at.getUTCDay() + 6) % 7;
  at.setUTCDate(at.getUTCDate() - back);
  return at.toISOString().slice(0, 10);
}

/** The week after a week key. */
export function nextWeek(week: string): string {
  const d = new Date(`${week}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 7);
  return d.toISOString().slice(0, 10);
}

/** What the rules need to know of a case. */
export interface CaseWindow {
  status: CaseStatus | string;
  startDate: string;
  endDate: string | null;
}

/**
 * Whether a week falls in a case's support period: from the week of its start date to the week
 * of its planned end date, both included (a case opened on a Wednesday is due that week).
 */
export function inCaseWindow(c: Pick<CaseWindow, "startDate" | "endDate">, week: string): boolean {
  return weekOfDate(c.startDate) <= week && (c.endDate === null || week <= weekOfDate(c.endDate));
}

/** A case is due a check-in in a week when it is active and the week is in its period. */
export function isDueInWeek(c: CaseWindow, week: string): boolean {
  return c.status === "active" && inCaseWindow(c, week);
}

/** The weeks of a month: those whose Monday falls in it (each week belongs to one month). */
export function weeksOfMonth(period: string): string[] {
  const [y, m] = period.split("-").map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 1, 1));
  first.setUTCDate(first.getUTCDate() + ((8 - first.getUTCDay()) % 7));
  const weeks: string[] = [];
  for (const d = first; d.getUTCMonth() === m - 1; d.setUTCDate(d.getUTCDate() + 7)) weeks.push(d.toISOString().slice(0, 10));
  return weeks;
}

/** A change of a case's status, as the store keeps it. */
export interface StatusChange {
  fromStatus: string;
  toStatus: string;
  at: Date;
}

/** A case's status at an instant, from its current status and its changes. */
export function statusAt(current: string, changes: StatusChange[], at: Date): string {
  const sorted = [...changes].sort((a, b) => a.at.getTime() - b.at.getTime());
  const after = sorted.find((c) => c.at.getTime() > at.getTime());
  if (after) return after.fromStatus;
  return current;
}

/** One case's answers in a check-in conversation, before they are stored. */
export interface CheckinEntry {
  caseId: number;
  code: string;
  contacted: boolean;
  method: CheckinMethod | null;
  state: CheckinState;
  note: string | null;
}

/** What the store knows of the check-ins of one case in one week (all mentors). */
export interface WeekCheckins {
  contacted: boolean;
  state: string;
  mentorId: number;
}

/** A week in which the case was checked in on, and nobody reached the person. */
export function wasUnreached(week: WeekCheckins[]): boolean {
  return week.length > 0 && week.every((c) => !c.contacted);
}

export type CheckinAlert = { kind: "suspected-relapse" } | { kind: "unreached-twice" };

/**
 * The officers' alerts a stored check-in raises, each once: a suspected relapse this mentor had
 * not already reported this week; a case nobody reached this week (now) nor the week before,
 * that was not already so before this check-in.
 */
export function checkinAlerts(input: {
  entry: Pick<CheckinEntry, "state" | "contacted">;
  /** this mentor's check-in of this case this week before this one, if any (a correction) */
  own: WeekCheckins | null;
  /** every check-in of this case this week, before and after this one */
  before: WeekCheckins[];
  after: WeekCheckins[];
  previous: WeekCheckins[];
}): CheckinAlert[] {
  const alerts: CheckinAlert[] = [];
  if (input.entry.state === "suspected_relapse" && input.own?.state !== "suspected_relapse") alerts.push({ kind: "suspected-relapse" });
  if (wasUnreached(input.after) && !wasUnreached(input.before) && wasUnreached(input.previous)) alerts.push({ kind: "unreached-twice" });
  return alerts;
}

/** A unit's check-in compliance over some weeks: case-weeks due and those checked in on. */
export interface Compliance {
  due: number;
  done: number;
}

/** How a status, a method and a state are said (locales: `case-status-*`, `checkin-method-*`, `checkin-state-*`). */
export function caseStatusMsg(status: string): Msg {
  return { key: `case-status-${status}` };
}

export function checkinMethodMsg(method: string): Msg {
  return { key: `checkin-method-${method}` };
}

export function checkinStateMsg(state: string): Msg {
  return { key: `checkin-state-${state}` };
}
