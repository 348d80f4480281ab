import { runAdmin, type AdminIo } from "../../src/admin/run.ts";
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
      ...extra,
    });
    return { code, stdout, stderr, lines: stdout.split("\n").slice(0, -1) };
  };
}
