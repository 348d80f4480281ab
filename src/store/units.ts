import { Classification, matchUnit, unitSearchName, type UnitInfo } from "../domain/units.ts";
import type { DbOrTx } from "./client.ts";

type UnitRow = { id: number; name: string; households: number; classification: string };

export function toUnitInfo(row: UnitRow): UnitInfo {
  return { id: row.id, name: row.name, households: row.households, classification: Classification.parse(row.classification) };
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

export async function listUnits(db: DbOrTx): Promise<UnitInfo[]> {
  const rows = await db.unit.findMany({ orderBy: { name: "asc" } });
  return rows.map(toUnitInfo);
}

export async function unitById(db: DbOrTx, id: number): Promise<UnitInfo | null> {
  const row = await db.unit.findUnique({ where: { id } });
  return row ? toUnitInfo(row) : null;
}

/** Finds a unit as a person types it (see `matchUnit`). */
export async function unitByName(db: DbOrTx, name: string): Promise<UnitInfo | null> {
  const exact = await db.unit.findUnique({ where: { searchName: unitSearchName(name) } });
  if (exact) return toUnitInfo(exact);
  return matchUnit((await db.unit.findMany()).map(toUnitInfo), name);
}

export async function countUnits(db: DbOrTx): Promise<number> {
  return db.unit.count();
}
