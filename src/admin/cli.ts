import { ConfigError, loadConfig } from "../config.ts";
import { closeDb, openDb, sqlitePath } from "../store/client.ts";
import { checkDataKey, DataKeyError } from "../store/key-check.ts";
import { resolveDataKey, useDataKey } from "../store/keyring.ts";
import { exitOnSchemaVersion, migrate } from "../store/migrate.ts";
import { isFileCommand, runFileCommand } from "./file-commands.ts";
import { assertNotInUse } from "./sqlite-file.ts";
import { EXIT, parseCommand, reportError, runCommand, USAGE, type AdminCommand } from "./run.ts";

// `npm run admin -- <command>`: the process edge of src/admin/run.ts.

const out = (line: string) => void process.stdout.write(`${line}\n`);
const err = (line: string) => void process.stderr.write(`${line}\n`);

async function main(argv: string[]): Promise<number> {
  // Arguments first: a typo is refused without creating or migrating a database.
  let command: AdminCommand;
  try {
    command = parseCommand(argv);
  } catch (error) {
    return reportError(error, err);
  }
  if (command.kind === "help") {
    out(USAGE);
    return EXIT.ok;
  }
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    err(`error: ${error.message.replace(/:?\s*\n\s*/g, (m) => (m.startsWith(":") ? ": " : "; "))}`);
    return EXIT.usage;
  }
  // Absolute, because migrate runs Prisma from the project root while openDb resolves from here.
  const databaseUrl = `file:${sqlitePath(config.databaseUrl)}`;
  const fileIo = { database: sqlitePath(config.databaseUrl), dataKey: config.dataKey, env: process.env, out, now: new Date() };
  // A backup copies the database as it is, and a restore replaces it: neither migrates it.
  if (command.kind === "backup" || command.kind === "restore") return runFile(() => runFileCommand(command, fileIo));
  try {
    // Rotation needs the database to itself: refused before migrating (which fails on a busy file).
    if (command.kind === "rotate-key") assertNotInUse(fileIo.database, "rotate-key");
    // A fresh clone has no database until `npm start`; the admin sets units up before that.
    await migrate(databaseUrl).catch(exitOnSchemaVersion("error: "));
  } catch (error) {
    return reportError(error, err);
  }
  if (isFileCommand(command)) return runFile(() => runFileCommand(command, fileIo));
  const db = await openDb(databaseUrl);
  try {
    // Identities are sealed at rest: the commands that reach people need the server's key, and
    // a wrong one must be refused before anything is read or written with it.
    const dataKey = await resolveDataKey(db, config.dataKey);
    try {
      await checkDataKey(db, dataKey);
    } catch (error) {
      if (!(error instanceof DataKeyError)) throw error;
      err(`error: ${error.message}`);
      return EXIT.usage;
    }
    useDataKey(dataKey);
    await runCommand(command, { db, out, err, now: new Date(), timeZone: config.timeZone, schedule: config.schedule, org: config.org, inviteTtlDays: config.inviteTtlDays });
    return EXIT.ok;
  } catch (error) {
    return reportError(error, err);
  } finally {
    await closeDb(db);
  }
}

async function runFile(run: () => Promise<void>): Promise<number> {
  try {
    await run();
    return EXIT.ok;
  } catch (error) {
    return reportError(error, err);
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => (process.exitCode = reportError(error, err)),
);
