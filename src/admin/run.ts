import { fail, UsageError } from "./args.ts";
import { parseBackupCommand } from "./backup.ts";
import { parseBroadcastCommand, runBroadcastCommand, type BroadcastCommand } from "./broadcast.ts";
import { parseCasesCommand, runCasesCommand, type CasesCommand } from "./cases.ts";
import { defaultXlsxFile, parseExportCommand, runExportCommand, type ExportCommand } from "./export.ts";
import { parseInviteCommand, runInviteCommand, type InviteCommand } from "./invite.ts";
import type { FileCommand } from "./file-commands.ts";
import type { AdminIo } from "./io.ts";
import { parseJobsCommand, runJobsCommand, type JobsCommand } from "./jobs.ts";
import { parseUnlockCommand, runUnlockCommand, type UnlockCommand } from "./lock.ts";
import { parseRestoreCommand } from "./restore.ts";
import { parseReviewCommand, runReviewCommand, type ReviewCommand } from "./review.ts";
import { parseRotateKeyCommand } from "./rotate-key.ts";
import { parseRolesCommand, runRolesCommand, type RolesCommand } from "./roles.ts";
import { parseUnitsCommand, runUnitsCommand, type UnitsCommand } from "./units.ts";

export type { AdminIo } from "./io.ts";

/** Exit codes: the operator's mistake is told apart from ours, so scripts can react to either. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** What `--help` prints. */
export const USAGE = `Vùng Xanh administration: npm run admin -- <command>

  units add <name> [--households N] [--class priority|has_cases|clean]
      add a neighbourhood; the name may be quoted or several words
      (defaults: --households 0, --class clean)
  units list [--json]
      the neighbourhoods, retired ones too, as a table or as a JSON array of
      {id, name, households, classification} (and retiredPeriod for a retired one)
  units edit <name> [--name <new>] [--households N] [--class priority|has_cases|clean]
      renames a unit, sets its households, or reclassifies it from this month on
      (the class change is kept with its month; --class also takes "trọng điểm", "đã có người nghiện", "chưa có")
  units retire <name>
      retires a unit from this month on: kept with its reports, left out of prompts,
      summaries and exports of this month and later
  units import FILE
      the committee's list as .csv or .xlsx: a header (name/Tên, households/Số hộ, class/Phân loại),
      one row per unit; new names are added, known names updated; all or nothing: every bad row
      is printed with its line and nothing is written
  invite <head|mentor|officer> [--unit <name>]
      a one-time invite code, printed alone on the last line; head needs --unit
      (the name as typed: any case, with or without diacritics)
  invite mentor --case <code>
      an invite whose taker becomes a mentor of that rehab case (its unit is the case's);
      make one per mentor, and one per case for a mentor of several
  cases add <code> --unit <name> [--name <full name>] [--start YYYY-MM-DD] [--end YYYY-MM-DD]
      opens a rehab support case (default --start: today); the name is stored encrypted
      with DATA_KEY and shown only to officers
  cases list [--unit <name>] [--json] [--names]
      the cases: code, unit, status, dates, mentors, last check-in; names only with --names
  cases status <code> <active|completed|relapsed|compulsory>
      changes a case's status (the change is kept)
  export --month YYYY-MM [--format csv|xlsx] [--out FILE]
      the consolidated monthly table of every unit
      csv (default): to standard output, or to FILE
      xlsx: to FILE, or to ${defaultXlsxFile("YYYY-MM")} in the current directory
  review [--from YYYY-MM] [--to YYYY-MM] [--months N] [--out FILE] [--narrative FILE.json]
      the review report (báo cáo sơ kết / tổng kết) of a range of months as a .docx
      (Nghị định 30/2020/NĐ-CP): default the last 6 full months; --months 12 for a year;
      --narrative: JSON {"shortcomings", "directions", "proposals"} for sections II–IV
      (left as dotted lines to fill in by hand when absent); --out default
      vungxanh-bao-cao-<from>-<to>.docx in the current directory
  jobs list
      each scheduled job: its schedule (SCHEDULE_<JOB>), its next run and its last recorded run
  jobs run <job> [--at ISO-TIME]
      runs one job now, as if at that time (e.g. 2026-11-20T08:00:00+07:00; default: now);
      jobs: report-prompt, report-reminder, report-escalation,
            checkin-prompt, checkin-reminder, checkin-escalation
      its messages go through the outbox: running it twice sends nothing twice
  roles list [--unit <name>]
      every role held (of one unit): person number, role, unit, channel kinds (never a chat id);
      roles add up, so one person may be on several lines
  roles remove <personId> <head|mentor|officer> [--unit <name>]
      takes one role from a person (head needs --unit); their other roles stay
  unlock YYYY-MM --reason <text>
      reopens a locked month so heads can correct its reports; the reason is kept
  broadcast --to heads|mentors|residents [--unit <name>] <text>
      an announcement to the heads, the mentors or the subscribed residents (of one unit, or all),
      through the outbox; the running server sends it within a second
  backup FILE
      a consistent copy of the database in one file (write-ahead log included), safe while the
      server runs; it opens only with the DATA_KEY in use now
  restore FILE
      puts a backup in place of the database (refused while the server runs: stop it first);
      the replaced database is kept as <database>.before-restore-<time>
  rotate-key [--batch N]
      re-seals everything under NEW_DATA_KEY (the current key stays in DATA_KEY); stop the server
      first; safe to run again after a crash; then start with the new key as DATA_KEY

The database is DATABASE_URL (default file:./data/vungxanh.db), migrated before each command
(but backup and restore). A DATA_KEY that is not the database's key is refused (exit 2).
Exit status: 0 done; 2 bad argument or environment (one "error: " line, nothing written);
1 unexpected failure.`;

