import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, sources } from "./support/sources.ts";
import { messageIds } from "../src/i18n.ts";

/**
 * Every message key the code names exists in both locale files: a literal key exactly, a key built
 * from a value (`tip-status-${status}`) as the prefix of at least one message. A misspelt key would
 * otherwise reach a person as its own name.
 */
const root = repoRoot;


const files = ["src", "features", "bots"].flatMap(sources);
const used = files.flatMap((file) => {
  const text = fs.readFileSync(path.join(root, file), "utf8");
  const literal = [...text.matchAll(/\bkey:\s*"([a-z][\w-]*)"/g)].map((m) => ({ file, key: m[1]!, prefix: false }));
  const built = [...text.matchAll(/\bkey:\s*`([a-z][\w-]*)\$\{/g)].map((m) => ({ file, key: m[1]!, prefix: true }));
  return [...literal, ...built];
});

describe("locale keys", () => {
  it("finds the keys the code uses (the scan itself works)", () => {
    expect(used.length).toBeGreaterThan(200);
    expect(used.some((u) => u.prefix)).toBe(true);
  });

  for (const lang of ["vi", "en"] as const) {
    it(`names only keys that exist in ${lang}.ftl`, () => {
      const ids = messageIds(lang);
      const missing = used.filter((u) => (u.prefix ? !ids.some((id) => id.startsWith(u.key)) : !ids.includes(u.key)));
      expect(missing.map((m) => `${m.file}: ${m.key}${m.prefix ? "…" : ""}`)).toEqual([]);
    });
  }
});
