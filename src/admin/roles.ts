import { InviteRole } from "../domain/roles.ts";
import { allHolders, holdersOf, removeGrant } from "../store/roles.ts";
import { listUnits, unitByName } from "../store/units.ts";
import { fail, noPositionals, parseFlags } from "./args.ts";
import type { AdminIo } from "./io.ts";

/** `roles list [--unit <name>]` and `roles remove <personId> <role> [--unit <name>]`, parsed and checked. */
export type RolesCommand =
  | { kind: "roles-list"; unit: string | null }
  | { kind: "roles-remove"; personId: number; role: InviteRole; unit: string | null };

/** Reads the words after `roles`; throws a UsageError for anything it cannot run. */
export function parseRolesCommand(args: string[]): RolesCommand {
  const [sub, ...rest] = args;
  const { values, positionals } = parseFlags(`roles ${sub ?? ""}`.trim(), rest, { unit: { type: "string" } });
  const unit = values.unit?.trim() || null;
  switch (sub) {
    case "list":
      noPositionals("roles list", positionals);
      return { kind: "roles-list", unit };
    case "remove": {
      const [id, role, ...extra] = positionals;
      noPositionals("roles remove", extra);
      const personId = Number(id);
      if (id === undefined || !Number.isInteger(personId) || personId < 1) fail(`"roles remove" needs the person's number (roles list shows it): roles remove <personId> <head|mentor|officer> [--unit <name>]`);
      const parsed = InviteRole.safeParse(role);
      if (!parsed.success) fail(`"roles remove" needs the role: head, mentor or officer (got "${role ?? ""}")`);
      if (parsed.data === "head" && unit === null) fail(`removing a head role needs --unit <name>: the unit they report for`);
      if (parsed.data === "officer" && unit !== null) fail(`an officer's role has no unit: roles remove ${personId} officer`);
      return { kind: "roles-remove", personId, role: parsed.data, unit };
    }
    default:
      return fail(`"roles" needs list or remove (see --help)`);
  }
}

async function unitNamed(io: AdminIo, name: string) {
  const unit = await unitByName(io.db, name);
  if (!unit) fail(`no unit named "${name}"; units: ${(await listUnits(io.db)).map((u) => u.name).join(", ") || "none yet (units add <name>)"}`);
  return unit;
}

/** Lists every role held (of one unit), or takes one away; the person's other roles stay. */
export async function runRolesCommand(command: RolesCommand, io: AdminIo): Promise<void> {
  const unit = command.unit === null ? null : await unitNamed(io, command.unit);
  if (command.kind === "roles-list") {
    const holders = await allHolders(io.db, unit?.id);
    const names = new Map((await listUnits(io.db)).map((u) => [u.id, u.name]));
    if (holders.length === 0) return io.out(unit ? `nobody holds a role in ${unit.name}` : "nobody holds a role yet");
    for (const h of holders) {
      io.out(`${String(h.personId).padStart(5)}  ${h.role.padEnd(8)} ${h.unitId === null ? "-" : (names.get(h.unitId) ?? `unit ${h.unitId}`)}  (${h.channels.join(", ") || "no channel"})`);
    }
    return;
  }
  const unitId = command.role === "officer" ? null : (unit?.id ?? null);
  if (command.role === "officer" && (await holdersOf(io.db, "officer")).length <= 1) fail(`person ${command.personId} is the last officer: invite another before removing this one`);
  const removed = await removeGrant(io.db, command.personId, { role: command.role, unitId }, io.now);
  if (!removed) fail(`person ${command.personId} holds no ${command.role} role${unit ? ` for ${unit.name}` : ""} (roles list shows who holds what)`);
  io.out(`removed: person ${command.personId} is no longer ${command.role}${unit ? ` of ${unit.name}` : ""}; their other roles stay`);
}
