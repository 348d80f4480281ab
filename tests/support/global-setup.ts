import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrate } from "../../src/store/migrate.ts";

/**
 * Migrates one template database with the real `prisma migrate deploy`; each test copies it into
 * a temporary file of its own (tests/support/db.ts), which is much faster than migrating each.
 */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vungxanh-template-"));
  const file = path.join(dir, "template.db");
  await migrate(`file:${file}`);
  project.provide("templateDb", file);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDb: string;
  }
}
