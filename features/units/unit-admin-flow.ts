import { z } from "zod";
import { isOfficer } from "../../src/domain/access.ts";
import { displayPeriod, periodOf } from "../../src/domain/period.ts";
import { fold } from "../../src/domain/text.ts";
import { Classification, Households, readClassification, UnitName, type ClassChange, type UnitInfo } from "../../src/domain/units.ts";
import { answerText, type Flow, type Step } from "../../src/engine/flow.ts";
import { classMsg } from "../../src/domain/words.ts";
import { countAnswer, textAnswer, yesNoAnswer, yesNoChoices } from "../../src/engine/steps.ts";
import type { ChoiceMsg, Msg } from "../../src/engine/types.ts";

/**
 * `/units <neighbourhood>` (`/donvi`): an officer reads a unit and renames it, sets its household
 * count, reclassifies it (from this month on, kept in its class history) or retires it.
 */

type Action = "rename" | "households" | "class" | "retire";

/** The unit an officer is changing, as read at the start. */
export const UnitAdminData = z.object({
  unit: z.object({ id: z.number().int(), name: z.string(), households: z.number().int().min(0), classification: Classification }),
  /** this month, read at the start: a new class or a retirement takes effect from it */
  period: z.string().regex(/^\d{4}-\d{2}$/),
});
export type UnitAdminData = z.infer<typeof UnitAdminData>;

const ACTIONS: Action[] = ["rename", "households", "class", "retire"];

// The buttons' texts typed, in either language, and the short forms officers use.
const ACTION_WORDS: Record<string, Action> = {
  rename: "rename", "doi ten": "rename", ten: "rename", name: "rename",
  households: "households", "so ho": "households", ho: "households",
  class: "class", "phan loai": "class", "doi phan loai": "class", "reclassify": "class",
  retire: "retire", "ngung theo doi": "retire", "giai the": "retire", "sap nhap": "retire",
};

const actionChoices: ChoiceMsg[] = ACTIONS.map((a) => ({ label: { key: `btn-unit-${a}` }, value: a }));
const classChoices: ChoiceMsg[] = Classification.options.map((c) => ({ label: classMsg(c), value: c }));

/** A unit's card: name, households, class, and the class changes (latest first, a few). */
export function unitCard(unit: UnitInfo, changes: ClassChange[]): Msg[] {
  const say: Msg[] = [{ key: "unit-card", args: { unit: unit.name, households: unit.households, class: classMsg(unit.classification) } }];
  if (changes.length > 0) {
    const lines: Msg[] = [{ key: "unit-class-history" }];
    for (const c of changes.slice(-5).reverse()) {
      lines.push({ key: "unit-class-history-line", args: { period: displayPeriod(c.period), from: classMsg(c.fromClass), to: classMsg(c.toClass) } });
    }
    say.push({ key: "lines", args: { lines } });
  }
  if (unit.retiredPeriod !== undefined) say.push({ key: "unit-card-retired", args: { period: displayPeriod(unit.retiredPeriod) } });
  return say;
}

const actionStep: Step<UnitAdminData> = {
  ask: (d) => ({ say: [{ key: "unit-ask-action", args: { unit: d.unit.name } }], choices: actionChoices }),
  reply(input, d) {
    const text = answerText(input);
    const action = text === undefined ? undefined : ACTION_WORDS[fold(text).replace(/[.!]+$/, "")];
    if (!action) return { kind: "invalid", say: [{ key: "unit-action-expected" }] };
    return { kind: "next", step: action, data: d };
  },
};

const renameStep: Step<UnitAdminData> = {
  ask: (d) => ({ say: [{ key: "unit-ask-name", args: { unit: d.unit.name } }] }),
  reply(input, d) {
    const answer = textAnswer(input, { max: 80, optional: false });
    if (!answer.ok) return { kind: "invalid", say: [answer.error] };
    const name = UnitName.safeParse(answer.value!.normalize("NFC").replace(/\s+/g, " "));
    if (!name.success) return { kind: "invalid", say: [{ key: "unit-name-expected" }] };
    if (name.data === d.unit.name) return { kind: "invalid", say: [{ key: "unit-name-same" }] };
    return { kind: "done", effects: [{ type: "unit.rename", unitId: d.unit.id, name: name.data }] };
  },
};

const householdsStep: Step<UnitAdminData> = {
  ask: (d) => ({ say: [{ key: "unit-ask-households", args: { unit: d.unit.name, households: d.unit.households } }] }),
  reply(input, d) {
    const n = countAnswer(input);
    if (!n.ok) return { kind: "invalid", say: [n.error] };
    const households = Households.safeParse(n.value);
    if (!households.success) return { kind: "invalid", say: [{ key: "unit-households-expected" }] };
    return { kind: "done", effects: [{ type: "unit.households", unitId: d.unit.id, households: households.data }] };
  },
};

const classStep: Step<UnitAdminData> = {
  ask: (d) => ({ say: [{ key: "unit-ask-class", args: { unit: d.unit.name, class: classMsg(d.unit.classification), period: displayPeriod(d.period) } }], choices: classChoices }),
  reply(input, d) {
    const text = answerText(input);
    const cls = text === undefined ? undefined : readClassification(text);
    if (!cls) return { kind: "invalid", say: [{ key: "unit-class-expected" }] };
    return { kind: "done", effects: [{ type: "unit.reclassify", unitId: d.unit.id, classification: cls, period: d.period }] };
  },
};

const retireStep: Step<UnitAdminData> = {
  ask: (d) => ({ say: [{ key: "unit-ask-retire", args: { unit: d.unit.name, period: displayPeriod(d.period) } }], choices: yesNoChoices }),
  reply(input, d) {
    const yes = yesNoAnswer(input);
    if (!yes.ok) return { kind: "invalid", say: [yes.error] };
    if (!yes.value) return { kind: "done", say: [{ key: "unit-retire-kept", args: { unit: d.unit.name } }] };
    return { kind: "done", effects: [{ type: "unit.retire", unitId: d.unit.id, period: d.period }] };
  },
};

export const unitAdminFlow: Flow<UnitAdminData> = {
  name: "units",
  data: UnitAdminData,
  async start(ctx, args) {
    if (!isOfficer(ctx.person)) return { kind: "done", say: [{ key: "not-allowed" }] };
    if (!args.trim()) {
      const units = await ctx.q.units();
      const count = (c: Classification) => units.filter((u) => u.classification === c).length;
      return {
        kind: "done",
        say: [{ key: "units-overview", args: { total: units.length, priority: count("priority"), hasCases: count("has_cases"), clean: count("clean") } }, { key: "units-usage" }],
      };
    }
    const unit = await ctx.q.unitByName(args, { retired: true });
    if (!unit) return { kind: "done", say: [{ key: "units-unknown", args: { unit: args.trim().slice(0, 80) } }, { key: "units-usage" }] };
    const card = unitCard(unit, await ctx.q.classChanges(unit.id));
    // A retired unit is history: it can be read, not changed.
    if (unit.retiredPeriod !== undefined) return { kind: "done", say: card };
    const { id, name, households, classification } = unit;
    return { kind: "conversation", step: "action", data: { unit: { id, name, households, classification }, period: periodOf(ctx.now, ctx.timeZone) }, say: card };
  },
  steps: { action: actionStep, rename: renameStep, households: householdsStep, class: classStep, retire: retireStep },
};
