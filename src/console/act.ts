import type { PersonView } from "../domain/person.ts";
import type { Msg } from "../domain/message.ts";
import { notifyOfficers } from "../engine/engine.ts";
import { applyEffect, type Effect } from "../engine/feature.ts";
import { inTransaction } from "../store/client.ts";
import type { ConsoleDeps } from "./deps.ts";

/**
 * Applies an effect from a console form exactly as chat would: the feature's own handler (which
 * checks access again and queues what the other side is owed), the officers' alerts, all in one
 * transaction, then wakes the outbox. Returns what chat would have told the actor, for the page.
 */
export async function actFromConsole(deps: ConsoleDeps, actor: PersonView, effect: Effect, now: Date): Promise<Msg[]> {
  const say = await inTransaction(deps.db, async (tx) => {
    const outcome = await applyEffect(deps.registry, tx, effect, actor, now, deps.effectContext);
    await notifyOfficers(tx, outcome.toOfficers, now);
    return outcome.say;
  });
  deps.onQueued?.();
  return say;
}
