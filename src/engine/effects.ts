import type { TipEffect } from "../domain/tips.ts";
import { applyTipEffect } from "./tip-effects.ts";
import { canCheckIn, canManageCases, canReportFor, isOfficer } from "../domain/access.ts";
import { caseStatusMsg, checkinMethodMsg, checkinStateMsg, type CheckinAlert } from "../domain/cases.ts";
import { displayPeriod } from "../domain/period.ts";
import { displayDate, previousWeek } from "../domain/time.ts";
import type { PersonView } from "../domain/person.ts";
import { queueBulkForPerson } from "../outbox/address.ts";
import { sendBroadcast } from "../store/broadcasts.ts";
import type { Tx } from "../store/client.ts";
import { CaseExistsError, caseByCode, isCaseMentor, mentorCasesDue, openCase, saveCheckin, sealerFor, setCaseStatus, type Sealer } from "../store/cases.ts";
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
function isTipEffect(effect: Effect): effect is TipEffect {
  return effect.type.startsWith("tip.");
}

export interface EffectContext {
  dataKey?: string;
  timeZone: string;
}

export async function applyEffect(tx: Tx, effect: Effect, person: PersonView, now: Date, ctx: EffectContext): Promise<EffectOutcome> {
  if (isTipEffect(effect)) return applyTipEffect(tx, effect, person, now);
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
      const say: Msg[] = [{ key: `join-done-${redeemed.role}`, args: { unit: unit?.name ?? "" } }];
      if (redeemed.caseCode) say.push({ key: "join-done-case", args: { code: redeemed.caseCode } });
      return { say, toOfficers: [] };
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
        queueBulkForPerson,
      );
      return { say: [{ key: "broadcast-sent", args: { queued: sent.queued, unreachable: sent.unreachable } }], toOfficers: [] };
    }
    case "checkin.save":
      return saveCheckins(tx, effect, person, now, ctx);
    case "case.open": {
      if (!canManageCases(person)) return { say: [{ key: "not-allowed" }], toOfficers: [] };
      const unit = await unitById(tx, effect.unitId);
      if (!unit) return { say: [{ key: "case-unit-gone" }], toOfficers: [] };
      let opened;
      try {
        const { code, unitId, startDate, endDate, name } = effect;
        opened = await openCase(tx, { code, unitId, startDate, endDate, name }, effect.name === null ? null : sealer(ctx, "case.open"));
      } catch (error) {
        if (error instanceof CaseExistsError) return { say: [{ key: "case-exists", args: { code: effect.code } }], toOfficers: [] };
        throw error;
      }
      const invite = await createInvite(tx, { role: "mentor", unitId: opened.unitId, caseId: opened.id, createdBy: `person:${person.id}` });
      const say: Msg[] = [
        {
          key: "case-opened",
          args: { code: opened.code, unit: unit.name, start: displayDate(opened.startDate), end: opened.endDate ? displayDate(opened.endDate) : { key: "case-end-none" } },
        },
        { key: "case-invite-created", args: { code: opened.code, invite } },
      ];
      if (effect.name !== null) say.splice(1, 0, { key: "case-name-saved" });
      return { say, toOfficers: [] };
    }
    case "case.invite": {
      if (!canManageCases(person)) return { say: [{ key: "not-allowed" }], toOfficers: [] };
      const found = await caseByCode(tx, effect.code);
      if (!found) return { say: [{ key: "case-unknown", args: { code: effect.code } }], toOfficers: [] };
      if (found.status !== "active") return { say: [{ key: "case-invite-inactive", args: { code: found.code, status: caseStatusMsg(found.status) } }], toOfficers: [] };
      const invite = await createInvite(tx, { role: "mentor", unitId: found.unitId, caseId: found.id, createdBy: `person:${person.id}` });
      return { say: [{ key: "case-invite-created", args: { code: found.code, invite } }], toOfficers: [] };
    }
    case "case.status": {
      if (!canManageCases(person)) return { say: [{ key: "not-allowed" }], toOfficers: [] };
      const found = await caseByCode(tx, effect.code);
      if (!found) return { say: [{ key: "case-unknown", args: { code: effect.code } }], toOfficers: [] };
      const changed = await setCaseStatus(tx, found.id, effect.status, person.id, now);
      if (changed === "same") return { say: [{ key: "case-status-same", args: { code: found.code, status: caseStatusMsg(effect.status) } }], toOfficers: [] };
      return {
        say: [{ key: "case-status-done", args: { code: found.code, from: caseStatusMsg(changed.from), to: caseStatusMsg(changed.to) } }],
        toOfficers: [],
      };
    }
  }
}

