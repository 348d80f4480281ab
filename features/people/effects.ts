import { isOfficer } from "../../src/domain/access.ts";
import type { InviteRole } from "../../src/domain/roles.ts";
import type { Feature } from "../../src/engine/feature.ts";
import { holdersOf, removeGrant } from "../../src/store/roles.ts";
import { grantList } from "../effect-kit.ts";

declare module "../../src/engine/feature.ts" {
  interface Effects {
    /** an officer takes one role from a person (`/boquyen`) */
    "role.remove": { personId: number; role: InviteRole; unitId: number | null };
  }
}

/** How the people feature's effects are applied. */
export const effects: Feature["effects"] = {
  "role.remove": async (tx, effect, person, now, ctx) => {
    if (!isOfficer(person)) return { say: [{ key: "not-allowed" }], toOfficers: [] };
    const grant = { role: effect.role, unitId: effect.unitId };
    const [what] = await grantList(tx, [grant]);
    // The last officer cannot take the officers' role away: nobody could give it back in chat.
    if (grant.role === "officer" && (await holdersOf(tx, "officer")).length <= 1) {
      return { say: [{ key: "roles-remove-last-officer" }], toOfficers: [] };
    }
    const removed = await removeGrant(tx, effect.personId, grant, now);
    return { say: [{ key: removed ? "roles-removed" : "roles-remove-gone", args: { what: what!, who: `#${effect.personId}` } }], toOfficers: [] };
  },
};
