import { Classification, matchUnit, unitSearchName, type ClassChange, type UnitInfo } from "../domain/units.ts";
import type { UnitListRow } from "../domain/unit-list.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { isolated, type DbOrTx } from "./client.ts";
import { holdersOf } from "./roles.ts";

type UnitRow = { id: number; name: string; households: number; classification: string; retiredPeriod?: string | null };

export function toUnitInfo(row: UnitRow): UnitInfo {
  const info: UnitInfo = { id: row.id, name: row.name, households: row.households, classification: Classification.parse(row.classification) };
  if (row.retiredPeriod) info.retiredPeriod = row.retiredPeriod;
  return info;
}

/** Thrown when a unit's name is taken (also when it differs only in diacritics or case). */
export class UnitExistsError extends Error {
  override name = "UnitExistsError";
}

export async function addUnit(
  db: DbOrTx,
  input: { name: string; households: number; classification: Classification },
): Promise<UnitInfo> {
  const searchName = unitSearchName(input.name);
  const clash = await db.unit.findUnique({ where: { searchName } });
  if (clash) throw new UnitExistsError(`a unit named "${clash.name}" already exists`);
  return toUnitInfo(await db.unit.create({ data: { ...input, searchName } }));
}

/** The units in service today (not retired), by name: who is prompted and summarised now. */
export async function listUnits(db: DbOrTx): Promise<UnitInfo[]> {
  const rows = await db.unit.findMany({ where: { retiredAt: null }, orderBy: { name: "asc" } });
  return rows.map(toUnitInfo);
}

/** Every unit, retired ones too, by name. */
export async function allUnits(db: DbOrTx): Promise<UnitInfo[]> {
  const rows = await db.unit.findMany({ orderBy: { name: "asc" } });
  return rows.map(toUnitInfo);
}

/**
 * The units a month's summary, prompts and export cover: those not retired, and those retired
 * after that month (a unit retired in 2026-12 is still in 2026-11's table).
 */
export async function unitsActiveIn(db: DbOrTx, period: string): Promise<UnitInfo[]> {
  const rows = await db.unit.findMany({
    where: { OR: [{ retiredPeriod: null }, { retiredPeriod: { gt: period } }] },
    orderBy: { name: "asc" },
  });
  return rows.map(toUnitInfo);
}

export async function unitById(db: DbOrTx, id: number): Promise<UnitInfo | null> {
  const row = await db.unit.findUnique({ where: { id } });
  return row ? toUnitInfo(row) : null;
}

/**
 * Finds a unit as a person types it (see `matchUnit`). Retired units are found only with
 * `retired: true` (an operator editing history), never for new invites, reports or announcements.
 */
export async function unitByName(db: DbOrTx, name: string, options: { retired?: boolean } = {}): Promise<UnitInfo | null> {
  const exact = await db.unit.findUnique({ where: { searchName: unitSearchName(name) } });
  if (exact && (options.retired || exact.retiredAt === null)) return toUnitInfo(exact);
  if (exact) return null;
  return matchUnit(await (options.retired ? allUnits(db) : listUnits(db)), name);
}

export async function countUnits(db: DbOrTx): Promise<number> {
  return db.unit.count();
}

/** Renames a unit; a name another unit has (in any case or diacritics) is a UnitExistsError. */
export async function renameUnit(db: DbOrTx, id: number, name: string): Promise<{ from: string; to: string }> {
  const searchName = unitSearchName(name);
  const clash = await db.unit.findUnique({ where: { searchName } });
  if (clash && clash.id !== id) throw new UnitExistsError(`a unit named "${clash.name}" already exists`);
  const before = await db.unit.findUniqueOrThrow({ where: { id } });
  await db.unit.update({ where: { id }, data: { name, searchName } });
  return { from: before.name, to: name };
}

/** Sets a unit's household count; returns the count before. */
export async function setHouseholds(db: DbOrTx, id: number, households: number): Promise<number> {
  const before = await db.unit.findUniqueOrThrow({ where: { id } });
  await db.unit.update({ where: { id }, data: { households } });
  return before.households;
}

/** Who made a change: a person in chat, or the operator (`by` says which command). */
export interface ChangedBy {
  byPersonId: number | null;
  by: string;
}

/**
 * Reclassifies a unit from `period` on and keeps the change, since the green-zone record of each
 * month is read against the class of that month. "same" when it already has that class.
 */
export async function reclassifyUnit(
  db: DbOrTx,
  id: number,
  to: Classification,
  change: ChangedBy & { period: string; now: Date },
): Promise<"same" | { from: Classification; to: Classification }> {
  const before = toUnitInfo(await db.unit.findUniqueOrThrow({ where: { id } }));
  if (before.classification === to) return "same";
  await db.unit.update({ where: { id }, data: { classification: to } });
  await db.unitClassChange.create({
    data: { unitId: id, fromClass: before.classification, toClass: to, period: change.period, byPersonId: change.byPersonId, by: change.by, at: change.now },
  });
  return { from: before.classification, to };
}

/** A unit's class changes, oldest first. */
export async function classChangesOf(db: DbOrTx, unitId: number): Promise<(ClassChange & { by: string; at: Date })[]> {
  const rows = await db.unitClassChange.findMany({ where: { unitId }, orderBy: { id: "asc" } });
  return rows.map((r) => ({ fromClass: Classification.parse(r.fromClass), toClass: Classification.parse(r.toClass), period: r.period, by: r.by, at: r.at }));
}

