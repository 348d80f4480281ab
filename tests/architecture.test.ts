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
  ["flows/", "flows"],
  ["src/scheduler/", "scheduler"],
  ["src/outbox/", "outbox"],
  ["bots/", "bots"],
  ["src/http/", "http"],
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
  scheduler: ["domain", "store", "outbox"],
  outbox: ["domain", "store"],
  bots: ["engine", "outbox"],
  http: ["bots", "engine"],
  admin: ["domain", "store", "outbox"],
  leaf: ["domain"],
  root: ["domain", "store", "engine", "flows", "scheduler", "outbox", "bots", "http", "admin", "root"],
};

/** Imports against the table that stay, and why. `from → to` as file prefixes. */
const EXCEPTIONS: [from: string, to: string, why: string][] = [
  ["src/engine/", "src/outbox/address.ts", "an effect queues messages for other people (officers' alerts, a tipster's answer) through the outbox's addressing, in the step's transaction"],
  ["src/admin/", "src/scheduler/", "`jobs list` and `jobs run` read the same schedule and run the same jobs as the server"],
  ["src/admin/cli.ts", "src/config.ts", "the admin CLI is a composition root of its own: it reads the environment"],
  ["src/admin/io.ts", "src/scheduler/schedule.ts", "the admin's context carries the schedule (see above)"],
  ["bots/zalo/", "src/store/", "the Zalo OA tokens are the channel's own persistence (encrypted, rotated with a lease)"],
  ["bots/simulator/", "src/store/", "the simulator's transcript is the trial channel's own persistence"],
  ["bots/channel.ts", "src/config.ts", "a channel adapter is opened with the validated configuration and reads its own part of it (types only)"],
  ["bots/channel.ts", "src/store/client.ts", "the adapters' shared context carries the database handle (a type) for the channels that keep their own state (above)"],
  ["bots/telegram/sender.ts", "src/domain/split.ts", "a pure text utility (grapheme-safe splitting), not a rule"],
  ["bots/zalo/sender.ts", "src/domain/split.ts", "a pure text utility (grapheme-safe splitting), not a rule"],
  ["src/http/app.ts", "src/store/", "/healthz probes the database with a real write"],
];

function layerOf(file: string): string | null {
  if (file.startsWith("src/generated/")) return null;
  return LAYERS.find(([prefix]) => file.startsWith(prefix))?.[1] ?? "unknown";
}


const imports = ["src", "flows", "bots"].flatMap(sources).flatMap((file) =>
  [...fs.readFileSync(path.join(root, file), "utf8").matchAll(/\bfrom\s+"(\.{1,2}\/[^"]+)"/g)].map((m) => ({
    from: file,
    to: path.normalize(path.join(path.dirname(file), m[1]!)),
  })),
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
