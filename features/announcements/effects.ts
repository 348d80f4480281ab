import { isOfficer } from "../../src/domain/access.ts";
import { broadcastMessage } from "../../src/domain/broadcast.ts";
import type { Feature } from "../../src/engine/feature.ts";
import { queueBulkForPerson } from "../../src/outbox/address.ts";
import { sendBroadcast, type Audience } from "../../src/store/broadcasts.ts";
import { subscribe, unsubscribe } from "../../src/store/people.ts";
import { unitById } from "../../src/store/units.ts";

declare module "../../src/engine/feature.ts" {
  interface Effects {
    /** a resident asks for the announcements of one unit, or of every unit (null) */
    "subscription.set": { unitId: number | null };
    "subscription.clear": {};
    /** an officer's announcement, queued for every person of the audience */
    "broadcast.send": { audience: Audience; unitId: number | null; text: string };
  }
}

/** How the announcements feature's effects are applied. */
export const effects: Feature["effects"] = {
  "subscription.set": async (tx, effect, person, now, ctx) => {
    // Heads, mentors and officers get their role's announcements without asking.
    if (person.role !== "resident") {
      return { say: [{ key: "subscribe-not-needed", args: { role: { key: `role-${person.role}` } } }], toOfficers: [] };
    }
    const unit = effect.unitId === null ? null : await unitById(tx, effect.unitId);
    if (effect.unitId !== null && !unit) return { say: [{ key: "subscribe-unit-gone" }], toOfficers: [] };
    await subscribe(tx, person.id, unit?.id ?? null);
    return { say: [unit ? { key: "subscribe-done-unit", args: { unit: unit.name } } : { key: "subscribe-done-all" }], toOfficers: [] };
  },
  "subscription.clear": async (tx, effect, person, now, ctx) => {
    const was = await unsubscribe(tx, person.id);
    return { say: [{ key: was ? "unsubscribe-done" : "unsubscribe-not-subscribed" }], toOfficers: [] };
  },
  "broadcast.send": async (tx, effect, person, now, ctx) => {
    if (!isOfficer(person)) return { say: [{ key: "not-allowed" }], toOfficers: [] };
    const unit = effect.unitId === null ? null : await unitById(tx, effect.unitId);
    if (effect.unitId !== null && !unit) return { say: [{ key: "broadcast-unit-gone" }], toOfficers: [] };
    const sent = await sendBroadcast(
      tx,
      { audience: effect.audience, unitId: effect.unitId, text: effect.text, createdBy: `person:${person.id}` },
      now,
      queueBulkForPerson,
      { say: [broadcastMessage(effect.text)] },
    );
    return { say: [{ key: "broadcast-sent", args: { queued: sent.queued, unreachable: sent.unreachable } }], toOfficers: [] };
  },
};
