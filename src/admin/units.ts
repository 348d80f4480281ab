import { z } from "zod";
import { periodOf } from "../domain/period.ts";
import { readUnitList } from "../domain/unit-list.ts";
import { Classification, Households, readClassification, UnitName, type UnitInfo } from "../domain/units.ts";
import { isolated, type DbOrTx } from "../store/client.ts";
import {
  addUnit,
  allUnits,
  importUnits,
  reclassifyUnit,
  renameUnit,
  retireUnit,
  RetiredUnitError,
  setHouseholds,
  UnitExistsError,
  unitByName,
  listUnits,
} from "../store/units.ts";
import { fail, fromText, noPositionals, parseFlags, validate } from "./args.ts";
import type { AdminIo } from "./io.ts";
import { readUnitFile } from "./unit-file.ts";

/** The `units` commands, parsed and checked. */
export type UnitsCommand =
  | { kind: "units-add"; name: string; households: number; classification: Classification }
  | { kind: "units-list"; json: boolean }
  | { kind: "units-edit"; unit: string; name?: string; households?: number; classification?: Classification }
  | { kind: "units-retire"; unit: string }
  | { kind: "units-import"; file: string };

/** What the operator's changes are recorded as, beside a person's `person:ID`. */
const BY_ADMIN = "admin";

// Digits only: Number("") is 0 and Number("1e2") is 100, neither is what the operator meant.
const WholeNumber = z.string().regex(/^\d+$/, "expected a whole number ≥ 0");

// The English keys, or the class in Vietnamese as the committee writes it ("trọng điểm").
const ClassArg = z.string().transform((text, ctx) => {
  const cls = readClassification(text);
  if (cls) return cls;
  ctx.addIssue({ code: "custom", message: `expected one of ${Classification.options.join(", ")}` });
  return z.NEVER;
});

const AddArgs = z.object({
  name: UnitName,
  households: WholeNumber.pipe(fromText(Households)).optional(),
  class: ClassArg.optional(),
});

const EditArgs = z.object({
  name: UnitName.optional(),
  households: WholeNumber.pipe(fromText(Households)).optional(),
  class: ClassArg.optional(),
});

/** A unit's name as the operator typed it: several words, maybe decomposed diacritics. */
function typedName(words: string[]): string {
  return words.join(" ").normalize("NFC").replace(/\s+/g, " ").trim();
}

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
  if (sub === "edit") {
    const { values, positionals } = parseFlags("units edit", rest, {
      name: { type: "string" },
      households: { type: "string" },
      class: { type: "string" },
    });
    const unit = typedName(positionals);
    if (!unit) fail(`"units edit" needs the unit's name, e.g. units edit "Khu phố Chí Linh" --households 120`);
    const args = validate(EditArgs, { name: values.name?.normalize("NFC").replace(/\s+/g, " "), households: values.households, class: values.class }, {
      name: "--name",
      households: "--households",
      class: "--class",
    });
    if (args.name === undefined && args.households === undefined && args.class === undefined) {
      fail(`"units edit" needs what to change: --name <new>, --households N or --class priority|has_cases|clean`);
    }
    return { kind: "units-edit", unit, name: args.name, households: args.households, classification: args.class };
  }
  if (sub === "retire") {
    const { positionals } = parseFlags("units retire", rest, {});
    const unit = typedName(positionals);
    if (!unit) fail(`"units retire" needs the unit's name, e.g. units retire "Khu phố Chí Linh"`);
    return { kind: "units-retire", unit };
  }
  if (sub === "import") {
    const { positionals } = parseFlags("units import", rest, {});
    if (positionals.length !== 1) fail(`"units import" needs one file: units import FILE.csv or FILE.xlsx`);
    return { kind: "units-import", file: positionals[0]! };
  }
  if (sub === undefined) fail(`"units" needs a command: units add, list, edit, retire or import`);
  return fail(`unknown command "units ${sub}" (units add, list, edit, retire, import; see --help)`);
}