/** A command line, parsed and checked: every argument error is found before the database is touched. */
export type AdminCommand =
  | { kind: "help" }
  | UnitsCommand
  | InviteCommand
  | ExportCommand
  | ReviewCommand
  | JobsCommand
  | BroadcastCommand
  | CasesCommand
  | UnlockCommand
  | RolesCommand
  | FileCommand;

const COMMANDS = "units, invite, cases, roles, export, review, jobs, broadcast, unlock, backup, restore, rotate-key";

/** Reads a command line (without `node` and the script); throws a UsageError when it is wrong. */
export function parseCommand(argv: string[]): AdminCommand {
  // Before a lone "--", --help or -h anywhere asks for help, whatever else is wrong.
  const flags = argv.includes("--") ? argv.slice(0, argv.indexOf("--")) : argv;
  if (flags.includes("--help") || flags.includes("-h")) return { kind: "help" };
  const [command, ...rest] = argv;
  switch (command) {
    case "help":
      return { kind: "help" };
    case "units":
      return parseUnitsCommand(rest);
    case "invite":
      return parseInviteCommand(rest);
    case "export":
      return parseExportCommand(rest);
    case "review":
      return parseReviewCommand(rest);
    case "jobs":
      return parseJobsCommand(rest);
    case "broadcast":
      return parseBroadcastCommand(rest);
    case "cases":
      return parseCasesCommand(rest);
    case "unlock":
      return parseUnlockCommand(rest);
    case "backup":
      return parseBackupCommand(rest);
    case "restore":
      return parseRestoreCommand(rest);
    case "rotate-key":
      return parseRotateKeyCommand(rest);
    case "roles":
      return parseRolesCommand(rest);
    case undefined:
      return fail(`no command given (${COMMANDS}; see --help)`);
    default:
      return fail(`unknown command "${command}" (${COMMANDS}; see --help)`);
  }
}

/** Runs a parsed command. Throws a UsageError for arguments only the database can refuse. */
export async function runCommand(command: AdminCommand, io: AdminIo): Promise<void> {
  switch (command.kind) {
    case "help":
      for (const line of USAGE.split("\n")) io.out(line);
      return;
    case "units-add":
    case "units-list":
    case "units-edit":
    case "units-retire":
    case "units-import":
      return runUnitsCommand(command, io);
    case "unlock":
      return runUnlockCommand(command, io);
    case "roles-list":
    case "roles-remove":
      return runRolesCommand(command, io);
    case "invite":
      return runInviteCommand(command, io);
    case "export":
      return runExportCommand(command, io);
    case "review":
      return runReviewCommand(command, io);
    case "jobs-list":
    case "jobs-run":
      return runJobsCommand(command, io);
    case "broadcast":
      return runBroadcastCommand(command, io);
    case "cases-add":
    case "cases-list":
    case "cases-status":
      return runCasesCommand(command, io);
    case "backup":
    case "restore":
    case "rotate-key":
      // They work on the database file, not through a store connection: src/admin/cli.ts runs them.
      return fail(`${command.kind} runs only from the command line (npm run admin -- ${command.kind})`);
  }
}

/**
 * Reports an error the way the contract asks and returns the exit code: a bad argument is one
 * `error: ` line and 2; anything else is ours, so its stack follows for whoever debugs it, and 1.
 */
export function reportError(error: unknown, err: (line: string) => void): number {
  if (error instanceof UsageError) {
    err(`error: ${error.message.replace(/\s*\n\s*/g, "; ")}`);
    return EXIT.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  err(`error: unexpected failure: ${message.split("\n")[0]}`);
  if (error instanceof Error && error.stack) err(error.stack);
  return EXIT.failure;
}

/**
 * Parses and runs one admin command line against `io.db`; returns the exit code. Never throws:
 * the code and the `error: ` line on `io.err` are the whole outcome.
 */
export async function runAdmin(argv: string[], io: AdminIo): Promise<number> {
  try {
    await runCommand(parseCommand(argv), io);
    return EXIT.ok;
  } catch (error) {
    return reportError(error, io.err);
  }
}
