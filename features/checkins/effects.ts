import { canCheckIn, isMentor } from "../../src/domain/access.ts";
import { checkinMethodMsg, checkinStateMsg, type CheckinAlert, type CheckinEntry } from "../../src/domain/cases.ts";
import type { PersonView } from "../../src/domain/person.ts";
import { displayDate, previousWeek } from "../../src/domain/time.ts";
import type { EffectContext, EffectOf, EffectOutcome, Feature } from "../../src/engine/feature.ts";
import type { Msg } from "../../src/engine/types.ts";
import type { Tx } from "../../src/store/client.ts";
import { caseById, isCaseMentor, mentorCasesDue, saveCheckin } from "../../src/store/cases.ts";
import { unitById } from "../../src/store/units.ts";
import { sealer } from "../effect-kit.ts";

declare module "../../src/engine/feature.ts" {
  interface Effects {
    /** a mentor's confirmed check-ins of one conversation, stored together for `week` */
    "checkin.save": { week: string; entries: CheckinEntry[]; /** more cases follow in the same conversation */ continuing?: boolean };
  }
}

/** How the check-in feature's effect is applied. */
export const effects: Feature["effects"] = { "checkin.save": saveCheckins };

/**
 * Stores a mentor's confirmed check-ins. Each case is checked again here: still active, and this
 * person still one of its mentors; a case that is no longer theirs is refused, the others stored.
 * A suspected relapse, or a case nobody reached two weeks in a row, alerts the officers at once.
 */
async function saveCheckins(tx: Tx, effect: EffectOf<"checkin.save">, person: PersonView, now: Date, ctx: EffectContext): Promise<EffectOutcome> {
  if (!isMentor(person)) return { say: [{ key: "checkin-not-mentor" }], toOfficers: [] };
  const week = displayDate(effect.week);
  const saved: Msg[] = [];
  const refused: string[] = [];
  const toOfficers: Msg[][] = [];
  let alerted = false;
  for (const entry of effect.entries) {
    const found = await caseById(tx, entry.caseId);
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
