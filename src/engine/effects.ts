import type { TipEffect } from "../domain/tips.ts";
import { applyTipEffect } from "./tip-effects.ts";
import { applyOfficerEffect, isOfficerEffect } from "./officer-effects.ts";
import { canCheckIn, canManageCases, canReportFor, isMentor, isOfficer } from "../domain/access.ts";
import { caseStatusMsg, checkinMethodMsg, checkinStateMsg, type CheckinAlert } from "../domain/cases.ts";
import { displayPeriod } from "../domain/period.ts";
import { displayDate, previousWeek } from "../domain/time.ts";
import type { PersonView } from "../domain/person.ts";
import type { Role } from "../domain/roles.ts";
import { queueBulkForPerson, queueForPerson } from "../outbox/address.ts";
import { sendBroadcast } from "../store/broadcasts.ts";
import type { Tx } from "../store/client.ts";
import { CaseExistsError, caseByCode, isCaseMentor, mentorCasesDue, openCase, saveCheckin, sealerFor, setCaseStatus, type Sealer } from "../store/cases.ts";
import { createInvite, inviteExpiry, redeemInvite } from "../store/invites.ts";
import { answerLink, claimLinkCode, createLinkCode, LINK_CODE_MINUTES, pendingLink, withdrawClaim } from "../store/links.ts";
import { preferredAddress, setRole, subscribe, unsubscribe, type Address } from "../store/people.ts";
import { enqueue } from "../store/outbox.ts";
import { grantsOf, holdersOf, removeGrant } from "../store/roles.ts";
import type { Grant } from "../domain/roles.ts";
import { renderPrompt } from "../i18n.ts";
import { Lang } from "../domain/roles.ts";
import { displayDateTime } from "../domain/time.ts";
import type { GuessLimit } from "./guess-limit.ts";
import { lockPeriod, saveReport } from "../store/reports.ts";
import { unitById } from "../store/units.ts";
import { CONSOLE_LINK_MINUTES, createConsoleLogin } from "../store/console-sessions.ts";
import type { Effect } from "./flow.ts";
import { fieldLabel, warningMsg } from "./steps.ts";
import type { Msg } from "./types.ts";

/** What applying an effect produced: words for the person, and alerts for the officers. */
export interface EffectOutcome {
  say: Msg[];
  toOfficers: Msg[][];
  /** the role the person just took: the engine then queues what they are owed at once (EngineOptions.onJoin) */
  joined?: Role;
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
  /** INVITE_TTL_DAYS: how long a new invite code works */
  inviteTtlDays: number;
  /** wrong invite and link codes per person, so codes cannot be guessed */
  guesses: GuessLimit;
  /** PUBLIC_URL: where the console's sign-in links point */
  publicUrl: string;
}

/** One counter per person for every kind of code they type (invite or link). */
const guessKey = (personId: number) => `code:${personId}`;

/** A new invite's code and the words saying until when it works. */
async function newInvite(tx: Tx, input: Omit<Parameters<typeof createInvite>[1], "expiresAt">, now: Date, ctx: EffectContext) {
  const expiresAt = inviteExpiry(now, ctx.inviteTtlDays);
  return { code: await createInvite(tx, { ...input, expiresAt }), until: displayDateTime(expiresAt, ctx.timeZone) };
}

/** Each grant in words ("trưởng khu phố X", "cán bộ"), as list lines. */
export async function grantList(tx: Tx, grants: readonly Grant[]): Promise<Msg[]> {
  const out: Msg[] = [];
  for (const g of grants) {
    const unit = g.unitId === null ? "" : ((await unitById(tx, g.unitId))?.name ?? "");
    out.push({ key: "list-item", args: { item: { key: `grant-${g.role}`, args: { unit } } } });
  }
  return out;
}

/** Queues words for a person at a given address, in their language (not the one acting now). */
async function tellAt(tx: Tx, to: Address, personId: number, lang: string, say: Msg[], now: Date) {
  await enqueue(tx, { channel: to.channel, chatId: to.chatId, personId, payload: renderPrompt(Lang.parse(lang), { say: [] }, say) }, now);
}

