import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { registry } from "../../features/index.ts";
import { runAdmin, type AdminIo } from "../../src/admin/run.ts";
import { loadSchedule } from "../../src/scheduler/schedule.ts";
import type { Db } from "../../src/store/client.ts";

/** What a command run left for the operator to see. */
export interface AdminResult {
  code: number;
  /** standard output exactly as a terminal would receive it */
  stdout: string;
  stderr: string;
  /** the lines of standard output */
  lines: string[];
}

export const NOW = new Date("2025-02-03T02:00:00Z");

/** Runs admin command lines in-process against `db`, as `npm run admin -- …` would. */
export function adminOn(db: Db, extra: Partial<AdminIo> = {}) {
  return async (...argv: string[]): Promise<AdminResult> => {
    let stdout = "";
    let stderr = "";
    const code = await runAdmin(argv, {
      db,
      out: (line) => (stdout += `${line}\n`),
      err: (line) => (stderr += `${line}\n`),
      now: NOW,
      // The CLI passes config.schedule: the features' jobs at their default times.
      schedule: loadSchedule({}, registry.jobs),
      ...extra,
    });
    return { code, stdout, stderr, lines: stdout.split("\n").slice(0, -1) };
  };
}

/** The two units most admin tests start from. */
export async function addTwoUnits(admin: ReturnType<typeof adminOn>) {
  await admin("units", "add", "Khu phố Nguyễn Trãi", "--households", "150", "--class", "priority");
  await admin("units", "add", "Thôn Chí Linh");
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * Runs the real entry point as `npm run admin` does, with only the given environment (a channel
 * token in the developer's shell would otherwise change the config).
 */
export function runCli(env: Record<string, string>, ...argv: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/admin/cli.ts", ...argv], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: os.tmpdir(), ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
