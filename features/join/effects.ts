import { isOfficer } from "../../src/domain/access.ts";
import type { InviteRole } from "../../src/domain/roles.ts";
import type { Msg } from "../../src/engine/types.ts";
import type { Feature } from "../../src/engine/feature.ts";
import { redeemInvite } from "../../src/store/invites.ts";
import { setRole } from "../../src/store/people.ts";
import { grantsOf } from "../../src/store/roles.ts";
import { unitById } from "../../src/store/units.ts";
import { grantList, guessKey, newInvite } from "../effect-kit.ts";

declare module "../../src/engine/feature.ts" {
  interface Effects {
    /** `confirmed`: the person said yes to a head invite that changes who reports */
    "invite.redeem": { code: string; confirmed?: boolean };
    "invite.create": { role: InviteRole; unitId: number | null };
  }
}

/** How the join feature's effects are applied. */
export const effects: Feature["effects"] = {
  "invite.redeem": async (tx, effect, person, now, ctx) => {
    // A person who typed too many wrong codes waits, before any code is looked at.
    const wait = await ctx.guesses.waitMinutes(guessKey(person.id));
    if (wait > 0) return { say: [{ key: "code-wait", args: { minutes: wait } }], toOfficers: [] };
    const redeemed = await redeemInvite(tx, effect.code, person.id, now);
    if (!redeemed.ok) {
      if (redeemed.reason === "invalid") await ctx.guesses.wrong(guessKey(person.id));
      const say: Msg =
        redeemed.reason === "used" ? { key: "join-used" } : redeemed.reason === "expired" ? { key: "join-expired" } : { key: "join-invalid", args: { code: effect.code } };
      return { say: [say], toOfficers: [] };
    }
    // Roles add up: an officer who takes a head invite is an officer still, and a head too.
    const grant = { role: redeemed.role, unitId: redeemed.role === "officer" ? null : redeemed.unitId };
    await setRole(tx, person.id, grant, "invite", now);
    const unit = redeemed.unitId === null ? null : await unitById(tx, redeemed.unitId);
    const say: Msg[] = [{ key: `join-done-${redeemed.role}`, args: { unit: unit?.name ?? "" } }];
    if (redeemed.caseCode) say.push({ key: "join-done-case", args: { code: redeemed.caseCode } });
    const grants = await grantsOf(tx, person.id);
    if (grants.length > 1) say.push({ key: "join-roles-now", args: { roles: await grantList(tx, grants) } });
    return { say, toOfficers: [], joined: redeemed.role };
  },
  "invite.create": async (tx, effect, person, now, ctx) => {
    if (!isOfficer(person)) return { say: [{ key: "not-allowed" }], toOfficers: [] };
    const { code, until } = await newInvite(tx, { role: effect.role, unitId: effect.unitId, createdBy: `person:${person.id}` }, now, ctx);
    const unit = effect.unitId === null ? null : await unitById(tx, effect.unitId);
    return {
      say: [{ key: "invite-created", args: { role: { key: `role-${effect.role}` }, unit: unit?.name ?? "", code, until } }],
      toOfficers: [],
    };
  },
};
