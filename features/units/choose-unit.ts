import { z } from "zod";
import { fold } from "../../src/domain/text.ts";
import { matchUnit } from "../../src/domain/units.ts";
import { answerText } from "../../src/engine/flow.ts";
import type { ChoiceMsg, InboundContent, Msg } from "../../src/engine/types.ts";

/**
 * Questions whose answer is a neighbourhood, or "all of them": the buttons to offer and how to read
 * what was tapped or typed. Used by /subscribe and /broadcast.
 */

/** What a flow keeps of a unit between steps. */
export const UnitRef = z.object({ id: z.number().int(), name: z.string() });
export type UnitRef = z.infer<typeof UnitRef>;

/** The value of the "every unit" button. */
export const ALL_UNITS = "all";

const ALL_WORDS = new Set(["all", "tat ca", "tat ca khu pho", "toan bo", "all units", "all neighbourhoods", "every neighbourhood"]);

/** Whether someone typed "all units" in one of the ways people write it. */
export function isAllUnits(text: string): boolean {
  return ALL_WORDS.has(fold(text).replace(/[.!]+$/, ""));
}

const unitValue = (id: number) => `unit:${id}`;

/**
 * A button per unit, then the "every unit" button. All of them: a channel that shows fewer
 * buttons offers the rest as words to type.
 */
export function unitChoices(units: UnitRef[], allLabel: Msg): ChoiceMsg[] {
  const perUnit = units.map((u) => ({ label: { key: "unit-button", args: { unit: u.name } }, value: unitValue(u.id) }));
  return [...perUnit, { label: allLabel, value: ALL_UNITS }];
}

/** Finds a unit by its name as typed, in the list the flow loaded at its start. */
export function findUnit(units: UnitRef[], typed: string): UnitRef | null {
  return matchUnit(units, typed);
}

/** What a unit question's answer was: one unit, every unit, or why it could not be read. */
export type UnitAnswer =
  | { ok: true; unit: UnitRef | null }
  | { ok: false; reason: "unknown"; typed: string }
  | { ok: false; reason: "not-text" };

/** Reads a tap on a unit's button or on "all", or a unit's name typed, or "tất cả" typed. */
export function unitAnswer(input: InboundContent, units: UnitRef[]): UnitAnswer {
  if (input.kind === "choice") {
    if (input.value === ALL_UNITS) return { ok: true, unit: null };
    const tapped = units.find((u) => unitValue(u.id) === input.value);
    if (tapped) return { ok: true, unit: tapped };
    // A button of another question, or of a unit that no longer exists.
    return { ok: false, reason: "not-text" };
  }
  const text = answerText(input);
  if (text === undefined || !text.trim()) return { ok: false, reason: "not-text" };
  if (isAllUnits(text)) return { ok: true, unit: null };
  const unit = findUnit(units, text);
  return unit ? { ok: true, unit } : { ok: false, reason: "unknown", typed: text.trim().slice(0, 80) };
}

/** "No unit named X; the units: A, B" for an answer that named none. */
export function unknownUnitMsg(typed: string, units: UnitRef[]): Msg {
  return { key: "unit-unknown", args: { unit: typed, units: units.map((u) => u.name).join(", ") } };
}
