import fs from "node:fs";
import path from "node:path";

/** The repository's root, for tests that read its files. */
export const repoRoot = path.resolve(import.meta.dirname, "..", "..");

/** Every `.ts` file below `dir` (relative to the root), the generated Prisma client left out. */
export function sources(dir: string): string[] {
  return fs.readdirSync(path.join(repoRoot, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sources(rel);
    return e.name.endsWith(".ts") ? [rel] : [];
  });
}
