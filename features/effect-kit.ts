import type { Msg } from "../src/domain/message.ts";
import { Lang, type Grant } from "../src/domain/roles.ts";
import { displayDateTime } from "../src/domain/time.ts";
import type { EffectContext, EffectOutcome } from "../src/engine/feature.ts";
import { renderPrompt } from "../src/i18n.ts";
import { sealerFor, type Sealer } from "../src/store/cases.ts";
import type { Tx } from "../src/store/client.ts";
import { createInvite, inviteExpiry } from "../src/store/invites.ts";
import { enqueue } from "../src/store/outbox.ts";
import type { Address } from "../src/store/people.ts";
import { unitById } from "../src/store/units.ts";

/** What several features' effects share: words back, invites, lists of grants, sealing. */

/** An outcome that only says something to the person. */
export const said = (...say: Msg[]): EffectOutcome => ({ say, toOfficers: [] });

/** One counter per person for every kind of code they type (invite or link). */
export const guessKey = (personId: number) => `code:${personId}`;

/** A new invite's code and the words saying until when it works. */
export async function newInvite(tx: Tx, input: Omit<Parameters<typeof createInvite>[1], "expiresAt">, now: Date, ctx: EffectContext) {
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
export async function tellAt(tx: Tx, to: Address, personId: number, lang: string, say: Msg[], now: Date) {
  await enqueue(tx, { channel: to.channel, chatId: to.chatId, personId, payload: renderPrompt(Lang.parse(lang), { say: [] }, say) }, now);
}

/** The sealer of the configured DATA_KEY; storing a name or a note without one is a setup error. */
export function sealer(ctx: EffectContext, call: string): Sealer {
  if (!ctx.dataKey) throw new Error(`${call}: no DATA_KEY to encrypt names and notes with`);
  return sealerFor(ctx.dataKey);
}
