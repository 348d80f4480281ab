import { ConfigError, loadConfig } from "../config.ts";
import { openDb, sqlitePath } from "../store/client.ts";
import { resolveDataKey, useDataKey } from "../store/keyring.ts";
import { exitOnSchemaVersion, migrate } from "../store/migrate.ts";
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
  try {
    // A fresh clone has no database until `npm start`; the admin sets units up before that.
    await migrate(databaseUrl).catch(exitOnSchemaVersion("error: "));
  } catch (error) {
    return reportError(error, err);
  }
  const db = await openDb(databaseUrl);
  try {
    // Identities are sealed at rest: the commands that reach people need the server's key.
    useDataKey(await resolveDataKey(db, config.dataKey));
    await runCommand(command, { db, out, err, now: new Date(), timeZone: config.timeZone, schedule: config.schedule, org: config.org, inviteTtlDays: config.inviteTtlDays });
    return EXIT.ok;
  } catch (error) {
    return reportError(error, err);
  } finally {
    await db.$disconnect();
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => (process.exitCode = reportError(error, err)),
);
