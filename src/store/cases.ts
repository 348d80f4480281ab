import {
  checkinAlerts,
  inCaseWindow,
  isDueInWeek,
  statusAt,
  weeksOfMonth,
  type CaseStatus,
  type CheckinAlert,
  type CheckinEntry,
  type Compliance,
  type WeekCheckins,
} from "../domain/cases.ts";
import { previousWeek, zonedTime } from "../domain/time.ts";
import type { DbOrTx } from "./client.ts";
import { decryptField, encryptField } from "./crypto.ts";

/**
 * Rehab support cases: the case, its mentors, its weekly check-ins and its status changes
 * (prisma/schema.prisma). The person's name and the mentors' notes are sealed with DATA_KEY
 * before they are written and opened only for officers; everything else here is codes and dates.
 */

/** Seals and opens the encrypted columns (names, notes). */
export interface Sealer {
  seal(plain: string): string;
  open(stored: string): string;
}

/** The sealer of a DATA_KEY (32 bytes, base64). */
export function sealerFor(dataKey: string): Sealer {
  return { seal: (plain) => encryptField(plain, dataKey), open: (stored) => decryptField(stored, dataKey) };
}

/** A case as flows and commands see it: never the name. */
export interface CaseInfo {
  id: number;
  code: string;
  unitId: number;
  unitName: string;
  status: CaseStatus;
  startDate: string;
  endDate: string | null;
  /** whether a name is recorded (not the name) */
  hasName: boolean;
  mentors: number;
}

/** Thrown when a case code is taken. */
export class CaseExistsError extends Error {
  override name = "CaseExistsError";
}

type CaseRow = {
  id: number;
  code: string;
  unitId: number;
  nameEnc: string | null;
  startDate: string;
  endDate: string | null;
  status: string;
  _count?: { mentors: number };
};

async function unitNames(db: DbOrTx, ids: number[]): Promise<Map<number, string>> {
  const units = await db.unit.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return new Map(units.map((u) => [u.id, u.name]));
}

function toCaseInfo(row: CaseRow, unitName: string): CaseInfo {
  return {
    id: row.id,
    code: row.code,
    unitId: row.unitId,
    unitName,
    status: row.status as CaseStatus,
    startDate: row.startDate,
    endDate: row.endDate,
    hasName: row.nameEnc !== null,
    mentors: row._count?.mentors ?? 0,
  };
}

const withMentorCount = { _count: { select: { mentors: true } } } as const;

/** Opens a case. The name, when given, is sealed before it is written. */
export async function openCase(
  db: DbOrTx,
  input: { code: string; unitId: number; name: string | null; startDate: string; endDate: string | null },
  sealer: Sealer | null,
): Promise<CaseInfo> {
  if (await db.rehabCase.findUnique({ where: { code: input.code } })) throw new CaseExistsError(`a case with code ${input.code} already exists`);
  if (input.name !== null && !sealer) throw new Error("openCase: a name needs DATA_KEY to be stored encrypted");
  const row = await db.rehabCase.create({
    data: {
      code: input.code,
      unitId: input.unitId,
      nameEnc: input.name === null ? null : sealer!.seal(input.name),
      startDate: input.startDate,
      endDate: input.endDate,
    },
    include: withMentorCount,
  });
  return toCaseInfo(row, (await unitNames(db, [row.unitId])).get(row.unitId) ?? "");
}

/** A case by its id, or null when there is none. */
export async function caseById(db: DbOrTx, id: number): Promise<CaseInfo | null> {
  const row = await db.rehabCase.findUnique({ where: { id }, include: withMentorCount });
  if (!row) return null;
  return toCaseInfo(row, (await unitNames(db, [row.unitId])).get(row.unitId) ?? "");
}

export async function caseByCode(db: DbOrTx, code: string): Promise<CaseInfo | null> {
  const row = await db.rehabCase.findUnique({ where: { code }, include: withMentorCount });
  if (!row) return null;
  return toCaseInfo(row, (await unitNames(db, [row.unitId])).get(row.unitId) ?? "");
}

/** Every case (of one unit), by code. */
export async function listCases(db: DbOrTx, filter: { unitId?: number } = {}): Promise<CaseInfo[]> {
  const rows = await db.rehabCase.findMany({
    where: filter.unitId === undefined ? {} : { unitId: filter.unitId },
    include: withMentorCount,
    orderBy: { code: "asc" },
  });
  const names = await unitNames(db, rows.map((r) => r.unitId));
  return rows.map((r) => toCaseInfo(r, names.get(r.unitId) ?? ""));
}

/** The name recorded for a case, opened; null when none is recorded. For officers only. */
export async function caseName(db: DbOrTx, caseId: number, sealer: Sealer): Promise<string | null> {
  const row = await db.rehabCase.findUnique({ where: { id: caseId }, select: { nameEnc: true } });
  return row?.nameEnc ? sealer.open(row.nameEnc) : null;
}

