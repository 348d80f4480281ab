import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, sources } from "./support/sources.ts";

/**
 * Prisma is spoken only in `src/store/` (ARCHITECTURE.md, "Layout"): everywhere else a question
 * or a change of stored data is a named store function. Other layers may hold a `Db`/`Tx` handle
 * and pass it on, but never call a model (`tx.person.findUnique`) or a client method
 * (`db.$transaction`, `db.$queryRaw`, `db.$disconnect`) on it.
 */

/** The client's model properties, from the schema: `model RehabCase` is `tx.rehabCase`. */
const MODELS = [...fs.readFileSync(path.join(repoRoot, "prisma/schema.prisma"), "utf8").matchAll(/^model\s+(\w+)/gm)].map(
  (m) => m[1]![0]!.toLowerCase() + m[1]!.slice(1),
);

/** What a model delegate answers to (Prisma 6). */
const DELEGATE_METHODS = [
  "findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany",
  "create", "createMany", "createManyAndReturn", "update", "updateMany", "updateManyAndReturn",
  "upsert", "delete", "deleteMany", "count", "aggregate", "groupBy",
];

const MODEL_CALL = new RegExp(`\\.\\s*(${MODELS.join("|")})\\s*\\.\\s*(${DELEGATE_METHODS.join("|")})\\s*\\(`, "g");
/** `$transaction`, `$queryRaw`, `$executeRawUnsafe`, `$disconnect`…: only the client has methods named so. */
const CLIENT_CALL = /\.\s*(\$[A-Za-z]+)\b/g;

/** Every direct use of Prisma in `text`, as `file:line: what`. */
function prismaCalls(file: string, text: string): string[] {
  const lineOf = (index: number) => text.slice(0, index).split("\n").length;
  const found = [
    ...[...text.matchAll(MODEL_CALL)].map((m) => ({ at: m.index, what: `${m[1]}.${m[2]}(…)` })),
    ...[...text.matchAll(CLIENT_CALL)].map((m) => ({ at: m.index, what: `${m[1]}(…)` })),
  ];
  return found.sort((a, b) => a.at - b.at).map(({ at, what }) => `${file}:${lineOf(at)}: ${what} — move it into a named function of src/store/`);
}

/** Every source file outside the store (the generated client is left out by `sources`). */
const outside = ["src", "features", "bots"].flatMap(sources).filter((file) => !file.startsWith(`src${path.sep}store${path.sep}`));

describe("no direct Prisma outside src/store/", () => {
  it("reads the schema's models and the sources (the scan itself works)", () => {
    expect(MODELS).toEqual(expect.arrayContaining(["person", "unit", "rehabCase", "jobRun", "inboundUpdate"]));
    expect(outside.length).toBeGreaterThan(100);
    expect(outside.some((f) => f.includes(`${path.sep}generated${path.sep}`))).toBe(false);
  });

  it("finds a model call and a client call, across lines, and names the file and line", () => {
    const sample = [
      "const a = await tx.person.findUnique({ where: { id } });",
      "const n = await io.db.rehabCase",
      "  .count();",
      "await db.$transaction(async (tx) => f(tx));",
      "const ok = values.unit.trim() + `${x}`;",
    ].join("\n");
    expect(prismaCalls("x.ts", sample).map((s) => s.split(" — ")[0])).toEqual([
      "x.ts:1: person.findUnique(…)",
      "x.ts:2: rehabCase.count(…)",
      "x.ts:4: $transaction(…)",
    ]);
  });

  it("has no model call and no client method call outside the store", () => {
    const calls = outside.flatMap((file) => prismaCalls(file, fs.readFileSync(path.join(repoRoot, file), "utf8")));
    expect(calls).toEqual([]);
  });
});
