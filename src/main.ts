import { ConfigError, loadConfig } from "./config.ts";
import { demoRefusal, prepareDemo } from "./demo.ts";
import { displayDateTime } from "./domain/time.ts";
import { createLogger } from "./logger.ts";
import { createServer } from "./server.ts";
import { closeDb, openDb } from "./store/client.ts";
import { exitOnSchemaVersion, migrate } from "./store/migrate.ts";
import { checkDataKey, DataKeyError } from "./store/key-check.ts";
import { resolveDataKey } from "./store/keyring.ts";

/** After SIGTERM the process exits by this time at the latest (`server.stop` takes 8 s at most). */
const HARD_EXIT_MS = 9500;

/** `npm start`: validate the environment, migrate, wire everything, serve. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Vùng Xanh cannot start: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  await migrate(config.databaseUrl).catch(exitOnSchemaVersion("Vùng Xanh cannot start: "));
  const db = await openDb(config.databaseUrl);

  // Read-only, and first: resolving the demo key below would store one and mark the database.
  if (config.demo) {
    const refusal = await demoRefusal(db);
    if (refusal) {
      console.error(`Vùng Xanh cannot start: ${refusal}`);
      await closeDb(db);
      process.exit(2);
    }
  }

  // A wrong DATA_KEY would start "healthy" and reach nobody: refuse it before anything is written.
  try {
    await checkDataKey(db, config.dataKey ?? (await resolveDataKey(db, undefined)));
  } catch (error) {
    if (error instanceof DataKeyError) {
      console.error(`Vùng Xanh cannot start: ${error.message}`);
      await closeDb(db);
      process.exit(2);
    }
    throw error;
  }

  if (config.demo) {
    const demo = await prepareDemo(db, { timeZone: config.timeZone, inviteTtlDays: config.inviteTtlDays });
    config.dataKey ??= demo.dataKey;
    const lines = [
      "",
      "==================== VÙNG XANH — DEMO MODE ====================",
      " No channel credentials are set: the product runs as a trial.",
      demo.createdUnits ? " Demo neighbourhoods were created in the empty database." : " Using the neighbourhoods already in the database.",
      ` Web simulator: http://localhost:${config.port}/simulator`,
      " Invite codes (type /join CODE in the simulator):",
      ...demo.invites.map((i) => `   ${i.role.padEnd(8)} ${i.code}${i.unit ? `  (${i.unit}${i.caseCode ? `, case ${i.caseCode}` : ""})` : ""}  until ${displayDateTime(i.expiresAt, config.timeZone)}`),
      "===============================================================",
      "",
    ];
    console.log(lines.join("\n"));
  }

  const server = createServer({ config, db, log });
  const port = await server.listen(config.port);
  await server.start();
  log.info(
    { port, demo: config.demo, telegram: config.telegram?.mode ?? "off", simulator: config.simulator, timeZone: config.timeZone },
    "Vùng Xanh is running",
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "stopping: new webhooks get 503, what is in flight finishes, the rest stays queued");
    // Whatever hangs, the process is gone within 10 s; everything not done is in the database.
    setTimeout(() => {
      log.warn("stopping took too long; exiting with the rest left in the database");
      process.exit(0);
    }, HARD_EXIT_MS).unref();
    await server.stop().catch((e) => log.error({ err: e }, "stop failed"));
    await closeDb(db).catch(() => undefined);
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error) => {
  console.error("Vùng Xanh failed to start:", error);
  process.exit(1);
});
