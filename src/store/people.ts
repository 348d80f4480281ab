import { Lang, Role, type Channel, type Grant } from "../domain/roles.ts";
import { windowOpen } from "../domain/channels.ts";
import type { PersonView } from "../domain/person.ts";
import { isolated, type DbOrTx } from "./client.ts";
import { chatTag, keyring, userTag } from "./keyring.ts";
import { openTime, sealTime } from "./sealed-time.ts";
import { addGrant, holdersOf, mergeGrants } from "./roles.ts";

type PersonRow = { id: number; role: string; unitId: number | null; lang: string; grants: { role: string; unitId: number | null }[] };

/** A Person row (with its grants) as the rules see it: every role, the highest leading. */
export function toPersonView(row: PersonRow): PersonView {
  const grants = mergeGrants(row.grants, row);
  const headOf = grants.filter((g) => g.role === "head" && g.unitId !== null).map((g) => g.unitId!).sort((a, b) => a - b);
  const role: Role = grants[0]?.role ?? "resident";
  return { id: row.id, role, unitId: row.unitId, lang: Lang.parse(row.lang), grants, headOf };
}

/** A person as the rules see them, or null when there is no such person. */
export async function personView(db: DbOrTx, personId: number): Promise<PersonView | null> {
  const row = await db.person.findUnique({ where: { id: personId }, include: { grants: true } });
  return row ? toPersonView(row) : null;
}

/** A person's language, or null when there is no such person; cheaper than `personView` for queueing one message. */
export async function personLang(db: DbOrTx, personId: number): Promise<Lang | null> {
  const row = await db.person.findUnique({ where: { id: personId }, select: { lang: true } });
  return row ? Lang.parse(row.lang) : null;
}

/** A person's address on a channel. */
export interface Address {
  channel: Channel;
  chatId: string;
}

/**
 * The person behind a channel identity, created as a resident the first time they write.
 * Writing to us also makes them reachable again on that channel.
 */
export async function touchIdentity(
  db: DbOrTx,
  input: { channel: Channel; externalUserId: string; chatId: string },
  now: Date,
): Promise<{ person: PersonView; address: Address; created: boolean }> {
  const address = { channel: input.channel, chatId: input.chatId };
  const sealed = { chatId: keyring().seal(input.chatId), chatTag: chatTag(input.channel, input.chatId) };
  const where = { channel_externalId: { channel: input.channel, externalId: userTag(input.channel, input.externalUserId) } };
  const existing = await db.channelIdentity.findUnique({ where, include: { person: { include: { grants: true } } } });
  if (existing) {
    await db.channelIdentity.update({
      where: { id: existing.id },
      data: { ...(existing.chatTag === sealed.chatTag ? {} : sealed), lastInboundEnc: sealTime(now), unreachable: false, unreachableReason: null },
    });
    return { person: toPersonView(existing.person), address, created: false };
  }
  const person = await db.person.create({
    data: { identities: { create: { channel: input.channel, externalId: where.channel_externalId.externalId, ...sealed, lastInboundEnc: sealTime(now) } } },
    include: { grants: true },
  });
  return { person: toPersonView(person), address, created: true };
}

export async function setLang(db: DbOrTx, personId: number, lang: Lang): Promise<void> {
  await db.person.update({ where: { id: personId }, data: { lang } });
}

/** Adds a role to the ones a person holds (roles add up; see `store/roles.ts`). */
export async function setRole(db: DbOrTx, personId: number, grant: Grant, grantedBy: string, now: Date): Promise<"added" | "held"> {
  return addGrant(db, personId, grant, grantedBy, now);
}

/**
 * Where to reach a person proactively: among the channels not marked unreachable, the one they
 * wrote from last whose delivery window is still open at `now` (a Zalo chat silent for two days
 * is skipped for their Telegram chat). `except` leaves out a channel that just refused.
 */
export async function preferredAddress(
  db: DbOrTx,
  personId: number,
  now: Date,
  options: { except?: Channel } = {},
): Promise<Address | null> {
  const rows = await db.channelIdentity.findMany({
    where: { personId, unreachable: false, ...(options.except ? { channel: { not: options.except } } : {}) },
    orderBy: { id: "desc" },
  });
  // Sealed (a clear time would match an anonymous tip's), so sorted here: a person has few.
  const identities = rows
    .map((i) => ({ ...i, lastInboundAt: i.lastInboundEnc ? openTime(i.lastInboundEnc) : null }))
    .sort((a, b) => (b.lastInboundAt?.getTime() ?? -Infinity) - (a.lastInboundAt?.getTime() ?? -Infinity));
  const open = identities.find((i) => windowOpen(i.channel as Channel, i.lastInboundAt, now));
  return open ? { channel: open.channel as Channel, chatId: keyring().open(open.chatId) } : null;
}

/** People holding a role (optionally for one unit), once each, with their language and every role. */
export async function peopleWithRole(db: DbOrTx, role: Role, unitId?: number): Promise<PersonView[]> {
  if (role === "resident") {
    const rows = await db.person.findMany({ where: { role, ...(unitId !== undefined ? { unitId } : {}) }, orderBy: { id: "asc" }, include: { grants: true } });
    return rows.map(toPersonView);
  }
  const ids = [...new Set((await holdersOf(db, role, unitId)).map((h) => h.personId))];
  const rows = await db.person.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" }, include: { grants: true } });
  return rows.map(toPersonView);
}

/** The channel told us this chat cannot be reached (blocked the bot, deleted the account). */
export async function markUnreachable(db: DbOrTx, address: Address, reason: string): Promise<void> {
  return isolated(db, async (tx) => {
    await tx.channelIdentity.updateMany({
      where: { channel: address.channel, chatTag: chatTag(address.channel, address.chatId) },
      data: { unreachable: true, unreachableReason: reason.slice(0, 200) },
    });
  });
}

/** A proactive prompt was queued: the person's next reply that is not a command starts `flow`. */
export async function setPendingFlow(db: DbOrTx, personId: number, flow: string): Promise<void> {
  await db.person.update({ where: { id: personId }, data: { pendingFlow: flow } });
}

/**
 * The flow a proactive prompt invited this person into, cleared as it is read: the first reply
 * after a prompt starts it, once.
 */
export async function takePendingFlow(db: DbOrTx, personId: number): Promise<string | null> {
  const person = await db.person.findUnique({ where: { id: personId }, select: { pendingFlow: true } });
  if (!person?.pendingFlow) return null;
  await db.person.update({ where: { id: personId }, data: { pendingFlow: null } });
  return person.pendingFlow;
}

export async function clearPendingFlow(db: DbOrTx, personId: number): Promise<void> {
  await db.person.updateMany({ where: { id: personId, pendingFlow: { not: null } }, data: { pendingFlow: null } });
}

/**
 * A resident asks for the announcements of one unit (which becomes their unit), or of every unit
 * (`unitId` null). Asking again replaces the choice.
 */
export async function subscribe(db: DbOrTx, personId: number, unitId: number | null): Promise<void> {
  await db.person.update({ where: { id: personId }, data: { subscribed: true, unitId } });
}

/** Stops a person's announcements; false when they were not subscribed. Their unit is kept. */
export async function unsubscribe(db: DbOrTx, personId: number): Promise<boolean> {
  return (await db.person.updateMany({ where: { id: personId, subscribed: true }, data: { subscribed: false } })).count === 1;
}
