import { fold } from "../../src/domain/text.ts";
import { answerText, type Step } from "../../src/engine/flow.ts";
import type { Msg } from "../../src/engine/types.ts";

/** How a report starts for one unit: its first step, data and words. */
export interface UnitStart<D> {
  name: string;
  step: string;
  data: D;
  say?: Msg[];
}

/**
 * The question "which unit?" for a person who reports for several (a head of two units, or a
 * deputy as well): one button per unit; a unit's name typed (with or without diacritics) works too.
 */
export function pickUnitStep<D extends { pickUnits?: UnitStart<D>[] }>(): Step<D> {
  return {
    ask: (d) => ({
      say: [{ key: "report-pick-unit" }],
      choices: (d.pickUnits ?? []).map((u, i) => ({ label: { key: "unit-button", args: { unit: u.name } }, value: `unit:${i}` })),
    }),
    reply(input, d) {
      const units = d.pickUnits ?? [];
      const text = answerText(input)?.trim() ?? "";
      const byButton = /^unit:(\d+)$/.exec(text);
      const picked = byButton ? units[Number(byButton[1])] : units.find((u) => fold(u.name) === fold(text) || fold(u.name).endsWith(` ${fold(text)}`));
      if (!picked) return { kind: "invalid", say: [{ key: "report-pick-unit-invalid", args: { units: units.map((u) => u.name).join(", ") } }] };
      return { kind: "next", step: picked.step, data: picked.data, ...(picked.say ? { say: picked.say } : {}) };
    },
  };
}
