#!/usr/bin/env node
// Runs the Prisma CLI with the environment it needs on machines that cannot reach Prisma's
// binary host: JavaScript engines only, placeholder paths for the native ones (which must exist
// but are never loaded), no telemetry. See ../shared/notes/prisma-offline.md.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";
import fs from "node:fs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const placeholder = path.join(root, "prisma", "engine-placeholder");
const env = {
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL ?? "file:./data/vungxanh.db",
  PRISMA_QUERY_ENGINE_LIBRARY: placeholder,
  PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
  CHECKPOINT_DISABLE: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};
// SQLite cannot create the folder of its file; a fresh clone has no ./data yet.
if (env.DATABASE_URL.startsWith("file:")) {
  fs.mkdirSync(path.dirname(path.resolve(root, env.DATABASE_URL.slice("file:".length))), { recursive: true });
}
const cli = path.join(root, "node_modules", "prisma", "build", "index.js");
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { cwd: root, env, stdio: "inherit" });
process.exit(result.status ?? 1);