/** Every unit's class changes, oldest first, by unit id: one read for a report over all units. */
export async function allClassChanges(db: DbOrTx): Promise<Map<number, ClassChange[]>> {
  const rows = await db.unitClassChange.findMany({ orderBy: { id: "asc" } });
  const byUnit = new Map<number, ClassChange[]>();
  for (const r of rows) {
    const change = { fromClass: Classification.parse(r.fromClass), toClass: Classification.parse(r.toClass), period: r.period };
    byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), change]);
  }
  return byUnit;
}

/**
 * Retires a unit from `period` on: it stays, with its reports, for the months before, and is left
 * out of the prompts, summaries and exports of `period` and later. "already" when it was retired.
 */
export async function retireUnit(db: DbOrTx, id: number, period: string, now: Date): Promise<"already" | "retired"> {
  const before = await db.unit.findUniqueOrThrow({ where: { id } });
  if (before.retiredAt) return "already";
  await db.unit.update({ where: { id }, data: { retiredAt: now, retiredPeriod: period } });
  return "retired";
}

/** What an import did, by name: new units, units changed (and how), units already so. */
export interface ImportOutcome {
  added: string[];
  updated: { name: string; changes: string[] }[];
  unchanged: string[];
}

/** A row of the list names a retired unit: the operator must rename one of them first. */
export class RetiredUnitError extends Error {
  override name = "RetiredUnitError";
  constructor(readonly line: number, readonly unit: string) {
    super(`line ${line}: "${unit}" is a retired unit; rename it or the row first`);
  }
}

// Rows per statement of a bulk write: 500 × 5 values stays far under SQLite's 32,766 parameters.
const BULK = 500;

/** A DateTime as Prisma itself stores it in SQLite (ISO 8601 text), for the bulk statements. */
const dbTime = (at: Date) => at.toISOString().replace("Z", "+00:00");

/**
 * Applies a committee's list in one transaction: names not known are added, known names updated
 * (households, class from `period` on, the class change kept). Throws (and writes nothing) for a
 * row naming a retired unit. The writes are multi-row statements, 500 rows each: one Prisma call
 * per row took about 40 s for 10,000 changed units on this machine, and a createMany 6 s.
 */
export async function importUnits(db: DbOrTx, rows: UnitListRow[], change: ChangedBy & { period: string; now: Date }): Promise<ImportOutcome> {
  return isolated(db, async (tx) => {
    const existing = new Map((await tx.unit.findMany()).map((u) => [u.searchName, u]));
    const outcome: ImportOutcome = { added: [], updated: [], unchanged: [] };
    const created: { name: string; searchName: string; households: number; classification: string }[] = [];
    const updates: { id: number; households: number; classification: string }[] = [];
    const classChanges: { unitId: number; fromClass: string; toClass: string }[] = [];
    for (const row of rows) {
      const searchName = unitSearchName(row.name);
      const unit = existing.get(searchName);
      if (!unit) {
        created.push({ name: row.name, searchName, households: row.households ?? 0, classification: row.classification ?? "clean" });
        outcome.added.push(row.name);
        continue;
      }
      if (unit.retiredAt) throw new RetiredUnitError(row.line, unit.name);
      const households = row.households ?? unit.households;
      const classification = row.classification ?? unit.classification;
      const changes: string[] = [];
      if (households !== unit.households) changes.push(`households ${unit.households} → ${households}`);
      if (classification !== unit.classification) {
        changes.push(`class ${unit.classification} → ${classification}`);
        classChanges.push({ unitId: unit.id, fromClass: unit.classification, toClass: classification });
      }
      if (changes.length === 0) {
        outcome.unchanged.push(unit.name);
        continue;
      }
      updates.push({ id: unit.id, households, classification });
      outcome.updated.push({ name: unit.name, changes });
    }
    const at = dbTime(change.now);
    for (let i = 0; i < created.length; i += BULK) {
      const values = created.slice(i, i + BULK).map((u) => Prisma.sql`(${u.name}, ${u.searchName}, ${u.households}, ${u.classification}, ${at})`);
      await tx.$executeRaw`INSERT INTO "Unit" ("name", "searchName", "households", "classification", "createdAt") VALUES ${Prisma.join(values)}`;
    }
    for (let i = 0; i < updates.length; i += BULK) {
      const values = updates.slice(i, i + BULK).map((u) => Prisma.sql`(${u.id}, ${u.households}, ${u.classification})`);
      await tx.$executeRaw`WITH v("id", "households", "classification") AS (VALUES ${Prisma.join(values)})
        UPDATE "Unit" SET "households" = v."households", "classification" = v."classification" FROM v WHERE "Unit"."id" = v."id"`;
    }
    for (let i = 0; i < classChanges.length; i += BULK) {
      const values = classChanges
        .slice(i, i + BULK)
        .map((c) => Prisma.sql`(${c.unitId}, ${c.fromClass}, ${c.toClass}, ${change.period}, ${change.byPersonId}, ${change.by}, ${at})`);
      await tx.$executeRaw`INSERT INTO "UnitClassChange" ("unitId", "fromClass", "toClass", "period", "byPersonId", "by", "at") VALUES ${Prisma.join(values)}`;
    }
    return outcome;
  });
}

/** The ids of the units that have at least one head: a unit without one cannot report at all. */
export async function unitIdsWithHead(db: DbOrTx): Promise<number[]> {
  return [...new Set((await holdersOf(db, "head")).filter((h) => h.unitId !== null).map((h) => h.unitId!))];
}
