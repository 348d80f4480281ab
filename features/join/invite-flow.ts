import { isOfficer } from "../../src/domain/access.ts";
import { InviteRole } from "../../src/domain/roles.ts";
import { fold } from "../../src/domain/text.ts";
import type { Flow } from "../../src/engine/flow.ts";

// Officers may type the role in Vietnamese too.
const ROLE_WORDS: Record<string, InviteRole> = {
  head: "head",
  truong: "head",
  "truong khu pho": "head",
  mentor: "mentor",
  "giup do": "mentor",
  officer: "officer",
  "can bo": "officer",
  canbo: "officer",
  "cong an": "officer",
  congan: "officer",
  "nguoi giup do": "mentor",
};

/** `/invite <head|mentor|officer> [unit]`: officers only; a head's invite needs the unit. */
export const inviteFlow: Flow = {
  name: "invite",
  oneShot: true,
  async start(ctx, args) {
    if (!isOfficer(ctx.person)) return { kind: "done", say: [{ key: "not-allowed" }] };
    // The role may be two words ("công an", "giúp đỡ"), or one.
    const ws = args.trim().split(/\s+/);
    const two = ROLE_WORDS[fold(ws.slice(0, 2).join(" "))];
    const role = two ?? ROLE_WORDS[fold(ws[0] ?? "")];
    const unitName = ws.slice(two ? 2 : 1).join(" ");
    if (!role || (role === "head" && !unitName)) return { kind: "done", say: [{ key: "invite-usage" }] };
    let unitId: number | null = null;
    if (unitName && role !== "officer") {
      const unit = await ctx.q.unitByName(unitName);
      if (!unit) {
        const units = (await ctx.q.units()).map((u) => u.name).join(", ");
        return { kind: "done", say: [{ key: "invite-unknown-unit", args: { unit: unitName, units } }] };
      }
      unitId = unit.id;
    }
    return { kind: "done", effects: [{ type: "invite.create", role, unitId }] };
  },
  steps: {},
};
