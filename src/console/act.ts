import type { PersonView } from "../domain/person.ts";
import type { Msg } from "../domain/message.ts";
import { notifyOfficers } from "../engine/engine.ts";
import { applyEffect, type Effect } from "../engine/feature.ts";
import { inTransaction } from "../store/client.ts";
import { recordConsoleChange } from "../store/console-changes.ts";
import type { ConsoleDeps } from "./deps.ts";

/** What an effect was about, in short: its fields but the type, long texts cut. */
function subjectOf(effect: Effect): string {
  const { type: _, ...rest } = effect as { type: string } & Record<string, unknown>;
  return Object.entries(rest)
    .map(([k, v]) => `${k}=${typeof v === "string" && v.length > 60 ? `${v.slice(0, 60)}…` : JSON.stringify(v)}`)
    .join(" ");
}

/**
 * Applies an effect from a console form exactly as chat would: the feature's own handler (which
 * checks access again and queues what the other side is owed), the officers' alerts, all in one
 * transaction, then wakes the outbox. Returns what chat would have told the actor, for the page.
 */
export async function actFromConsole(deps: ConsoleDeps, actor: PersonView, effect: Effect, now: Date): Promise<Msg[]> {
  const say = await inTransaction(deps.db, async (tx) => {
    const outcome = await applyEffect(deps.registry, tx, effect, actor, now, deps.effectContext);
    await notifyOfficers(tx, outcome.toOfficers, now);
    // Who changed what from the console, kept with the change itself (read at /console/admin/changes).
    await recordConsoleChange(tx, { at: now, personId: actor.id, action: effect.type, subject: subjectOf(effect) });
    return outcome.say;
  });
  deps.onQueued?.();
  return say;
}
