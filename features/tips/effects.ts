import { isOfficer } from "../../src/domain/access.ts";
import type { Msg } from "../../src/domain/message.ts";
import type { PersonView } from "../../src/domain/person.ts";
import { TIP_LIMITS, type NewTip, type TipStatus } from "../../src/domain/tips.ts";
import type { EffectOf, EffectOutcome, Feature } from "../../src/engine/feature.ts";
import { queueForPerson, queueForTipster } from "../../src/outbox/address.ts";
import type { Tx } from "../../src/store/client.ts";
import { peopleWithRole } from "../../src/store/people.ts";
import { unitById } from "../../src/store/units.ts";
import {
  addAnswer,
  addQuestion,
  blockTipster,
  createTip,
  isTipster,
  markRewarded,
  moveTip,
  setTipUnit,
  tipByCode,
  tipsterOf,
  verifyTipSecret,
} from "../../src/store/tips.ts";
import { said as say } from "../effect-kit.ts";
import { tipLines } from "./tip-lines.ts";

declare module "../../src/engine/feature.ts" {
  interface Effects {
    "tip.create": { tip: NewTip };
    "tip.answer": { code: string; text: string };
    "tip.move": { code: string; to: TipStatus };
    "tip.ask": { code: string; text: string };
    "tip.block": { code: string };
    "tip.reward": { code: string };
    "tip.verify": { code: string; secret: string };
    /** an officer sets (or, with null, clears) the neighbourhood where a tip happened */
    "tip.unit": { code: string; unitId: number | null };
  }
}

/** What the tip flows ask the engine to do. */
export type TipEffect = EffectOf<"tip.create" | "tip.answer" | "tip.move" | "tip.ask" | "tip.block" | "tip.reward" | "tip.verify" | "tip.unit">;

/**
 * Applies a tip flow's effect. The tipster is reached only through `tipsterOf` and the outbox:
 * no message, log line or answer to an officer names them.
 */
export async function applyTipEffect(tx: Tx, effect: TipEffect, person: PersonView, now: Date): Promise<EffectOutcome> {
  if (effect.type === "tip.create") {
    const created = await createTip(tx, effect.tip, person.id, now);
    if (!created.ok) return say({ key: `tip-refused-${created.reason}`, args: { max: TIP_LIMITS.perHour } });
    // Each officer gets the alert once, with the photo where their channel can show it.
    const unit = effect.tip.unitId != null ? await unitById(tx, effect.tip.unitId) : null;
    const lines = tipLines({ ...effect.tip, unitName: unit && !unit.retiredPeriod ? unit.name : undefined, hasPhoto: effect.tip.photo !== null });
    for (const officer of await peopleWithRole(tx, "officer")) {
      await queueForPerson(
        tx,
        officer.id,
        { say: [{ key: "alert-tip", args: { code: created.code } }, { key: "lines", args: { lines } }, { key: "tip-officer-actions", args: { code: created.code } }], photo: effect.tip.photo ?? undefined },
        // No key: queued once with the tip, and a key naming the tip would keep its time.
        undefined,
        now,
      );
    }
    return say({ key: "tip-created", args: { code: created.code, secret: created.secret } });
  }
  if (effect.type === "tip.answer") {
    const tip = await tipByCode(tx, effect.code);
    if (!tip || !(await isTipster(tx, effect.code, person.id))) return say({ key: "tip-not-found", args: { code: effect.code } });
    await addAnswer(tx, tip.id, effect.text, now);
    return { say: [{ key: "tip-answer-sent" }], toOfficers: [[{ key: "alert-tip-answer", args: { code: effect.code, text: effect.text } }]] };
  }
  if (!isOfficer(person)) return say({ key: "not-allowed" });
  const tip = await tipByCode(tx, effect.code);
  if (!tip) return say({ key: "tip-not-found", args: { code: effect.code } });
  switch (effect.type) {
    case "tip.move": {
      const moved = await moveTip(tx, effect.code, effect.to, person.id, now);
      if (!moved.ok) {
        return say({ key: "tip-move-not-allowed", args: { code: effect.code, from: { key: `tip-status-${moved.from}` }, to: { key: `tip-status-${effect.to}` } } });
      }
      const tipster = await tipsterOf(tx, effect.code);
      if (tipster !== null) {
        await queueForTipster(tx, tipster, effect.code, { say: [{ key: "tip-status-to-tipster", args: { code: effect.code, status: { key: `tip-status-${effect.to}` } } }] }, now);
      }
      return say({ key: "tip-moved", args: { code: effect.code, from: { key: `tip-status-${moved.from}` }, to: { key: `tip-status-${effect.to}` } } });
    }
    case "tip.ask": {
      await addQuestion(tx, tip.id, effect.text, person.id, now);
      const tipster = await tipsterOf(tx, effect.code);
      const delivered =
        tipster !== null &&
        (await queueForTipster(tx, tipster, effect.code, { say: [{ key: "tip-question-to-tipster", args: { code: effect.code, question: effect.text } }] }, now)) !==
          "no-address";
      // Whatever the tipster writes next is their answer (tipReplyFlow.awaitsReply finds it).
      return say({ key: delivered ? "tip-asked" : "tip-ask-unreachable", args: { code: effect.code } });
    }
    case "tip.block":
      await blockTipster(tx, effect.code, person.id, now);
      return say({ key: "tip-blocked", args: { code: effect.code } });
    case "tip.reward":
      return say({ key: (await markRewarded(tx, effect.code, now)) ? "tip-rewarded" : "tip-reward-already", args: { code: effect.code } });
    case "tip.unit": {
      // Checked again here, whatever the page offered: the unit must exist and be in service.
      const set = await setTipUnit(tx, effect.code, effect.unitId);
      if (set === "unknown-unit") return say({ key: "tip-unit-bad" });
      if (effect.unitId === null) return say({ key: "tip-unit-cleared", args: { code: effect.code } });
      const unit = await unitById(tx, effect.unitId);
      return say({ key: "tip-unit-set", args: { code: effect.code, unit: unit?.name ?? "" } });
    }
    case "tip.verify": {
      const ok = await verifyTipSecret(tx, effect.code, effect.secret);
      const rewarded: Msg = tip.rewarded ? { key: "tip-is-rewarded" } : { key: "tip-not-rewarded" };
      return say(ok ? { key: "tip-verify-ok", args: { code: effect.code, rewarded } } : { key: "tip-verify-bad", args: { code: effect.code } });
    }
  }
}

/** How the tips feature's effects are applied. */
export const effects: Feature["effects"] = {
  "tip.create": applyTipEffect,
  "tip.answer": applyTipEffect,
  "tip.move": applyTipEffect,
  "tip.ask": applyTipEffect,
  "tip.block": applyTipEffect,
  "tip.reward": applyTipEffect,
  "tip.verify": applyTipEffect,
  "tip.unit": applyTipEffect,
};
