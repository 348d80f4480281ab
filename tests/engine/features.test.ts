import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { features, registry } from "../../features/index.ts";
import { buildRegistry, defineFeature } from "../../src/engine/feature.ts";
import { repoRoot, sources } from "../support/sources.ts";

/**
 * One feature, one place: the engine interprets what the features declare and names none of
 * them, so adding a feature never edits `src/engine/`.
 */
describe("the features as the engine reads them", () => {
  const engine = sources("src").filter((f) => f.startsWith("src/engine/")).map((f) => ({ f, text: fs.readFileSync(path.join(repoRoot, f), "utf8") }));

  it("leaves every command name, flow name and effect type out of the engine's code", () => {
    const names = [...registry.commandByName.keys(), ...registry.flows.keys(), ...registry.handlers.keys()];
    expect(names.length).toBeGreaterThan(60);
    const found = engine.flatMap(({ f, text }) => names.filter((n) => text.includes(`"${n}"`)).map((n) => `${f}: "${n}"`));
    expect(found).toEqual([]);
  });

  it("gives every command a flow that the registry knows, and every feature a name of its own", () => {
    for (const c of registry.commands) expect(registry.flows.get(c.flow.name)).toBe(c.flow);
    expect(new Set(features.map((f) => f.name)).size).toBe(features.length);
  });

  it("refuses two features claiming the same command, flow or effect", () => {
    const [first] = features;
    const copy = defineFeature({ ...first!, name: "copy" });
    expect(() => buildRegistry([first!, copy])).toThrow(/is taken/);
    const effectsOnly = defineFeature({ name: "effects-again", effects: first!.effects });
    expect(() => buildRegistry([first!, effectsOnly])).toThrow(/effect .* is taken/);
  });
});

describe("the words every declared command needs", () => {
  it("has a menu description and, where it is in /help, a help line in both languages", async () => {
    const { messageIds } = await import("../../src/i18n.ts");
    const missing: string[] = [];
    for (const lang of ["vi", "en"] as const) {
      // Each file on its own: rendering falls back to Vietnamese, which would hide a missing English line.
      const ids = new Set(messageIds(lang));
      for (const c of registry.commands.filter((c) => c.names.length > 0)) {
        const keys = [`menu-${c.names[0]}`, ...(c.help ? [`help-line-${c.names[0]}`] : [])];
        for (const key of keys) if (!ids.has(key)) missing.push(`${lang}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