/** Runs a units command; a name already taken (in any case or diacritics) is a UsageError. */
export async function runUnitsCommand(command: UnitsCommand, io: AdminIo): Promise<void> {
  if (command.kind === "units-edit") return editUnit(command, io);
  if (command.kind === "units-retire") return retire(command.unit, io);
  if (command.kind === "units-import") return importFile(command.file, io);
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
  const units = await allUnits(io.db);
  if (command.json) {
    // Retired units carry the month they left; the others keep the shape scripts already read.
    const plain = units.map(({ id, name, households, classification, retiredPeriod }) =>
      retiredPeriod === undefined ? { id, name, households, classification } : { id, name, households, classification, retiredPeriod },
    );
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
  const rows = units.map((u) => [String(u.id), u.name, String(u.households), u.retiredPeriod ? `${u.classification} (retired from ${u.retiredPeriod})` : u.classification]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const rightAligned = new Set([0, 2]);
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  const retired = units.filter((u) => u.retiredPeriod !== undefined).length;
  return [line(header), ...rows.map(line), `${units.length} unit${units.length === 1 ? "" : "s"}${retired ? ` (${retired} retired)` : ""}`];
}

/**
 * The unit an operator named with `--unit` (any case, with or without diacritics), or a
 * UsageError that lists the units there are, so the next try can be right.
 */
export async function unitNamedOrFail(db: DbOrTx, name: string): Promise<UnitInfo> {
  const unit = await unitByName(db, name);
  if (unit) return unit;
  const names = (await listUnits(db)).map((u) => u.name);
  // With thousands of units, a few names show the spelling; `units list` has them all.
  const shown = names.length > 30 ? `${names.slice(0, 30).join(", ")} and ${names.length - 30} more (units list)` : names.join(", ");
  return fail(
    names.length === 0
      ? `no unit named "${name}": there are no units yet (units add <name>)`
      : `no unit named "${name}"; units: ${shown}`,
  );
}

/** The unit an edit or a retirement names, retired ones included, or a UsageError listing a few. */
async function unitToChange(db: DbOrTx, name: string): Promise<UnitInfo> {
  const unit = await unitByName(db, name, { retired: true });
  if (unit) return unit;
  return unitNamedOrFail(db, name);
}

/** `units edit`: every change in one transaction, each told on its own line. */
async function editUnit(command: Extract<UnitsCommand, { kind: "units-edit" }>, io: AdminIo): Promise<void> {
  const period = periodOf(io.now, io.timeZone ?? "Asia/Ho_Chi_Minh");
  const lines = await isolated(io.db, async (tx) => {
    const unit = await unitToChange(tx, command.unit);
    if (unit.retiredPeriod !== undefined) fail(`"${unit.name}" is retired (from ${unit.retiredPeriod}); it is kept as history and cannot be changed`);
    const out: string[] = [];
    if (command.name !== undefined && command.name !== unit.name) {
      try {
        const renamed = await renameUnit(tx, unit.id, command.name);
        out.push(`renamed "${renamed.from}" to "${renamed.to}"`);
      } catch (error) {
        if (error instanceof UnitExistsError) fail(error.message);
        throw error;
      }
    }
    const name = command.name ?? unit.name;
    if (command.households !== undefined) {
      const before = await setHouseholds(tx, unit.id, command.households);
      out.push(`${name}: households ${before} → ${command.households}`);
    }
    if (command.classification !== undefined) {
      const changed = await reclassifyUnit(tx, unit.id, command.classification, { period, byPersonId: null, by: BY_ADMIN, now: io.now });
      out.push(changed === "same" ? `${name}: class is ${command.classification} already` : `${name}: class ${changed.from} → ${changed.to} from ${period}`);
    }
    return out.length > 0 ? out : [`${name}: nothing to change`];
  });
  for (const line of lines) io.out(line);
}

/** `units retire`: out of the prompts, summaries and exports from this month on; kept as history. */
async function retire(name: string, io: AdminIo): Promise<void> {
  const period = periodOf(io.now, io.timeZone ?? "Asia/Ho_Chi_Minh");
  const unit = await unitToChange(io.db, name);
  if (unit.retiredPeriod !== undefined) {
    io.out(`${unit.name} was retired already (from ${unit.retiredPeriod})`);
    return;
  }
  await retireUnit(io.db, unit.id, period, io.now);
  io.out(`retired ${unit.name} from ${period}: kept with its reports, left out of prompts, summaries and exports from ${period} on`);
}

/**
 * `units import FILE`: the committee's list, all or nothing. Every bad row is printed (line and
 * reason) to standard error and nothing is written; else new names are added, known ones updated.
 */
async function importFile(file: string, io: AdminIo): Promise<void> {
  const read = readUnitList(await readUnitFile(file));
  if (!read.ok) {
    for (const e of read.errors) io.err(`${file}: line ${e.line}: ${e.reason}`);
    fail(`${read.errors.length} bad row${read.errors.length === 1 ? "" : "s"} in ${file}; nothing was imported`);
  }
  const period = periodOf(io.now, io.timeZone ?? "Asia/Ho_Chi_Minh");
  let outcome;
  try {
    outcome = await importUnits(io.db, read.rows, { period, byPersonId: null, by: `import ${file}`.slice(0, 200), now: io.now });
  } catch (error) {
    if (error instanceof RetiredUnitError) fail(`${file}: ${error.message}; nothing was imported`);
    throw error;
  }
  for (const name of outcome.added) io.out(`added: ${name}`);
  for (const u of outcome.updated) io.out(`updated: ${u.name} (${u.changes.join(", ")})`);
  io.out(`imported ${file}: ${outcome.added.length} added, ${outcome.updated.length} updated, ${outcome.unchanged.length} unchanged`);
}
