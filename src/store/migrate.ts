import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Thrown when `prisma migrate deploy` fails; its output says why. */
export class MigrationError extends Error {
  override name = "MigrationError";
}

/**
 * Applies the committed migrations with `prisma migrate deploy` (through scripts/prisma.mjs,
 * which sets up the offline engine paths). Safe to run on every start: applied ones are skipped.
 */
export function migrate(databaseUrl: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "scripts", "prisma.mjs"), "migrate", "deploy"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(output) : reject(new MigrationError(`prisma migrate deploy exited ${code}:\n${output}`)),
    );
  });
}
