import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, sources } from "./support/sources.ts";

/**
 * The layer table of ARCHITECTURE.md, enforced: every import between our own files must follow an
 * arrow of the table, or be one of the exceptions below, each with its reason. A new import
 * against the table fails here until it is removed or written down.
 */
const root = repoRoot;

const LAYERS: [prefix: string, layer: string][] = [
  ["src/domain/", "domain"],
  ["src/store/", "store"],
  ["src/engine/", "engine"],
  // A feature's flows, steps and words are pure; its effects, queries and declaration touch the store.
  ["features/", "features"],
  ["src/scheduler/", "scheduler"],
  ["src/outbox/", "outbox"],
  ["bots/", "bots"],
  ["src/http/", "http"],
  ["src/console/", "console"],
  ["src/admin/", "admin"],
  // The composition roots wire everything.
  ["src/config.ts", "root"],
  ["src/main.ts", "root"],
  ["src/server.ts", "root"],
  ["src/demo.ts", "root"],
  // Leaves every layer may use: rendering locale messages, and the logger.
  ["src/i18n.ts", "leaf"],
  ["src/logger.ts", "leaf"],
];

/** What each layer may import (ARCHITECTURE.md, "Layout"); the domain core and the leaves are for all. */
const ALLOWED: Record<string, string[]> = {
  domain: [],
  store: ["domain"],
  engine: ["domain", "store"],
  flows: ["domain", "engine"],
  features: ["domain", "store", "engine", "outbox", "flows"],
  scheduler: ["domain", "store", "outbox"],
  outbox: ["domain", "store"],
  bots: ["engine", "outbox"],
  http: ["bots", "engine", "console"],
  // The officers' console reads through the same store and rules as chat; documents come from admin/export.
  console: ["domain", "store", "engine", "outbox", "admin"],
  admin: ["domain", "store", "outbox"],
  leaf: ["domain"],
  root: ["domain", "store", "engine", "features", "flows", "scheduler", "outbox", "bots", "http", "console", "admin", "root"],
};

/** Imports against the table that stay, and why. `from → to` as file prefixes. */
const EXCEPTIONS: [from: string, to: string, why: string][] = [
  ["src/admin/", "src/scheduler/", "`jobs list` and `jobs run` read the same schedule and run the same jobs as the server"],
  ["src/admin/cli.ts", "src/config.ts", "the admin CLI is a composition root of its own: it reads the environment"],
  ["bots/zalo/", "src/store/", "the Zalo OA tokens are the channel's own persistence (encrypted, rotated with a lease)"],
  ["bots/simulator/", "src/store/", "the simulator's transcript is the trial channel's own persistence"],
  ["bots/telegram/sender.ts", "src/domain/split.ts", "a pure text utility (grapheme-safe splitting), not a rule"],
  ["bots/zalo/sender.ts", "src/domain/split.ts", "a pure text utility (grapheme-safe splitting), not a rule"],
  ["src/console/", "src/scheduler/schedule.ts", "the console's overview reads the report deadline from the same schedule the reminder jobs run on"],
];

/** The files of a feature that apply, read or declare (the rest of a feature is its pure flows). */
const WIRING = new Set(["effects.ts", "queries.ts", "index.ts", "effect-kit.ts", "jobs.ts"]);

function layerOf(file: string): string | null {
  if (file.startsWith("src/generated/")) return null;
  const layer = LAYERS.find(([prefix]) => file.startsWith(prefix))?.[1] ?? "unknown";
  if (layer === "features" && !WIRING.has(path.basename(file))) return "flows";
  return layer;
}


const imports = ["src", "features", "bots"].flatMap(sources).flatMap((file) =>
  // A type-only import is no dependency at run time: a flow may name the type of what its feature's
  // queries return.
  [...fs.readFileSync(path.join(root, file), "utf8").matchAll(/^(?:import|export)\s+(type\s+)?(?:[^;"]*?\sfrom\s+)?"(\.{1,2}\/[^"]+)"/gm)].flatMap((m) => m[1] ? [] : [{
    from: file,
    to: path.normalize(path.join(path.dirname(file), m[2]!)),
  }]),
);

describe("the layer table of ARCHITECTURE.md", () => {
  it("reads the imports (the scan itself works)", () => {
    expect(imports.length).toBeGreaterThan(300);
  });

  it("has every import between layers follow an arrow, or a written exception", () => {
    const against = imports.filter(({ from, to }) => {
      const a = layerOf(from);
      const b = layerOf(to);
      if (a === null || b === null || a === b || b === "leaf" || b === "domain" && a !== "bots") return false;
      if (ALLOWED[a]?.includes(b)) return false;
      return !EXCEPTIONS.some(([f, t]) => from.startsWith(f) && to.startsWith(t));
    });
    expect(against.map(({ from, to }) => `${from} → ${to}`)).toEqual([]);
  });

  it("places every file in a layer", () => {
    expect(imports.filter(({ from }) => layerOf(from) === "unknown").map(({ from }) => from)).toEqual([]);
  });

  it("keeps no exception that is no longer used", () => {
    const unused = EXCEPTIONS.filter(([f, t]) => !imports.some(({ from, to }) => from.startsWith(f) && to.startsWith(t)));
    expect(unused.map(([f, t]) => `${f} → ${t}`)).toEqual([]);
  });
});
