import { z } from "zod";
import { Classification, Households, UnitName, type UnitInfo } from "../domain/units.ts";
import type { DbOrTx } from "../store/client.ts";
import { addUnit, listUnits, UnitExistsError, unitByName } from "../store/units.ts";
import { fail, fromText, noPositionals, parseFlags, validate } from "./args.ts";
import type { AdminIo } from "./io.ts";

/** `units add` and `units list`, parsed and checked. */
export type UnitsCommand =
  | { kind: "units-add"; name: string; households: number; classification: Classification }
  | { kind: "units-list"; json: boolean };

// Digits only: Number("") is 0 and Number("1e2") is 100, neither is what the operator meant.
const WholeNumber = z.string().regex(/^\d+$/, "expected a whole number ≥ 0");

const AddArgs = z.object({
  name: UnitName,
  households: WholeNumber.pipe(fromText(Households)).optional(),
  class: z.string().trim().toLowerCase().pipe(Classification).optional(),
});

/** Reads the words after `units`; throws a UsageError for anything it cannot run. */
export function parseUnitsCommand(args: string[]): UnitsCommand {
  const [sub, ...rest] = args;
  if (sub === "add") {
    const { values, positionals } = parseFlags("units add", rest, {
      households: { type: "string" },
      class: { type: "string" },
    });
    // An unquoted name arrives as several words; terminals may send decomposed diacritics.
    const name = positionals.join(" ").normalize("NFC").replace(/\s+/g, " ");
    if (!name.trim()) fail(`"units add" needs a name, e.g. units add "Khu phố Nguyễn Trãi" --households 150`);
    const args = validate(AddArgs, { name, households: values.households, class: values.class }, {
      name: "name",
      households: "--households",
      class: "--class",
    });
    // Same defaults as a unit created by the schema: count unknown, no case known.
    return { kind: "units-add", name: args.name, households: args.households ?? 0, classification: args.class ?? "clean" };
  }
  if (sub === "list") {
    const { values, positionals } = parseFlags("units list", rest, { json: { type: "boolean" } });
    noPositionals("units list", positionals);
    return { kind: "units-list", json: values.json ?? false };
  }
  if (sub === undefined) fail(`"units" needs a command: units add <name> or units list`);
  return fail(`unknown command "units ${sub}" (units add, units list; see --help)`);
}

/** Runs a units command; a name already taken (in any case or diacritics) is a UsageError. */
export async function runUnitsCommand(command: UnitsCommand, io: AdminIo): Promise<void> {
  if (command.kind === "units-add") {
    let unit: UnitInfo;
    try {
      unit = await addUnit(io.db, { name: command.name, households: command.households, classification: command.classification });
    } catch (error) {
      if (error instanceof UnitExistsError) fail(error.message);
      throw error;
    }
    io.out(`added unit ${unit.id}: ${unit.name} (${unit.households} households, ${unit.classification})`);
    return;
  }
  const units = await listUnits(io.db);
  if (command.json) {
    const plain = units.map(({ id, name, households, classification }) => ({ id, name, households, classification }));
    io.out(JSON.stringify(plain, null, 2));
    return;
  }
  if (units.length === 0) {
    io.out(`no units yet; add one with: units add <name> [--households N] [--class priority|has_cases|clean]`);
    return;
  }
  for (const line of formatTable(units)) io.out(line);
}

/** The human listing: aligned columns, counts right-aligned so digits line up. */
function formatTable(units: UnitInfo[]): string[] {
  const header = ["id", "name", "households", "class"] as const;
  const rows = units.map((u) => [String(u.id), u.name, String(u.households), u.classification]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const rightAligned = new Set([0, 2]);
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line), `${units.length} unit${units.length === 1 ? "" : "s"}`];
}

/**
 * The unit an operator named with `--unit` (any case, with or without diacritics), or a
 * UsageError that lists the units there are, so the next try can be right.
 */
export async function unitNamedOrFail(db: DbOrTx, name: string): Promise<UnitInfo> {
  const unit = await unitByName(db, name);
  if (unit) return unit;
  const names = (await listUnits(db)).map((u) => u.name);
  return fail(
    names.length === 0
      ? `no unit named "${name}": there are no units yet (units add <name>)`
      : `no unit named "${name}"; units: ${names.join(", ")}`,
  );
}
