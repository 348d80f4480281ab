import { z } from "zod";
import {
  changedFields,
  REPORT_FIELDS,
  ReportValues,
  ReportWarningSchema,
  type ReportField,
  type ReportWarning,
} from "../domain/report.ts";
import type { ReportOfUnit } from "../domain/summary.ts";
import type { DbOrTx } from "./client.ts";

type ReportRow = { unitId: number; submittedAt: Date; warnings: string; notes: string | null } & Record<
  Exclude<ReportField, "notes">,
  number
>;

const Warnings = z.array(ReportWarningSchema);

function valuesOf(row: ReportRow): ReportValues {
  return ReportValues.parse(Object.fromEntries(REPORT_FIELDS.map((f) => [f, row[f]])));
}

function toReport(row: ReportRow): ReportOfUnit {
  return { unitId: row.unitId, values: valuesOf(row), warnings: Warnings.parse(JSON.parse(row.warnings)), submittedAt: row.submittedAt };
}

export async function getReport(db: DbOrTx, unitId: number, period: string): Promise<ReportOfUnit | null> {
  const row = await db.monthlyReport.findUnique({ where: { unitId_period: { unitId, period } } });
  return row ? toReport(row) : null;
}

export async function reportsOf(db: DbOrTx, period: string): Promise<ReportOfUnit[]> {
  const rows = await db.monthlyReport.findMany({ where: { period }, orderBy: { unitId: "asc" } });
  return rows.map(toReport);
}

/** Every report of the months from `from` to `to` (both included), each with its month, by month then unit. */
export async function reportsBetween(db: DbOrTx, from: string, to: string): Promise<(ReportOfUnit & { period: string })[]> {
  const rows = await db.monthlyReport.findMany({ where: { period: { gte: from, lte: to } }, orderBy: [{ period: "asc" }, { unitId: "asc" }] });
  return rows.map((row) => ({ ...toReport(row), period: row.period }));
}

export type SaveOutcome =
  | { kind: "created" }
  | { kind: "corrected"; fields: ReportField[] }
  | { kind: "unchanged" }
  | { kind: "locked" };

/**
 * Stores a unit's report for a month: creates it, or corrects it and keeps one revision row per
 * changed field (who, when, old and new value). Refuses a locked month.
 */
export async function saveReport(
  db: DbOrTx,
  input: { unitId: number; period: string; values: ReportValues; warnings: ReportWarning[]; personId: number; now: Date },
): Promise<SaveOutcome> {
  if (await isLocked(db, input.period)) return { kind: "locked" };
  const values = ReportValues.parse(input.values);
  const key = { unitId_period: { unitId: input.unitId, period: input.period } };
  const existing = await db.monthlyReport.findUnique({ where: key });
  if (!existing) {
    await db.monthlyReport.create({
      data: {
        unitId: input.unitId,
        period: input.period,
        ...values,
        warnings: JSON.stringify(input.warnings),
        submittedById: input.personId,
        submittedAt: input.now,
      },
    });
    return { kind: "created" };
  }
  const before = valuesOf(existing);
  const fields = changedFields(before, values);
  if (fields.length === 0) return { kind: "unchanged" };
  await db.monthlyReport.update({ where: key, data: { ...values, warnings: JSON.stringify(input.warnings) } });
  await db.reportRevision.createMany({
    data: fields.map((field) => ({
      reportId: existing.id,
      field,
      oldValue: before[field] === null ? null : String(before[field]),
      newValue: values[field] === null ? null : String(values[field]),
      changedById: input.personId,
      changedAt: input.now,
    })),
  });
  return { kind: "corrected", fields };
}

export async function revisionsOf(db: DbOrTx, unitId: number, period: string) {
  return db.reportRevision.findMany({
    where: { report: { unitId, period } },
    orderBy: { id: "asc" },
    select: { field: true, oldValue: true, newValue: true, changedById: true, changedAt: true },
  });
}

export async function isLocked(db: DbOrTx, period: string): Promise<boolean> {
  return (await db.periodLock.findUnique({ where: { period } })) !== null;
}

/** Locks a month and keeps the event; false when it was locked already. */
export async function lockPeriod(db: DbOrTx, period: string, personId: number | null, now: Date, by = personId === null ? "admin" : `person:${personId}`): Promise<boolean> {
  if (await isLocked(db, period)) return false;
  await db.periodLock.create({ data: { period, lockedById: personId, lockedAt: now } });
  await db.periodLockEvent.create({ data: { period, action: "lock", byPersonId: personId, by, at: now } });
  return true;
}

/** A month's corrections, every unit, oldest first, with who made each (their role and unit). */
export async function revisionsOfPeriod(db: DbOrTx, period: string) {
  const rows = await db.reportRevision.findMany({
    where: { report: { period } },
    orderBy: { id: "asc" },
    select: { field: true, oldValue: true, newValue: true, changedById: true, changedAt: true, report: { select: { unitId: true } } },
  });
  const people = await db.person.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.changedById))] } },
    select: { id: true, role: true, unitId: true },
  });
  const byId = new Map(people.map((p) => [p.id, p]));
  return rows.map((r) => ({
    unitId: r.report.unitId,
    field: r.field as ReportField,
    oldValue: r.oldValue,
    newValue: r.newValue,
    changedBy: { id: r.changedById, role: byId.get(r.changedById)?.role ?? null, unitId: byId.get(r.changedById)?.unitId ?? null },
    changedAt: r.changedAt,
  }));
}

/**
 * Reopens a locked month so its reports can be corrected again, and keeps who did it and why.
 * False when the month was not locked.
 */
export async function unlockPeriod(
  db: DbOrTx,
  period: string,
  input: { personId: number | null; by: string; reason: string; now: Date },
): Promise<boolean> {
  if (!(await isLocked(db, period))) return false;
  await db.periodLock.delete({ where: { period } });
  await db.periodLockEvent.create({ data: { period, action: "unlock", byPersonId: input.personId, by: input.by, reason: input.reason, at: input.now } });
  return true;
}

/** The locks and unlocks of a month, oldest first. */
export async function lockHistory(db: DbOrTx, period: string) {
  return db.periodLockEvent.findMany({
    where: { period },
    orderBy: { id: "asc" },
    select: { action: true, byPersonId: true, by: true, reason: true, at: true },
  });
}
