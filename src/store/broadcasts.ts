import type { Msg } from "../domain/message.ts";
import type { DbOrTx } from "./client.ts";
import type { Grant } from "../domain/roles.ts";
import { mergeGrants } from "./roles.ts";

import { Audience } from "../domain/broadcast.ts";

export { Audience, MAX_BROADCAST_LENGTH } from "../domain/broadcast.ts";

/** How many people an announcement would reach, for every audience: in all, and per unit id. */
export type AudienceSizes = Record<Audience, { all: number; byUnit: Record<string, number> }>;

/**
 * Whether a person is in an audience. `unitId` null means every unit. A resident who subscribed
 * to every unit (their unitId is null) gets the announcements of each unit.
 */
function inAudience(person: Candidate, audience: Audience, unitId: number | null): boolean {
  // Roles add up: a head who also mentors is in both audiences (of the units of each grant).
  const holds = (role: string) => person.grants.some((g) => g.role === role && (unitId === null || g.unitId === unitId));
  switch (audience) {
    case "heads":
      return holds("head");
    case "mentors":
      return holds("mentor");
    case "residents":
      return person.grants.length === 0 && person.subscribed && (unitId === null || person.unitId === null || person.unitId === unitId);
  }
}

type Candidate = { id: number; unitId: number | null; subscribed: boolean; grants: Grant[] };

/** Everyone who could be in some audience, with what {@link inAudience} looks at. */
async function candidates(db: DbOrTx): Promise<Candidate[]> {
  const rows = await db.person.findMany({
    where: { OR: [{ role: { in: ["head", "mentor"] } }, { subscribed: true }, { grants: { some: { role: { in: ["head", "mentor"] } } } }] },
    select: { id: true, role: true, unitId: true, subscribed: true, grants: { select: { role: true, unitId: true } } },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => ({ id: r.id, unitId: r.unitId, subscribed: r.subscribed, grants: mergeGrants(r.grants, r) }));
}

/** The ids of the people an announcement to `audience` (of one unit, or of all when null) reaches. */
export async function audienceIds(db: DbOrTx, audience: Audience, unitId: number | null): Promise<number[]> {
  return (await candidates(db)).filter((p) => inAudience(p, audience, unitId)).map((p) => p.id);
}

/** How many people an announcement to `audience` (of one unit, or of all when null) reaches. */
export async function countAudience(db: DbOrTx, audience: Audience, unitId: number | null): Promise<number> {
  return (await audienceIds(db, audience, unitId)).length;
}

/**
 * The size of every audience, in all and for each unit, in one read: what an officer's
 * /broadcast shows before they confirm, whichever audience and unit they pick.
 */
export async function audienceSizes(db: DbOrTx): Promise<AudienceSizes> {
  const people = await candidates(db);
  const units = await db.unit.findMany({ select: { id: true } });
  const sizes = {} as AudienceSizes;
  for (const audience of Audience.options) {
    const byUnit: Record<string, number> = {};
    for (const u of units) byUnit[u.id] = people.filter((p) => inAudience(p, audience, u.id)).length;
    sizes[audience] = { all: people.filter((p) => inAudience(p, audience, null)).length, byUnit };
  }
  return sizes;
}

/**
 * Queues one proactive message for one person under an idempotency key: `queueForPerson` of
 * src/outbox/address.ts, passed in so the store does not render messages itself.
 */
export type QueueMessage = (
  db: DbOrTx,
  personId: number,
  message: { say: Msg[] },
  key: string,
  now: Date,
) => Promise<"queued" | "already-queued" | "no-address">;

/** An announcement to send: to whom, of which unit, what, and who sends it. */
export interface NewBroadcast {
  audience: Audience;
  /** one unit, or null for every unit */
  unitId: number | null;
  text: string;
  /** "admin", or "person:<id>" for an officer in chat */
  createdBy: string;
}

/** What sending an announcement did, for the sender to read. */
export interface BroadcastOutcome {
  broadcastId: number;
  /** people in the audience when it was sent */
  audience: number;
  /** messages put in the outbox (the Broadcast row's `recipients`) */
  queued: number;
  /** people no channel can reach: nothing was queued for them */
  unreachable: number;
}

/**
 * Sends an announcement: records a Broadcast and queues one message per person of the audience,
 * keyed `broadcast:<id>:p<personId>` so it is queued once per person whatever repeats. Run it
 * inside a transaction, so the record and its messages commit together; the outbox sends them.
 * The one place both the chat's /broadcast and the admin's `broadcast` go through; the words are
 * the caller's (`broadcastMessage` of src/domain/broadcast.ts), the store renders nothing.
 */
export async function sendBroadcast(db: DbOrTx, input: NewBroadcast, now: Date, queue: QueueMessage, message: { say: Msg[] }): Promise<BroadcastOutcome> {
  const broadcast = await db.broadcast.create({
    data: { audience: input.audience, unitId: input.unitId, text: input.text, createdBy: input.createdBy, createdAt: now },
  });
  const ids = await audienceIds(db, input.audience, input.unitId);
  let queued = 0;
  let unreachable = 0;
  for (const personId of ids) {
    const result = await queue(db, personId, message, `broadcast:${broadcast.id}:p${personId}`, now);
    if (result === "queued") queued++;
    if (result === "no-address") unreachable++;
  }
  await db.broadcast.update({ where: { id: broadcast.id }, data: { recipients: queued } });
  return { broadcastId: broadcast.id, audience: ids.length, queued, unreachable };
}

/** The announcements sent in [start, end): how many, to how many people in all, and how many to each audience. */
export async function broadcastsBetween(db: DbOrTx, start: Date, end: Date): Promise<{ sent: number; recipients: number; byAudience: Record<Audience, number> }> {
  const rows = await db.broadcast.findMany({ where: { createdAt: { gte: start, lt: end } }, select: { audience: true, recipients: true } });
  const byAudience = Object.fromEntries(Audience.options.map((a) => [a, 0])) as Record<Audience, number>;
  for (const r of rows) {
    const audience = Audience.safeParse(r.audience);
    if (audience.success) byAudience[audience.data]++;
  }
  return { sent: rows.length, recipients: rows.reduce((sum, r) => sum + r.recipients, 0), byAudience };
}