export async function applyEffect(tx: Tx, effect: Effect, person: PersonView, now: Date, ctx: EffectContext): Promise<EffectOutcome> {
  if (isTipEffect(effect)) return applyTipEffect(tx, effect, person, now);
  if (isOfficerEffect(effect)) return applyOfficerEffect(tx, effect, person, now, ctx.timeZone);
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
    }
    case "role.remove": {
      if (!isOfficer(person)) return { say: [{ key: "not-allowed" }], toOfficers: [] };
      const grant = { role: effect.role, unitId: effect.unitId };
      const [what] = await grantList(tx, [grant]);
      // The last officer cannot take the officers' role away: nobody could give it back in chat.
      if (grant.role === "officer" && (await holdersOf(tx, "officer")).length <= 1) {
        return { say: [{ key: "roles-remove-last-officer" }], toOfficers: [] };
      }
      const removed = await removeGrant(tx, effect.personId, grant, now);
      return { say: [{ key: removed ? "roles-removed" : "roles-remove-gone", args: { what: what!, who: `#${effect.personId}` } }], toOfficers: [] };
    }
    case "link.create": {
      const code = await createLinkCode(tx, person.id, now);
      return { say: [{ key: "link-code", args: { code, minutes: LINK_CODE_MINUTES } }], toOfficers: [] };
    }
    case "link.redeem": {
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
    }
    case "link.answer": {
      // Where the typist's answer goes, read before their identities may move.
      const pending = await pendingLink(tx, person.id, effect.code, now);
      const typist = pending?.claimedById ? await tx.person.findUnique({ where: { id: pending.claimedById } }) : null;
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
    }
    case "invite.create": {
      if (!isOfficer(person)) return { say: [{ key: "not-allowed" }], toOfficers: [] };
      const { code, until } = await newInvite(tx, { role: effect.role, unitId: effect.unitId, createdBy: `person:${person.id}` }, now, ctx);
      const unit = effect.unitId === null ? null : await unitById(tx, effect.unitId);
      return {
        say: [{ key: "invite-created", args: { role: { key: `role-${effect.role}` }, unit: unit?.name ?? "", code, until } }],
        toOfficers: [],
      };
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
      const { code: invite, until } = await newInvite(tx, { role: "mentor", unitId: opened.unitId, caseId: opened.id, createdBy: `person:${person.id}` }, now, ctx);
      const say: Msg[] = [
        {
          key: "case-opened",
          args: { code: opened.code, unit: unit.name, start: displayDate(opened.startDate), end: opened.endDate ? displayDate(opened.endDate) : { key: "case-end-none" } },
        },
        { key: "case-invite-created", args: { code: opened.code, invite, until } },
      ];
      if (effect.name !== null) say.splice(1, 0, { key: "case-name-saved" });
      return { say, toOfficers: [] };
    }
    case "case.invite": {
      if (!canManageCases(person)) return { say: [{ key: "not-allowed" }], toOfficers: [] };
      const found = await caseByCode(tx, effect.code);
      if (!found) return { say: [{ key: "case-unknown", args: { code: effect.code } }], toOfficers: [] };
      if (found.status !== "active") return { say: [{ key: "case-invite-inactive", args: { code: found.code, status: caseStatusMsg(found.status) } }], toOfficers: [] };
      const { code: invite, until } = await newInvite(tx, { role: "mentor", unitId: found.unitId, caseId: found.id, createdBy: `person:${person.id}` }, now, ctx);
      return { say: [{ key: "case-invite-created", args: { code: found.code, invite, until } }], toOfficers: [] };
    }
    case "console.link": {
      if (!isOfficer(person) && person.headOf.length === 0) return { say: [{ key: "not-allowed" }], toOfficers: [] };
      const { token } = await createConsoleLogin(tx, person.id, now);
      const url = `${ctx.publicUrl.replace(/\/+$/, "")}/console/login/${token}`;
      return { say: [{ key: "console-link", args: { url, minutes: CONSOLE_LINK_MINUTES } }], toOfficers: [] };
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
  if (!isMentor(person)) return { say: [{ key: "checkin-not-mentor" }], toOfficers: [] };
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
