import { canManageCases } from "../../src/domain/access.ts";
import { caseStatusMsg, type CaseStatus } from "../../src/domain/cases.ts";
import { displayDate } from "../../src/domain/time.ts";
import type { Msg } from "../../src/engine/types.ts";
import type { Feature } from "../../src/engine/feature.ts";
import { CaseExistsError, caseByCode, openCase, setCaseStatus } from "../../src/store/cases.ts";
import { unitById } from "../../src/store/units.ts";
import { newInvite, sealer } from "../effect-kit.ts";

declare module "../../src/engine/feature.ts" {
  interface Effects {
    /** an officer opens a rehab case (the name, when given, is sealed as it is stored) and gets a mentor invite for it */
    "case.open": { code: string; unitId: number; startDate: string; endDate: string | null; name: string | null };
    /** an officer asks for one more mentor invite for a case */
    "case.invite": { code: string };
    /** an officer changes a case's status */
    "case.status": { code: string; status: CaseStatus };
  }
}

/** How the cases feature's effects are applied. */
export const effects: Feature["effects"] = {
  "case.open": async (tx, effect, person, now, ctx) => {
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
  },
  "case.invite": async (tx, effect, person, now, ctx) => {
    if (!canManageCases(person)) return { say: [{ key: "not-allowed" }], toOfficers: [] };
    const found = await caseByCode(tx, effect.code);
    if (!found) return { say: [{ key: "case-unknown", args: { code: effect.code } }], toOfficers: [] };
    if (found.status !== "active") return { say: [{ key: "case-invite-inactive", args: { code: found.code, status: caseStatusMsg(found.status) } }], toOfficers: [] };
    const { code: invite, until } = await newInvite(tx, { role: "mentor", unitId: found.unitId, caseId: found.id, createdBy: `person:${person.id}` }, now, ctx);
    return { say: [{ key: "case-invite-created", args: { code: found.code, invite, until } }], toOfficers: [] };
  },
  "case.status": async (tx, effect, person, now, ctx) => {
    if (!canManageCases(person)) return { say: [{ key: "not-allowed" }], toOfficers: [] };
    const found = await caseByCode(tx, effect.code);
    if (!found) return { say: [{ key: "case-unknown", args: { code: effect.code } }], toOfficers: [] };
    const changed = await setCaseStatus(tx, found.id, effect.status, person.id, now);
    if (changed === "same") return { say: [{ key: "case-status-same", args: { code: found.code, status: caseStatusMsg(effect.status) } }], toOfficers: [] };
    return {
      say: [{ key: "case-status-done", args: { code: found.code, from: caseStatusMsg(changed.from), to: caseStatusMsg(changed.to) } }],
      toOfficers: [],
    };
  },
};
