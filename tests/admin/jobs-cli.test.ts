import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { runCli } from "./harness.ts";

let dir: string | undefined;
afterEach(() => dir && fs.rmSync(dir, { recursive: true, force: true }));


it("lists the jobs on the schedule and time zone of the environment, and refuses a bad time before touching the database", async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "vungxanh-jobs-cli-"));
  const file = path.join(dir, "vungxanh.db");
  const env = { DATABASE_URL: `file:${file}`, APP_TIMEZONE: "Asia/Bangkok", SCHEDULE_REPORT_PROMPT: "15 09:30" };

  const refused = await runCli(env, "jobs", "run", "report-prompt", "--at", "20/11/2026 08:00");
  expect(refused.code).toBe(2);
  expect(refused.stderr).toMatch(/^error: --at: expected an ISO 8601 time with its offset/);
  expect(fs.existsSync(file)).toBe(false);

  const listed = await runCli(env, "jobs", "list");
  expect(listed.stderr).toBe("");
  expect(listed.code).toBe(0);
  const lines = listed.stdout.trimEnd().split("\n");
  expect(lines).toHaveLength(6);
  expect(lines[0]).toMatch(/^report-prompt\s+15 09:30\s+next \d{4}-\d{2}-15 09:30 \(Asia\/Bangkok\)\s+last never$/);
}, 120_000);