/** The last check-in of each case (any mentor), by case id. */
export async function lastCheckins(db: DbOrTx, caseIds: number[]): Promise<Map<number, { week: string; state: string; contacted: boolean }>> {
  const rows = await db.checkin.findMany({
    where: { caseId: { in: caseIds } },
    select: { caseId: true, week: true, state: true, contacted: true, createdAt: true },
    orderBy: [{ week: "desc" }, { createdAt: "desc" }],
  });
  const last = new Map<number, { week: string; state: string; contacted: boolean }>();
  for (const r of rows) if (!last.has(r.caseId)) last.set(r.caseId, { week: r.week, state: r.state, contacted: r.contacted });
  return last;
}

/** Whether a person is one of a case's mentors. */
export async function isCaseMentor(db: DbOrTx, caseId: number, personId: number): Promise<boolean> {
  return (await db.caseMentor.findUnique({ where: { caseId_personId: { caseId, personId } } })) !== null;
}

/** Makes a person a mentor of a case; nothing changes when they already are. */
export async function addCaseMentor(db: DbOrTx, caseId: number, personId: number): Promise<void> {
  await db.caseMentor.upsert({ where: { caseId_personId: { caseId, personId } }, create: { caseId, personId }, update: {} });
}

/** A case a mentor has to check in on in a week, and whether they already did. */
export interface MentorCase {
  id: number;
  code: string;
  /** this mentor already checked it in this week */
  checked: boolean;
}

/** The cases a person mentors that are due in `week` (active, in their period), by code. */
export async function mentorCasesDue(db: DbOrTx, personId: number, week: string): Promise<MentorCase[]> {
  const links = await db.caseMentor.findMany({ where: { personId }, include: { case: true } });
  const due = links.map((l) => l.case).filter((c) => isDueInWeek(c, week));
  const done = await db.checkin.findMany({ where: { mentorId: personId, week, caseId: { in: due.map((c) => c.id) } }, select: { caseId: true } });
  const checked = new Set(done.map((d) => d.caseId));
  return due
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((c) => ({ id: c.id, code: c.code, checked: checked.has(c.id) }));
}

/** Every check-in of a case in a week. */
export async function weekCheckins(db: DbOrTx, caseId: number, week: string): Promise<WeekCheckins[]> {
  return db.checkin.findMany({ where: { caseId, week }, select: { contacted: true, state: true, mentorId: true } });
}

/**
 * Stores one mentor's check-in of one case for a week (a second one that week replaces the
 * first), the note sealed, and returns the officers' alerts it raises (domain `checkinAlerts`).
 */
export async function saveCheckin(
  db: DbOrTx,
  input: { entry: CheckinEntry; mentorId: number; week: string; now: Date },
  sealer: Sealer | null,
): Promise<CheckinAlert[]> {
  const { entry, mentorId, week } = input;
  if (entry.note !== null && !sealer) throw new Error("saveCheckin: a note needs DATA_KEY to be stored encrypted");
  const before = await weekCheckins(db, entry.caseId, week);
  const own = before.find((c) => c.mentorId === mentorId) ?? null;
  const values = {
    contacted: entry.contacted,
    method: entry.contacted ? entry.method : null,
    state: entry.state,
    noteEnc: entry.note === null ? null : sealer!.seal(entry.note),
  };
  await db.checkin.upsert({
    where: { caseId_week_mentorId: { caseId: entry.caseId, week, mentorId } },
    create: { caseId: entry.caseId, week, mentorId, ...values, createdAt: input.now },
    update: values,
  });
  const after = await weekCheckins(db, entry.caseId, week);
  const previous = await weekCheckins(db, entry.caseId, previousWeek(week));
  return checkinAlerts({ entry, own, before, after, previous });
}

/** Changes a case's status, keeping the change; "same" when it already had that status. */
export async function setCaseStatus(
  db: DbOrTx,
  caseId: number,
  to: CaseStatus,
  byPersonId: number | null,
  now: Date,
): Promise<{ from: CaseStatus; to: CaseStatus } | "same"> {
  const row = await db.rehabCase.findUniqueOrThrow({ where: { id: caseId } });
  if (row.status === to) return "same";
  await db.rehabCase.update({ where: { id: caseId }, data: { status: to } });
  await db.caseStatusChange.create({ data: { caseId, fromStatus: row.status, toStatus: to, byPersonId, at: now } });
  return { from: row.status as CaseStatus, to };
}

/** One stored check-in as an officer reads it. */
export interface CheckinRecord {
  week: string;
  contacted: boolean;
  method: string | null;
  state: string;
  /** opened only when a sealer is given */
  note: string | null;
}

/** A case's latest check-ins, newest week first; notes opened when `sealer` is given. */
export async function caseCheckins(db: DbOrTx, caseId: number, limit: number, sealer: Sealer | null): Promise<CheckinRecord[]> {
  const rows = await db.checkin.findMany({ where: { caseId }, orderBy: [{ week: "desc" }, { createdAt: "desc" }], take: limit });
  return rows.map((r) => ({
    week: r.week,
    contacted: r.contacted,
    method: r.method,
    state: r.state,
    note: sealer && r.noteEnc ? sealer.open(r.noteEnc) : null,
  }));
}