/** The sealer of the configured DATA_KEY; storing a name or a note without one is a setup error. */
function sealer(ctx: EffectContext, call: string): Sealer {
  if (!ctx.dataKey) throw new Error(`${call}: no DATA_KEY to encrypt names and notes with`);
  return sealerFor(ctx.dataKey);
}

/**
 * Stores a mentor's confirmed check-ins. Each case is checked again here: still active, and this
 * person still one of its mentors; a case that is no longer theirs is refused, the others stored.
 * A suspected relapse, or a case nobody reached two weeks in a row, alerts the officers at once.
 */
async function saveCheckins(
  tx: Tx,
  effect: Extract<Effect, { type: "checkin.save" }>,
  person: PersonView,
  now: Date,
  ctx: EffectContext,
): Promise<EffectOutcome> {
  if (person.role !== "mentor") return { say: [{ key: "checkin-not-mentor" }], toOfficers: [] };
  const week = displayDate(effect.week);
  const saved: Msg[] = [];
  const refused: string[] = [];
  const toOfficers: Msg[][] = [];
  let alerted = false;
  for (const entry of effect.entries) {
    const found = await tx.rehabCase.findUnique({ where: { id: entry.caseId } });
    if (!found || found.status !== "active" || !canCheckIn(person, await isCaseMentor(tx, found.id, person.id))) {
      refused.push(entry.code);
      continue;
    }
    const alerts: CheckinAlert[] = await saveCheckin(
      tx,
      { entry, mentorId: person.id, week: effect.week, now },
      entry.note === null ? null : sealer(ctx, "checkin.save"),
    );
    saved.push({ key: "list-item", args: { item: checkinLine(entry) } });
    const unit = (await unitById(tx, found.unitId))?.name ?? "";
    for (const alert of alerts) {
      alerted = true;
      toOfficers.push([
        alert.kind === "suspected-relapse"
          ? { key: "alert-checkin-relapse", args: { code: found.code, unit, week } }
          : { key: "alert-checkin-unreached", args: { code: found.code, unit, week, previous: displayDate(previousWeek(effect.week)) } },
      ]);
    }
  }
  const say: Msg[] = [];
  if (saved.length > 0) say.push({ key: "checkin-saved", args: { count: saved.length, week, cases: saved } });
  if (refused.length > 0) say.push({ key: "checkin-refused", args: { cases: refused.join(", ") } });
  if (alerted) say.push({ key: "checkin-officers-told" });
  if (saved.length > 0 && !effect.continuing) {
    const left = (await mentorCasesDue(tx, person.id, effect.week)).filter((c) => !c.checked);
    say.push(left.length === 0 ? { key: "checkin-all-done", args: { week } } : { key: "checkin-left", args: { count: left.length, cases: left.map((c) => c.code).join(", ") } });
  }
  return { say, toOfficers };
}

/** "C-01: Ổn định — Gặp trực tiếp" (codes only, never the note). */
function checkinLine(entry: { code: string; contacted: boolean; method: string | null; state: string }): Msg {
  return {
    key: "checkin-line",
    args: {
      code: entry.code,
      state: checkinStateMsg(entry.state),
      method: entry.contacted && entry.method ? checkinMethodMsg(entry.method) : { key: "checkin-not-contacted" },
    },
  };
}
