import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
let dir: string | undefined;
afterEach(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the real entry point as `npm run admin` does, in a clean environment. */
function cli(databaseUrl: string, ...argv: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/admin/cli.ts", ...argv], {
      cwd: root,
      // Only what the CLI needs: a channel token in the developer's shell would change the config.
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: os.tmpdir(), DATABASE_URL: databaseUrl },
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

it("migrates a database that does not exist yet on first use, and exits 2 on a bad argument", async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "vungxanh-cli-"));
  const file = path.join(dir, "data", "vungxanh.db");
  const url = `file:${file}`;

  const refused = await cli(url, "units", "add", "Khu phố Nguyễn Trãi", "--class", "unknown");
  expect(refused).toEqual({ code: 2, stdout: "", stderr: 'error: --class: expected one of priority, has_cases, clean (got "unknown")\n' });
  expect(fs.existsSync(file)).toBe(false); // refused before any database was made

  const added = await cli(url, "units", "add", "Khu phố Nguyễn Trãi", "--households", "150", "--class", "priority");
  expect(added).toEqual({ code: 0, stdout: "added unit 1: Khu phố Nguyễn Trãi (150 households, priority)\n", stderr: "" });
  expect(fs.existsSync(file)).toBe(true);

  const invited = await cli(url, "invite", "head", "--unit", "khu pho nguyen trai");
  expect(invited.code).toBe(0);
  expect(invited.stderr).toBe("");
  expect(invited.stdout.trimEnd().split("\n").at(-1)).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);

  const duplicate = await cli(url, "units", "add", "KHU PHO NGUYEN TRAI");
  expect(duplicate).toEqual({ code: 2, stdout: "", stderr: 'error: a unit named "Khu phố Nguyễn Trãi" already exists\n' });
}, 120_000); // four processes, three of them running prisma migrate deploy
