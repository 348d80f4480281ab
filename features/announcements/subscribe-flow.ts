import { z } from "zod";
import type { Flow } from "../../src/engine/flow.ts";
import type { Msg } from "../../src/engine/types.ts";
import { isAllUnits, unitAnswer, unitChoices, unknownUnitMsg, UnitRef } from "../units/choose-unit.ts";

/** While a resident picks the unit whose announcements they want: the units to pick from. */
export const SubscribeData = z.object({ units: z.array(UnitRef) });
export type SubscribeData = z.infer<typeof SubscribeData>;

/** Heads, mentors and officers get their role's announcements without asking. */
const roleMsg = (role: string): Msg => ({ key: `role-${role}` });

/**
 * `/subscribe [unit]` (`/dangky`): a resident asks for the officers' announcements of one unit, or
 * of every unit. Without a unit (or with one that does not exist) it asks which, with a button
 * per unit when there are few, and a button for every unit.
 */
export const subscribeFlow: Flow<SubscribeData> = {
  name: "subscribe",
  data: SubscribeData,
  async start(ctx, args) {
    if (ctx.person.role !== "resident") {
      return { kind: "done", say: [{ key: "subscribe-not-needed", args: { role: roleMsg(ctx.person.role) } }] };
    }
    const units = (await ctx.q.units()).map((u) => ({ id: u.id, name: u.name }));
    // No unit to choose from: the only choice is every unit.
    if (units.length === 0) return { kind: "done", effects: [{ type: "subscription.set", unitId: null }] };
    const typed = args.trim();
    if (typed) {
      if (isAllUnits(typed)) return { kind: "done", effects: [{ type: "subscription.set", unitId: null }] };
      const unit = await ctx.q.unitByName(typed);
      if (unit) return { kind: "done", effects: [{ type: "subscription.set", unitId: unit.id }] };
      return { kind: "conversation", step: "unit", data: { units }, say: [unknownUnitMsg(typed.slice(0, 80), units)] };
    }
    return { kind: "conversation", step: "unit", data: { units } };
  },
  steps: {
    unit: {
      ask: (d) => ({
        say: [{ key: "subscribe-ask-unit-buttons" }],
        choices: unitChoices(d.units, { key: "btn-all-units" }),
      }),
      reply(input, d) {
        const answer = unitAnswer(input, d.units);
        if (answer.ok) return { kind: "done", effects: [{ type: "subscription.set", unitId: answer.unit?.id ?? null }] };
        return { kind: "invalid", say: [answer.reason === "unknown" ? unknownUnitMsg(answer.typed, d.units) : { key: "unit-expected" }] };
      },
    },
  },
};

/** `/unsubscribe` (`/huydangky`): a resident stops the announcements. */
export const unsubscribeFlow: Flow = {
  name: "unsubscribe",
  oneShot: true,
  async start(ctx) {
    if (ctx.person.role !== "resident") {
      return { kind: "done", say: [{ key: "unsubscribe-not-needed", args: { role: roleMsg(ctx.person.role) } }] };
    }
    return { kind: "done", effects: [{ type: "subscription.clear" }] };
  },
  steps: {},
};
