import { z } from "zod";
import { fold } from "../../src/domain/text.ts";
import { answerText, type Step } from "../../src/engine/flow.ts";
import type { Msg, MsgArg } from "../../src/engine/types.ts";

/** How a report starts for one unit: its first step, data and words. */
export interface UnitStart<D> {
  name: string;
  step: string;
  data: D;
  say?: Msg[];
}

/** A message kept in a saved conversation (a suggestion's source, a unit's opening words). */
export const SavedMsg: z.ZodType<Msg> = z.lazy(() =>
  z.object({ key: z.string().min(1), args: z.record(z.string(), SavedMsgArg).optional() }),
);
const SavedMsgArg: z.ZodType<MsgArg> = z.lazy(() => z.union([z.string(), z.number(), SavedMsg, z.array(SavedMsg)]));

/** The saved shape of a `UnitStart`, its data checked by `data`. */
export function savedUnitStart<D>(data: z.ZodType<D>) {
  return z.object({ name: z.string(), step: z.string().min(1), data, say: z.array(SavedMsg).optional() });
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
