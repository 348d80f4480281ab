import { isOfficer } from "../../src/domain/access.ts";
import type { Flow, FlowContext } from "../../src/engine/flow.ts";
import type { ListedHolder } from "./queries.ts";
import type { Msg } from "../../src/engine/types.ts";

/**
 * The grants `/nguoi` numbers: those of a unit when one is named, else the officers. People have
 * no names in the product, so an officer points at one by this number (and never sees a chat id).
 */
async function listed(ctx: FlowContext, unitText: string): Promise<{ unit: string; holders: ListedHolder[] } | null> {
  if (!unitText) return { unit: "", holders: (await ctx.q.holders()).filter((h) => h.role === "officer") };
  const unit = await ctx.q.unitByName(unitText);
  return unit ? { unit: unit.name, holders: await ctx.q.holders(unit.id) } : null;
}

function line(h: ListedHolder, i: number, unit: string): Msg {
  return { key: "people-line", args: { n: i + 1, role: { key: `role-${h.role}` }, unit: h.unitId === null ? "" : unit, id: h.personId, channels: h.channels.join(", ") || "—" } };
}

/** `/nguoi [khu phố]` (`/people`): an officer sees who holds a role in a unit (or who the officers are), numbered. */
export const peopleFlow: Flow = {
  name: "people",
  oneShot: true,
  async start(ctx, args) {
    if (!isOfficer(ctx.person)) return { kind: "done", say: [{ key: "not-allowed" }] };
    const found = await listed(ctx, args.trim());
    if (!found) return { kind: "done", say: [{ key: "people-unit-unknown", args: { unit: args.trim().slice(0, 60) } }] };
    const { unit, holders } = found;
    if (holders.length === 0) return { kind: "done", say: [{ key: "people-none", args: { unit } }] };
    const lines = holders.map((h, i) => line(h, i, unit));
    const list: Msg = unit ? { key: "people-list", args: { unit, lines } } : { key: "people-list-officers", args: { lines } };
    return { kind: "done", say: [list] };
  },
  steps: {},
};

/**
 * `/boquyen [khu phố] SỐ` (`/removerole`): an officer takes one role away, by its number in
 * `/nguoi`'s list of the same unit (no unit: the officers' list). The person's other roles stay.
 */
export const removeRoleFlow: Flow = {
  name: "removerole",
  oneShot: true,
  async start(ctx, args) {
    if (!isOfficer(ctx.person)) return { kind: "done", say: [{ key: "not-allowed" }] };
    const words = args.trim().split(/\s+/).filter(Boolean);
    const n = Number(words.at(-1));
    if (words.length === 0 || !Number.isInteger(n) || n < 1) return { kind: "done", say: [{ key: "roles-remove-usage" }] };
    const found = await listed(ctx, words.slice(0, -1).join(" "));
    if (!found) return { kind: "done", say: [{ key: "people-unit-unknown", args: { unit: words.slice(0, -1).join(" ").slice(0, 60) } }] };
    const holder = found.holders[n - 1];
    if (!holder) return { kind: "done", say: [{ key: "roles-remove-bad-number", args: { n, count: found.holders.length } }] };
    return { kind: "done", effects: [{ type: "role.remove", personId: holder.personId, role: holder.role, unitId: holder.unitId }] };
  },
  steps: {},
};
