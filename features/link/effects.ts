import type { Msg } from "../../src/engine/types.ts";
import type { Feature } from "../../src/engine/feature.ts";
import { queueForPerson } from "../../src/outbox/address.ts";
import { answerLink, claimLinkCode, createLinkCode, LINK_CODE_MINUTES, pendingLink, withdrawClaim } from "../../src/store/links.ts";
import { personView, preferredAddress } from "../../src/store/people.ts";
import { guessKey, tellAt } from "../effect-kit.ts";

declare module "../../src/engine/feature.ts" {
  interface Effects {
    "link.create": {};
    /** the other app's code typed here: its owner is asked to confirm */
    "link.redeem": { code: string };
    /** the code's owner answers the question; `code` null means their latest waiting one */
    "link.answer": { accept: boolean; code: string | null };
  }
}

/** How the link feature's effects are applied. */
export const effects: Feature["effects"] = {
  "link.create": async (tx, effect, person, now, ctx) => {
    const code = await createLinkCode(tx, person.id, now);
    return { say: [{ key: "link-code", args: { code, minutes: LINK_CODE_MINUTES } }], toOfficers: [] };
  },
  "link.redeem": async (tx, effect, person, now, ctx) => {
    const wait = await ctx.guesses.waitMinutes(guessKey(person.id));
    if (wait > 0) return { say: [{ key: "code-wait", args: { minutes: wait } }], toOfficers: [] };
    const claimed = await claimLinkCode(tx, effect.code, person.id, now);
    if (!claimed.ok) {
      if (claimed.reason === "invalid") await ctx.guesses.wrong(guessKey(person.id));
      return { say: [{ key: `link-${claimed.reason}`, args: { code: effect.code } }], toOfficers: [] };
    }
    // Nothing is joined yet: the code's owner says yes or no on their app.
    const minutes = Math.max(1, Math.ceil((claimed.expiresAt.getTime() - now.getTime()) / 60_000));
    await queueForPerson(
      tx,
      claimed.ownerId,
      {
        say: [{ key: "link-confirm-ask", args: { code: claimed.code, minutes } }],
        choices: [
          { label: { key: "link-yes" }, value: `/link yes ${claimed.code}` },
          { label: { key: "link-no" }, value: `/link no ${claimed.code}` },
        ],
      },
      `link-ask:${claimed.code}`,
      now,
    );
    // A role holder is told plainly what the other app will be able to do, and how to stop it.
    if (person.role !== "resident") {
      return { say: [{ key: "link-waiting-role", args: { minutes, role: { key: `role-${person.role}` } } }], toOfficers: [] };
    }
    return { say: [{ key: "link-waiting", args: { minutes } }], toOfficers: [] };
  },
  "link.answer": async (tx, effect, person, now, ctx) => {
    // Where the typist's answer goes, read before their identities may move.
    const pending = await pendingLink(tx, person.id, effect.code, now);
    const typist = pending?.claimedById ? await personView(tx, pending.claimedById) : null;
    const typistAt = typist ? await preferredAddress(tx, typist.id, now) : null;
    const answered = await answerLink(tx, person.id, effect.code, effect.accept, now);
    if (answered.kind === "nothing") {
      // "No" from the one who typed a code takes it back.
      if (!effect.accept && (await withdrawClaim(tx, person.id, now))) return { say: [{ key: "link-withdrawn" }], toOfficers: [] };
      return { say: [{ key: "link-nothing" }], toOfficers: [] };
    }
    const toTypist = async (say: Msg[], personId: number) => {
      if (typist && typistAt) await tellAt(tx, typistAt, personId, typist.lang, say, now);
    };
    if (answered.kind === "declined") {
      await toTypist([{ key: "link-declined" }], answered.typistId);
      return { say: [{ key: "link-declined-owner" }], toOfficers: [] };
    }
    if (answered.kind === "conflict") {
      await toTypist([{ key: "link-conflict" }], answered.typistId);
      return { say: [{ key: "link-conflict" }], toOfficers: [] };
    }
    await toTypist([{ key: "link-done" }], answered.keptId);
    return { say: [{ key: "link-done" }], toOfficers: [] };
  },
};