/** How one case stands in a week, for the officers' list. */
export interface CaseWeek {
  code: string;
  unitName: string;
  mentors: number;
  /** check-ins this week: none, or the latest state and whether anyone reached the person */
  thisWeek: { state: string; contacted: boolean } | null;
  lastWeek: { state: string; contacted: boolean } | null;
  /** the case was due last week too */
  dueLastWeek: boolean;
}

/** The active cases due in `week`, each with its check-ins of this week and the last. */
export async function casesOfWeek(db: DbOrTx, week: string): Promise<CaseWeek[]> {
  const last = previousWeek(week);
  const cases = (await db.rehabCase.findMany({ where: { status: "active" }, include: withMentorCount, orderBy: { code: "asc" } })).filter((c) =>
    isDueInWeek(c, week),
  );
  const names = await unitNames(db, cases.map((c) => c.unitId));
  const checkins = await db.checkin.findMany({
    where: { caseId: { in: cases.map((c) => c.id) }, week: { in: [week, last] } },
    orderBy: { createdAt: "asc" },
  });
  const summarize = (caseId: number, w: string) => {
    const of = checkins.filter((c) => c.caseId === caseId && c.week === w);
    if (of.length === 0) return null;
    // The most worrying state any mentor gave wins; reached if anyone reached the person.
    const rank = ["stable", "unreachable", "worrying", "suspected_relapse"];
    const state = of.map((c) => c.state).sort((a, b) => rank.indexOf(b) - rank.indexOf(a))[0]!;
    return { state, contacted: of.some((c) => c.contacted) };
  };
  return cases.map((c) => ({
    code: c.code,
    unitName: names.get(c.unitId) ?? "",
    mentors: c._count.mentors,
    thisWeek: summarize(c.id, week),
    lastWeek: summarize(c.id, last),
    dueLastWeek: inCaseWindow(c, last),
  }));
}

/**
 * Each unit's check-in compliance in a month: over the weeks of the month (a week belongs to the
 * month of its Monday) that have begun by `now`, the case-weeks due (the case in its period and
 * active at the week's start) and, of those, the ones at least one mentor checked in on.
 */
export async function complianceByUnit(db: DbOrTx, period: string, timeZone: string, now: Date): Promise<Map<number, Compliance>> {
  return complianceOverMonths(db, [period], timeZone, now);
}

/** {@link complianceByUnit} over several months at once (a review's range): one read of the cases. */
export async function complianceOverMonths(db: DbOrTx, periods: string[], timeZone: string, now: Date): Promise<Map<number, Compliance>> {
  // Each week's start is worked out once: zonedTime builds a date formatter per call, and a
  // call per case and week took seconds for a year of a few hundred cases.
  const weeks = periods
    .flatMap(weeksOfMonth)
    .map((week) => {
      const [y, m, d] = week.split("-").map(Number) as [number, number, number];
      return { week, start: zonedTime(y, m, d, 0, 0, timeZone) };
    })
    .filter((w) => w.start.getTime() <= now.getTime());
  const cases = await db.rehabCase.findMany({ include: { changes: true } });
  const checked = new Set(
    (await db.checkin.findMany({ where: { week: { in: weeks.map((w) => w.week) } }, select: { caseId: true, week: true } })).map((c) => `${c.caseId}:${c.week}`),
  );
  const byUnit = new Map<number, Compliance>();
  for (const c of cases) {
    const tally = byUnit.get(c.unitId) ?? { due: 0, done: 0 };
    for (const { week, start } of weeks) {
      if (!inCaseWindow(c, week) || statusAt(c.status, c.changes, start) !== "active") continue;
      tally.due++;
      if (checked.has(`${c.id}:${week}`)) tally.done++;
    }
    byUnit.set(c.unitId, tally);
  }
  return byUnit;
}

/**
 * What a review report says of rehab cases over [start, end): the status changes made in it (to
 * each status), and the check-ins of the given weeks by the state the mentor gave. Counts only.
 */
export async function caseActivityBetween(
  db: DbOrTx,
  start: Date,
  end: Date,
  weeks: string[],
): Promise<{ statusChanges: Record<string, number>; checkinStates: Record<string, number> }> {
  const changes = await db.caseStatusChange.findMany({ where: { at: { gte: start, lt: end } }, select: { toStatus: true } });
  const checkins = await db.checkin.findMany({ where: { week: { in: weeks } }, select: { state: true } });
  const tally = (values: string[]) => values.reduce<Record<string, number>>((acc, v) => ((acc[v] = (acc[v] ?? 0) + 1), acc), {});
  return { statusChanges: tally(changes.map((c) => c.toStatus)), checkinStates: tally(checkins.map((c) => c.state)) };
}
