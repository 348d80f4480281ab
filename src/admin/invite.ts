import { z } from "zod";
import { CaseCode } from "../domain/cases.ts";
import { InviteRole } from "../domain/roles.ts";
import { caseByCode } from "../store/cases.ts";
import { displayDateTime } from "../domain/time.ts";
import { createInvite, DEFAULT_INVITE_TTL_DAYS, inviteExpiry } from "../store/invites.ts";
import { listUnits, unitByName } from "../store/units.ts";
import { fail, parseFlags, validate } from "./args.ts";
import type { AdminIo } from "./io.ts";

/** `invite <role> [--unit <name>]` or `invite mentor --case <code>`, parsed and checked. */
export interface InviteCommand {
  kind: "invite";
  role: InviteRole;
  /** the unit as typed; looked up when the command runs */
  unit: string | null;
  /** a rehab case's code: the taker becomes one of its mentors */
  caseCode: string | null;
}

const InviteArgs = z.object({
  role: z.string().trim().toLowerCase().pipe(InviteRole),
  unit: z.string().trim().min(1, "the unit name is empty").optional(),
  case: CaseCode.optional(),
});

/** Who invites from the command line, as recorded on the invite. */
export const ADMIN_CREATOR = "admin";

/** Reads the words after `invite`; throws a UsageError for anything it cannot run. */
export function parseInviteCommand(args: string[]): InviteCommand {
  const { values, positionals } = parseFlags("invite", args, { unit: { type: "string" }, case: { type: "string" } });
  const [role, extra] = positionals;
  if (role === undefined) fail(`"invite" needs a role: invite head --unit <name>, invite mentor or invite officer`);
  // An unquoted unit name spills into positionals; say so rather than ignore half of it.
  if (extra !== undefined) fail(`unexpected argument "${extra}" for "invite" (quote a unit name with spaces: --unit "Khu phố A")`);
  const parsed = validate(InviteArgs, { role, unit: values.unit, case: values.case }, { role: "role", unit: "--unit", case: "--case" });
  if (parsed.case !== undefined) {
    if (parsed.role !== "mentor") fail(`only a mentor's invite takes --case: invite mentor --case <code>`);
    if (parsed.unit !== undefined) fail(`--case and --unit together: a case invite's unit is the case's`);
  }
  if (parsed.role === "head" && parsed.unit === undefined) fail(`a head's invite needs --unit <name>: the unit they will report for`);
  // Officers see every unit; a unit on their invite would be silently meaningless.
  if (parsed.role === "officer" && parsed.unit !== undefined) fail(`an officer's invite takes no --unit: officers see every unit`);
  return { kind: "invite", role: parsed.role, unit: parsed.unit ?? null, caseCode: parsed.case ?? null };
}

/**
 * Creates a one-time invite code. The code is printed alone on the last line so a script can take
 * it with `tail -n 1`; the line before tells the operator what it is for.
 */
export async function runInviteCommand(command: InviteCommand, io: AdminIo): Promise<void> {
  const expiresAt = inviteExpiry(io.now, io.inviteTtlDays ?? DEFAULT_INVITE_TTL_DAYS);
  const until = `${displayDateTime(expiresAt, io.timeZone ?? "Asia/Ho_Chi_Minh")} (${io.timeZone ?? "Asia/Ho_Chi_Minh"})`;
  if (command.caseCode !== null) {
    const found = await caseByCode(io.db, command.caseCode);
    if (!found) fail(`no case with code ${command.caseCode} (cases list shows them; cases add opens one)`);
    if (found.status !== "active") fail(`case ${found.code} is ${found.status}: only an active case takes new mentors`);
    const code = await createInvite(io.db, { role: "mentor", unitId: found.unitId, caseId: found.id, createdBy: ADMIN_CREATOR, expiresAt });
    io.out(`invite for a rehab mentor of case ${found.code} (${found.unitName}); works once, until ${until}: the person sends /join ${code} to the bot`);
    io.out(code);
    return;
  }
  let unitId: number | null = null;
  let forWhom = command.role === "head" ? "a neighbourhood head" : command.role === "mentor" ? "a rehab mentor" : "an officer";
  if (command.unit !== null) {
    const unit = await unitByName(io.db, command.unit);
    if (!unit) {
      const names = (await listUnits(io.db)).map((u) => u.name);
      fail(
        names.length === 0
          ? `no unit named "${command.unit}": there are no units yet (units add <name>)`
          : `no unit named "${command.unit}"; units: ${names.join(", ")}`,
      );
    }
    unitId = unit.id;
    forWhom += ` of ${unit.name}`;
  }
  const code = await createInvite(io.db, { role: command.role, unitId, createdBy: ADMIN_CREATOR, expiresAt });
  io.out(`invite for ${forWhom}; works once, until ${until}: the person sends /join ${code} to the bot`);
  io.out(code);
}
