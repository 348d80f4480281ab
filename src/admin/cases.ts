import { z } from "zod";
import { CaseCode, CaseName, CaseStatus, IsoDate } from "../domain/cases.ts";
import { localDate } from "../domain/time.ts";
import { CaseExistsError, caseByCode, caseName, lastCheckins, listCases, openCase, setCaseStatus, type Sealer } from "../store/cases.ts";
import { inTransaction } from "../store/client.ts";
import { keyring } from "../store/keyring.ts";
import { fail, noPositionals, parseFlags, validate } from "./args.ts";
import type { AdminIo } from "./io.ts";
import { unitNamedOrFail } from "./units.ts";

/** `cases add`, `cases list` and `cases status`, parsed and checked. */
export type CasesCommand =
  | { kind: "cases-add"; code: string; unit: string; name: string | null; start: string | null; end: string | null }
  | { kind: "cases-list"; unit: string | null; json: boolean; names: boolean }
  | { kind: "cases-status"; code: string; status: CaseStatus };

const AddArgs = z.object({
  code: CaseCode,
  unit: z.string().trim().min(1, "the unit name is empty"),
  name: CaseName.optional(),
  start: IsoDate.optional(),
  end: IsoDate.optional(),
});

const StatusArgs = z.object({ code: CaseCode, status: z.string().trim().toLowerCase().pipe(CaseStatus) });

/** Reads the words after `cases`; throws a UsageError for anything it cannot run. */
export function parseCasesCommand(args: string[]): CasesCommand {
  const [sub, ...rest] = args;
  if (sub === "add") {
    const { values, positionals } = parseFlags("cases add", rest, {
      unit: { type: "string" },
      name: { type: "string" },
      start: { type: "string" },
      end: { type: "string" },
    });
    const [code, extra] = positionals;
    if (code === undefined) fail(`"cases add" needs a code, e.g. cases add NT-01 --unit "Khu phố Nguyễn Trãi"`);
    // An unquoted name or unit spills into positionals; say so rather than take half of it.
    if (extra !== undefined) fail(`unexpected argument "${extra}" for "cases add" (quote a name with spaces: --name "Nguyễn Văn A")`);
    if (values.unit === undefined) fail(`"cases add" needs --unit <name>: the neighbourhood of the case`);
    const parsed = validate(
      AddArgs,
      { code, unit: values.unit, name: values.name?.normalize("NFC"), start: values.start, end: values.end },
      { code: "code", unit: "--unit", name: "--name", start: "--start", end: "--end" },
    );
    if (parsed.start && parsed.end && parsed.end < parsed.start) fail(`--end ${parsed.end} is before --start ${parsed.start}`);
    return { kind: "cases-add", code: parsed.code, unit: parsed.unit, name: parsed.name ?? null, start: parsed.start ?? null, end: parsed.end ?? null };
  }
  if (sub === "list") {
    const { values, positionals } = parseFlags("cases list", rest, { unit: { type: "string" }, json: { type: "boolean" }, names: { type: "boolean" } });
    noPositionals("cases list", positionals);
    if (values.unit !== undefined && !values.unit.trim()) fail(`--unit: the unit name is empty`);
    return { kind: "cases-list", unit: values.unit?.trim() ?? null, json: values.json ?? false, names: values.names ?? false };
  }
  if (sub === "status") {
    const { positionals } = parseFlags("cases status", rest, {});
    const [code, status, extra] = positionals;
    if (code === undefined || status === undefined) fail(`"cases status" needs a code and a status: cases status NT-01 completed`);
    if (extra !== undefined) fail(`unexpected argument "${extra}" for "cases status"`);
    const parsed = validate(StatusArgs, { code, status }, { code: "code", status: "status" });
    return { kind: "cases-status", code: parsed.code, status: parsed.status };
  }
  if (sub === undefined) fail(`"cases" needs a command: cases add, cases list or cases status`);
  return fail(`unknown command "cases ${sub}" (cases add, cases list, cases status; see --help)`);
}

