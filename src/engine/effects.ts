import { canReportFor, isOfficer } from "../domain/access.ts";
import { displayPeriod } from "../domain/period.ts";
import type { PersonView } from "../domain/person.ts";
import { queueForPerson } from "../outbox/address.ts";
import { sendBroadcast } from "../store/broadcasts.ts";
import type { Tx } from "../store/client.ts";
import { createInvite, redeemInvite } from "../store/invites.ts";
import { createLinkCode, LINK_CODE_MINUTES, redeemLinkCode } from "../store/links.ts";
import { setRole, subscribe, unsubscribe } from "../store/people.ts";
import { lockPeriod, saveReport } from "../store/reports.ts";
import { unitById } from "../store/units.ts";
import type { Effect } from "./flow.ts";
import { fieldLabel, warningMsg } from "./steps.ts";
import type { Msg } from "./types.ts";

/** What applying an effect produced: words for the person, and alerts for the officers. */
export interface EffectOutcome {
  say: Msg[];
  toOfficers: Msg[][];
}

/**
 * Applies a flow's effect inside the step's transaction. Access is checked again here, at
 * commit time, since the person's role may have changed since the flow started.
 */
/** What effects may need beyond the transaction: the key of encrypted fields, the time zone. */
export interface EffectContext {
  dataKey?: string;
  timeZone: string;
}

export async function applyEffect(tx: Tx, effect: Effect, person: PersonView, now: Date, _ctx: EffectContext): Promise<EffectOutcome> {
  switch (effect.type) {
    case "report.submit": {
      if (!canReportFor(person, effect.unitId)) return { say: [{ key: "report-not-head" }], toOfficers: [] };
      const unit = (await unitById(tx, effect.unitId))!;
      const period = displayPeriod(effect.period);
      const outcome = await saveReport(tx, { ...effect, personId: person.id, now });
      const toOfficers: Msg[][] = [];
      if (outcome.kind !== "locked" && outcome.kind !== "unchanged" && effect.warnings.length > 0) {
        toOfficers.push([{ key: "alert-report-warnings", args: { unit: unit.name, period, warnings: effect.warnings.map(warningMsg) } }]);
      }
      switch (outcome.kind) {
        case "locked":
          return { say: [{ key: "report-locked", args: { period } }], toOfficers };
        case "unchanged":
          return { say: [{ key: "report-unchanged", args: { period } }], toOfficers };
        case "created":
          return { say: [{ key: "report-saved", args: { period, unit: unit.name } }], toOfficers };
        case "corrected": {
          toOfficers.push([{ key: "alert-report-corrected", args: { unit: unit.name, period, fields: outcome.fields.map(fieldLabel) } }]);
          return {
            say: [{ key: "report-corrected", args: { period, unit: unit.name, changes: outcome.fields.length } }],
            toOfficers,
          };
        }
      }
    }
    case "invite.redeem": {
      const redeemed = await redeemInvite(tx, effect.code, person.id, now);
      if (!redeemed.ok) {
        return { say: [redeemed.reason === "used" ? { key: "join-used" } : { key: "join-invalid", args: { code: effect.code } }], toOfficers: [] };
      }
      await setRole(tx, person.id, redeemed.role, redeemed.unitId);
      const unit = redeemed.unitId === null ? null : await unitById(tx, redeemed.unitId);
      return { say: [{ key: `join-done-${redeemed.role}`, args: { unit: unit?.name ?? "" } }], toOfficers: [] };
    }
    case "link.create": {
      const code = await createLinkCode(tx, person.id, now);
      return { say: [{ key: "link-code", args: { code, minutes: LINK_CODE_MINUTES } }], toOfficers: [] };
    }
    case "link.redeem": {
      const linked = await redeemLinkCode(tx, effect.code, person.id, now);
      return { say: [linked.ok ? { key: "link-done" } : { key: `link-${linked.reason}`, args: { code: effect.code } }], toOfficers: [] };
    }
    case "invite.create": {
      if (!isOfficer(person)) return { say: [{ key: "not-allowed" }], toOfficers: [] };
      const code = await createInvite(tx, { role: effect.role, unitId: effect.unitId, createdBy: `person:${person.id}` });
      const unit = effect.unitId === null ? null : await unitById(tx, effect.unitId);
      return {
        say: [{ key: "invite-created", args: { role: { key: `role-${effect.role}` }, unit: unit?.name ?? "", code } }],
        toOfficers: [],
      };
    }
    case "period.lock": {
      if (!isOfficer(person)) return { say: [{ key: "not-allowed" }], toOfficers: [] };
      const locked = await lockPeriod(tx, effect.period, person.id, now);
      return { say: [{ key: locked ? "lock-done" : "lock-already", args: { period: displayPeriod(effect.period) } }], toOfficers: [] };
    }
    case "subscription.set": {
      // Heads, mentors and officers get their role's announcements without asking.
      if (person.role !== "resident") {
        return { say: [{ key: "subscribe-not-needed", args: { role: { key: `role-${person.role}` } } }], toOfficers: [] };
      }
      const unit = effect.unitId === null ? null : await unitById(tx, effect.unitId);
      if (effect.unitId !== null && !unit) return { say: [{ key: "subscribe-unit-gone" }], toOfficers: [] };
      await subscribe(tx, person.id, unit?.id ?? null);
      return { say: [unit ? { key: "subscribe-done-unit", args: { unit: unit.name } } : { key: "subscribe-done-all" }], toOfficers: [] };
    }
    case "subscription.clear": {
      const was = await unsubscribe(tx, person.id);
      return { say: [{ key: was ? "unsubscribe-done" : "unsubscribe-not-subscribed" }], toOfficers: [] };
    }
    case "broadcast.send": {
      if (!isOfficer(person)) return { say: [{ key: "not-allowed" }], toOfficers: [] };
      const unit = effect.unitId === null ? null : await unitById(tx, effect.unitId);
      if (effect.unitId !== null && !unit) return { say: [{ key: "broadcast-unit-gone" }], toOfficers: [] };
      const sent = await sendBroadcast(
        tx,
        { audience: effect.audience, unitId: effect.unitId, text: effect.text, createdBy: `person:${person.id}` },
        now,
        queueForPerson,
      );
      return { say: [{ key: "broadcast-sent", args: { queued: sent.queued, unreachable: sent.unreachable } }], toOfficers: [] };
    }
  }
}
