import { z } from "zod";
import { Period } from "../domain/period.ts";
import { lockHistory, unlockPeriod } from "../store/reports.ts";
import { fail, noPositionals, parseFlags, validate } from "./args.ts";
import type { AdminIo } from "./io.ts";

/** `unlock YYYY-MM --reason <text>`, parsed and checked. */
export interface UnlockCommand {
  kind: "unlock";
  period: Period;
  reason: string;
}

const UnlockArgs = z.object({
  period: Period,
  reason: z.string().trim().min(1, "the reason is empty").max(500, "the reason is longer than 500 characters"),
});

/** Reads the words after `unlock`; throws a UsageError for anything it cannot run. */
export function parseUnlockCommand(args: string[]): UnlockCommand {
  const { values, positionals } = parseFlags("unlock", args, { reason: { type: "string" } });
  const [period, ...extra] = positionals;
  if (period === undefined) fail(`"unlock" needs the month: unlock YYYY-MM --reason <text>`);
  noPositionals("unlock", extra);
  if (values.reason === undefined) fail(`"unlock" needs --reason <text>: why the month is reopened is kept in its history`);
  const parsed = validate(UnlockArgs, { period, reason: values.reason }, { period: "<month>", reason: "--reason" });
  return { kind: "unlock", period: parsed.period, reason: parsed.reason };
}

/** Reopens a locked month; the event (by "admin", with the reason) joins the month's history. */
export async function runUnlockCommand(command: UnlockCommand, io: AdminIo): Promise<void> {
  const unlocked = await unlockPeriod(io.db, command.period, { personId: null, by: "admin", reason: command.reason, now: io.now });
  if (!unlocked) fail(`${command.period} is not locked; its reports can be corrected already`);
  const events = await lockHistory(io.db, command.period);
  io.out(`unlocked ${command.period}: heads can correct its reports again (${events.length} lock and unlock events kept)`);
}
