import { randomBytes, randomInt, scryptSync, timingSafeEqual } from "node:crypto";
import { canMoveTip, TIP_LIMITS, TipCategory, TipStatus, type NewTip, type TipView } from "../domain/tips.ts";
import { isolated, type DbOrTx } from "./client.ts";
import { keyring } from "./keyring.ts";
import { dayOf, openTime, sealTime } from "./sealed-time.ts";

const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const randomCode = (n: number) => Array.from({ length: n }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");

/** The tag a sender is counted and blocked by: never their id, never their chat. */
export function tipsterTagOf(personId: number): string {
  return keyring().tag("tipster", String(personId));
}

function hashSecret(secret: string): string {
  const salt = randomBytes(16);
  return `s1:${salt.toString("base64")}:${scryptSync(secret.toUpperCase(), salt, 32).toString("base64")}`;
}

function secretMatches(stored: string, secret: string): boolean {
  const [, salt, hash] = stored.split(":");
  if (!salt || !hash) return false;
  const given = scryptSync(secret.trim().toUpperCase(), Buffer.from(salt, "base64"), 32);
  return timingSafeEqual(given, Buffer.from(hash, "base64"));
}

export type CreatedTip = { ok: true; id: number; code: string; secret: string } | { ok: false; reason: "blocked" | "too-many" };

/**
 * Stores a tip. Refused for a blocked sender, or past the hourly limit (counted by tag, so the
 * limit works without knowing who is counted). The secret is returned once, to show the tipster,
 * and kept only as a hash.
 */
export async function createTip(db: DbOrTx, tip: NewTip, tipsterId: number, now: Date): Promise<CreatedTip> {
  const tipsterTag = tipsterTagOf(tipsterId);
  if (await db.tipBlock.findUnique({ where: { tipsterTag } })) return { ok: false, reason: "blocked" };
  if ((await tipsInLastHour(db, tipsterId, now)) >= TIP_LIMITS.perHour) return { ok: false, reason: "too-many" };
  let code: string;
  do code = `TB-${randomCode(6)}`;
  while (await db.tip.findUnique({ where: { code } }));
  const secret = randomCode(8);
  const seal = (v: string | null) => (v === null ? null : keyring().seal(v));
  const row = await db.tip.create({
    data: {
      code,
      category: tip.category,
      description: tip.description,
      placeText: tip.placeText,
      latitude: tip.location?.latitude ?? null,
      longitude: tip.location?.longitude ?? null,
      whenText: tip.whenText,
      photoRef: tip.photo ? seal(JSON.stringify(tip.photo)) : null,
      anonymous: tip.anonymous,
      contactEnc: tip.anonymous ? null : seal(tip.contact),
      tipsterRef: keyring().seal(String(tipsterId)),
      tipsterTag,
      secretHash: hashSecret(secret),
      createdEnc: sealTime(now),
      // A unit retired while the tipster was typing is dropped: an officer can set it later.
      unitId: tip.unitId != null && (await activeUnitExists(db, tip.unitId)) ? tip.unitId : null,
    },
  });
  return { ok: true, id: row.id, code, secret };
}

/**
 * How many tips this person sent in the hour before `now`: found by tag, timed by opening the
 * sealed times of that person's tips only (a few).
 */
export async function tipsInLastHour(db: DbOrTx, personId: number, now: Date): Promise<number> {
  const rows = await db.tip.findMany({ where: { tipsterTag: tipsterTagOf(personId) }, select: { createdEnc: true }, orderBy: { id: "desc" }, take: 50 });
  return rows.filter((r) => now.getTime() - openTime(r.createdEnc).getTime() < 3600_000).length;
}

type TipRow = NonNullable<Awaited<ReturnType<DbOrTx["tip"]["findUnique"]>>>;

function toView(row: TipRow): TipView {
  return {
    id: row.id,
    code: row.code,
    category: TipCategory.parse(row.category),
    description: row.description,
    placeText: row.placeText,
    location: row.latitude !== null && row.longitude !== null ? { latitude: row.latitude, longitude: row.longitude } : null,
    whenText: row.whenText,
    hasPhoto: row.photoRef !== null,
    anonymous: row.anonymous,
    contact: row.contactEnc ? keyring().open(row.contactEnc) : null,
    status: TipStatus.parse(row.status),
    rewarded: row.rewardedAt !== null,
    createdAt: openTime(row.createdEnc),
    unitId: row.unitId,
  };
}

export async function tipByCode(db: DbOrTx, code: string): Promise<TipView | null> {
  const row = await db.tip.findUnique({ where: { code } });
  return row ? toView(row) : null;
}

/**
 * The photo a tip carries, as its channel stored it (`{ channel, fileId }`), opened; null when
 * there is none. For fetching the image (the console's tip page), never for showing.
 */
export async function tipPhotoRef(db: DbOrTx, code: string): Promise<{ channel: string; fileId: string } | null> {
  const row = await db.tip.findUnique({ where: { code }, select: { photoRef: true } });
  if (!row?.photoRef) return null;
  const ref = JSON.parse(keyring().open(row.photoRef)) as { channel?: unknown; fileId?: unknown };
  return typeof ref.channel === "string" && typeof ref.fileId === "string" ? { channel: ref.channel, fileId: ref.fileId } : null;
}

/** Whether `personId` sent this tip: compared by tag, so nothing is decrypted to answer. */
export async function isTipster(db: DbOrTx, code: string, personId: number): Promise<boolean> {
  const row = await db.tip.findUnique({ where: { code }, select: { tipsterTag: true } });
  return row?.tipsterTag != null && row.tipsterTag === tipsterTagOf(personId);
}

/**
 * The person to deliver a message to; only the delivery path may call this. Null once the tip's
 * link to its sender has been erased (see {@link forgetTipsters}).
 */
export async function tipsterOf(db: DbOrTx, code: string): Promise<number | null> {
  const row = await db.tip.findUnique({ where: { code }, select: { tipsterRef: true } });
  return row?.tipsterRef ? Number(keyring().open(row.tipsterRef)) : null;
}

export async function openTips(db: DbOrTx): Promise<TipView[]> {
  const rows = await db.tip.findMany({ where: { status: { in: ["new", "checking"] } }, orderBy: { id: "asc" } });
  return rows.map(toView);
}

export type MoveOutcome = { ok: true; from: TipStatus } | { ok: false; reason: "unknown" | "not-allowed"; from?: TipStatus };

export async function moveTip(db: DbOrTx, code: string, to: TipStatus, officerId: number, now: Date): Promise<MoveOutcome> {
  const row = await db.tip.findUnique({ where: { code } });
  if (!row) return { ok: false, reason: "unknown" };
  const from = TipStatus.parse(row.status);
  if (!canMoveTip(from, to)) return { ok: false, reason: "not-allowed", from };
  await db.tip.update({ where: { id: row.id }, data: { status: to } });
  await db.tipStatusChange.create({ data: { tipId: row.id, fromStatus: from, toStatus: to, officerId, at: now } });
  return { ok: true, from };
}

/** Records an officer's question; the caller delivers it to the tipster. */
export async function addQuestion(db: DbOrTx, tipId: number, text: string, officerId: number, now: Date): Promise<void> {
  await db.tipMessage.create({ data: { tipId, kind: "question", text, officerId, createdEnc: sealTime(now) } });
}

/** The tipster's tips with a question not yet answered, newest first. */
export async function openQuestionsFor(db: DbOrTx, personId: number) {
  return db.tipMessage.findMany({
    where: { kind: "question", answered: false, tip: { tipsterTag: tipsterTagOf(personId) } },
    orderBy: { id: "desc" },
    include: { tip: { select: { code: true } } },
  });
}

/** Records the tipster's answer to a tip's open questions. */
export async function addAnswer(db: DbOrTx, tipId: number, text: string, now: Date): Promise<void> {
  await db.tipMessage.updateMany({ where: { tipId, kind: "question", answered: false }, data: { answered: true } });
  await db.tipMessage.create({ data: { tipId, kind: "answer", text, createdEnc: sealTime(now) } });
}

export async function tipMessages(db: DbOrTx, tipId: number) {
  const rows = await db.tipMessage.findMany({ where: { tipId }, orderBy: { id: "asc" }, select: { kind: true, text: true, createdEnc: true } });
  return rows.map((r) => ({ kind: r.kind, text: r.text, createdAt: openTime(r.createdEnc) }));
}

/** Stops the sender of a tip from tipping again; the officer learns nothing of who it is. */
export async function blockTipster(db: DbOrTx, code: string, officerId: number, now: Date): Promise<boolean> {
  const row = await db.tip.findUnique({ where: { code }, select: { tipsterTag: true } });
  if (!row?.tipsterTag) return false;
  await db.tipBlock.upsert({ where: { tipsterTag: row.tipsterTag }, create: { tipsterTag: row.tipsterTag, blockedById: officerId, createdAt: now }, update: {} });
  return true;
}

export async function isBlocked(db: DbOrTx, personId: number): Promise<boolean> {
  return (await db.tipBlock.findUnique({ where: { tipsterTag: tipsterTagOf(personId) } })) !== null;
}

export async function markRewarded(db: DbOrTx, code: string, now: Date): Promise<boolean> {
  return (await db.tip.updateMany({ where: { code, rewardedAt: null }, data: { rewardedAt: now } })).count === 1;
}

/** The reward proof: the code and the secret only the tipster was shown. */
export async function verifyTipSecret(db: DbOrTx, code: string, secret: string): Promise<boolean> {
  const row = await db.tip.findUnique({ where: { code }, select: { secretHash: true } });
  return row ? secretMatches(row.secretHash, secret) : false;
}

/**
 * Erases the link between closed tips and their senders once nothing more can pass between them:
 * the tip is handled or unfounded, and its last status change and its last question or answer
 * are older than `retentionDays`. The sealed sender and its tag go, a named tipster's contact
 * goes, and the tip's and its messages' sealed times are cut to the day, so that not even the
 * holder of DATA_KEY can line them up with the sender's own traces. Returns the codes forgotten.
 */
export async function forgetTipsters(db: DbOrTx, now: Date, retentionDays: number): Promise<string[]> {
  const before = now.getTime() - retentionDays * 24 * 3600_000;
  const closed = await db.tip.findMany({
    where: { purgedAt: null, status: { in: ["handled", "unfounded"] } },
    select: { id: true, code: true, createdEnc: true, changes: { select: { at: true } }, messages: { select: { id: true, createdEnc: true } } },
  });
  const forgotten: string[] = [];
  for (const tip of closed) {
    const times = [...tip.changes.map((c) => c.at.getTime()), ...tip.messages.map((m) => openTime(m.createdEnc).getTime())];
    if (times.some((t) => t >= before)) continue;
    // One tip at a time, all of it or none: a tip half forgotten would keep a precise time.
    await isolated(db, async (tx) => {
      for (const m of tip.messages) {
        await tx.tipMessage.update({ where: { id: m.id }, data: { createdEnc: sealTime(dayOf(openTime(m.createdEnc))) } });
      }
      await tx.tip.update({
        where: { id: tip.id },
        data: { tipsterRef: null, tipsterTag: null, contactEnc: null, createdEnc: sealTime(dayOf(openTime(tip.createdEnc))), purgedAt: dayOf(now) },
      });
    });
    forgotten.push(tip.code);
  }
  return forgotten;
}

/** How many tips were received in a span, by category and by status: counts, never a tip's time. */
export interface TipCounts {
  total: number;
  byCategory: Record<TipCategory, number>;
  byStatus: Record<TipStatus, number>;
  /** tips whose sealed time could not be opened (no or another DATA_KEY): not placed in any span */
  undated: number;
}

/**
 * Counts the tips received in [start, end). A tip's time is sealed, so each is opened here and
 * only the counts leave the store. Without the key a sealed time cannot be read: such tips are
 * counted in `undated` (the report says so) instead of failing the whole report.
 */
export async function countTipsBetween(db: DbOrTx, start: Date, end: Date): Promise<TipCounts> {
  const rows = await db.tip.findMany({ select: { category: true, status: true, createdEnc: true } });
  const counts: TipCounts = {
    total: 0,
    byCategory: Object.fromEntries(TipCategory.options.map((c) => [c, 0])) as Record<TipCategory, number>,
    byStatus: Object.fromEntries(TipStatus.options.map((s) => [s, 0])) as Record<TipStatus, number>,
    undated: 0,
  };
  for (const row of rows) {
    let at: Date;
    try {
      at = openTime(row.createdEnc);
    } catch {
      counts.undated++;
      continue;
    }
    if (at < start || at >= end) continue;
    counts.total++;
    counts.byCategory[TipCategory.parse(row.category)]++;
    counts.byStatus[TipStatus.parse(row.status)]++;
  }
  return counts;
}

/**
 * The officers' queue in the console: every tip, or those of one status and category, newest
 * first by id. Never ordered by time: a tip's time is sealed, and the id's order is all a page needs.
 */
export async function tipQueue(db: DbOrTx, filter: { status?: TipStatus; category?: TipCategory } = {}, limit = 200): Promise<TipView[]> {
  const rows = await db.tip.findMany({
    where: { ...(filter.status ? { status: filter.status } : {}), ...(filter.category ? { category: filter.category } : {}) },
    orderBy: { id: "desc" },
    take: limit,
  });
  return rows.map(toView);
}

/** A tip's status changes, oldest first: officers' actions (pages show their day only, as for every tip time). */
export async function tipStatusChanges(db: DbOrTx, tipId: number): Promise<{ from: TipStatus; to: TipStatus; at: Date }[]> {
  const rows = await db.tipStatusChange.findMany({ where: { tipId }, orderBy: { id: "asc" }, select: { fromStatus: true, toStatus: true, at: true } });
  return rows.map((r) => ({ from: TipStatus.parse(r.fromStatus), to: TipStatus.parse(r.toStatus), at: r.at }));
}

async function activeUnitExists(db: DbOrTx, unitId: number): Promise<boolean> {
  return (await db.unit.count({ where: { id: unitId, retiredAt: null } })) > 0;
}

/**
 * Sets (or clears, with null) the neighbourhood where a tip happened. Refused when the tip is
 * unknown or the unit does not exist or is retired; the caller has checked the officer.
 */
export async function setTipUnit(db: DbOrTx, code: string, unitId: number | null): Promise<"ok" | "unknown-tip" | "unknown-unit"> {
  if (unitId !== null && !(await activeUnitExists(db, unitId))) return "unknown-unit";
  const { count } = await db.tip.updateMany({ where: { code }, data: { unitId } });
  return count ? "ok" : "unknown-tip";
}

/** A unit's tips counted by status and by category: counts only, never a tip's content, code or time. */
export interface UnitTipCounts {
  total: number;
  byStatus: Record<TipStatus, number>;
  byCategory: Record<TipCategory, number>;
}

/** Counts the tips placed in one unit (all of them, whatever their time: a time is sealed and never read here). */
export async function countTipsOfUnit(db: DbOrTx, unitId: number): Promise<UnitTipCounts> {
  const rows = await db.tip.groupBy({ by: ["status", "category"], where: { unitId }, _count: { _all: true } });
  const counts: UnitTipCounts = {
    total: 0,
    byStatus: Object.fromEntries(TipStatus.options.map((s) => [s, 0])) as Record<TipStatus, number>,
    byCategory: Object.fromEntries(TipCategory.options.map((c) => [c, 0])) as Record<TipCategory, number>,
  };
  for (const r of rows) {
    counts.total += r._count._all;
    counts.byStatus[TipStatus.parse(r.status)] += r._count._all;
    counts.byCategory[TipCategory.parse(r.category)] += r._count._all;
  }
  return counts;
}