/** The key names are sealed with: the server's (DATA_KEY, or the demo key), loaded by the CLI. */
function sealer(): Sealer {
  return keyring();
}

/** Runs a cases command. What only the database can refuse (a unit, a code) is a UsageError. */
export async function runCasesCommand(command: CasesCommand, io: AdminIo): Promise<void> {
  const timeZone = io.timeZone ?? "Asia/Ho_Chi_Minh";
  switch (command.kind) {
    case "cases-add": {
      // Everything is checked before anything is written.
      const unit = await unitNamedOrFail(io.db, command.unit);
      if (await caseByCode(io.db, command.code)) fail(`a case with code ${command.code} already exists`);
      const start = command.start ?? localDate(io.now, timeZone);
      if (command.end !== null && command.end < start) fail(`--end ${command.end} is before the start, ${start}`);
      let opened;
      try {
        opened = await openCase(
          io.db,
          { code: command.code, unitId: unit.id, name: command.name, startDate: start, endDate: command.end },
          command.name === null ? null : sealer(),
        );
      } catch (error) {
        if (error instanceof CaseExistsError) fail(error.message);
        throw error;
      }
      const until = opened.endDate ? ` to ${opened.endDate}` : " (no planned end)";
      io.out(`opened case ${opened.code} in ${unit.name}, from ${opened.startDate}${until}${command.name ? "; name stored encrypted" : ""}`);
      io.out(`a mentor joins it with a code from: invite mentor --case ${opened.code}`);
      return;
    }
    case "cases-status": {
      const found = await caseByCode(io.db, command.code);
      if (!found) fail(`no case with code ${command.code}`);
      const changed = await inTransaction(io.db, (tx) => setCaseStatus(tx, found.id, command.status, null, io.now));
      io.out(changed === "same" ? `case ${found.code} is already ${command.status}; nothing changed` : `case ${found.code}: ${changed.from} → ${changed.to}`);
      return;
    }
    case "cases-list": {
      const unit = command.unit === null ? null : await unitNamedOrFail(io.db, command.unit);
      const cases = await listCases(io.db, unit ? { unitId: unit.id } : {});
      const last = await lastCheckins(io.db, cases.map((c) => c.id));
      const names = new Map<number, string | null>();
      if (command.names) for (const c of cases) names.set(c.id, c.hasName ? await caseName(io.db, c.id, sealer()) : null);
      const rows = cases.map((c) => ({
        code: c.code,
        unit: c.unitName,
        status: c.status,
        startDate: c.startDate,
        endDate: c.endDate,
        mentors: c.mentors,
        lastCheckin: last.get(c.id) ?? null,
        ...(command.names ? { name: names.get(c.id) ?? null } : {}),
      }));
      if (command.json) {
        io.out(JSON.stringify(rows, null, 2));
        return;
      }
      if (rows.length === 0) {
        io.out(`no cases yet${unit ? ` in ${unit.name}` : ""}; open one with: cases add <code> --unit <name>`);
        return;
      }
      const header = ["code", "unit", "status", "start", "end", "mentors", "last check-in", ...(command.names ? ["name"] : [])];
      const table = rows.map((r) => [
        r.code,
        r.unit,
        r.status,
        r.startDate,
        r.endDate ?? "-",
        String(r.mentors),
        r.lastCheckin ? `${r.lastCheckin.week} ${r.lastCheckin.state}` : "never",
        ...(command.names ? [r.name ?? "-"] : []),
      ]);
      const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
      const line = (cells: string[]) =>
        cells
          .map((c, i) => (i === 5 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
          .join("  ")
          .trimEnd();
      io.out(line(header));
      for (const r of table) io.out(line(r));
      io.out(`${rows.length} case${rows.length === 1 ? "" : "s"}`);
      return;
    }
  }
}
