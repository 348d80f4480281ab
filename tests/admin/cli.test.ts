import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { runCli } from "./harness.ts";

let dir: string | undefined;
afterEach(() => dir && fs.rmSync(dir, { recursive: true, force: true }));


it("migrates a database that does not exist yet on first use, and exits 2 on a bad argument", async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "vungxanh-cli-"));
  const file = path.join(dir, "data", "vungxanh.db");
  const url = `file:${file}`;

  const refused = await runCli({ DATABASE_URL: url }, "units", "add", "Khu phố Nguyễn Trãi", "--class", "unknown");
  expect(refused).toEqual({ code: 2, stdout: "", stderr: 'error: --class: expected one of priority, has_cases, clean (got "unknown")\n' });
  expect(fs.existsSync(file)).toBe(false); // refused before any database was made

  const added = await runCli({ DATABASE_URL: url }, "units", "add", "Khu phố Nguyễn Trãi", "--households", "150", "--class", "priority");
  expect(added).toEqual({ code: 0, stdout: "added unit 1: Khu phố Nguyễn Trãi (150 households, priority)\n", stderr: "" });
  expect(fs.existsSync(file)).toBe(true);

  const invited = await runCli({ DATABASE_URL: url }, "invite", "head", "--unit", "khu pho nguyen trai");
  expect(invited.code).toBe(0);
  expect(invited.stderr).toBe("");
  expect(invited.stdout.trimEnd().split("\n").at(-1)).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);

  const duplicate = await runCli({ DATABASE_URL: url }, "units", "add", "KHU PHO NGUYEN TRAI");
  expect(duplicate).toEqual({ code: 2, stdout: "", stderr: 'error: a unit named "Khu phố Nguyễn Trãi" already exists\n' });
}, 120_000); // four processes, three of them running prisma migrate deploy
