import Database from "better-sqlite3";
import { recordSimulatorMessage, simulatorMessages } from "../../src/store/simulator.ts";
import { expect } from "vitest";
import { caseCheckins, caseName, openCase, saveCheckin, sealerFor } from "../../src/store/cases.ts";
import type { Db } from "../../src/store/client.ts";
import { encryptFieldV1, keyId, sealedKeyId } from "../../src/store/crypto.ts";
import { checkDataKey } from "../../src/store/key-check.ts";
import { chatTag, keyring, TAG_INPUTS, useDataKey } from "../../src/store/keyring.ts";
import { getConversation, saveConversation } from "../../src/store/conversations.ts";
import { openPayload, pendingInbound, recordInbound } from "../../src/store/inbox.ts";
import { dueMessages, enqueue } from "../../src/store/outbox.ts";
import { preferredAddress, touchIdentity } from "../../src/store/people.ts";
import { blockTipster, createTip, isBlocked, tipByCode, tipsterOf } from "../../src/store/tips.ts";
import { addUnit } from "../../src/store/units.ts";
import { readZaloTokens, seedZaloTokens } from "../../src/store/zalo-tokens.ts";
import { addPerson, queuedTexts } from "./people.ts";

/**
 * A database with something in every sealed and tagged column (src/store/sealed-columns.ts), as
 * the store writes it under `key`, for the key rotation tests; {@link expectAllUnder} then reads
 * all of it back through the store under another key.
 */

const NOW = new Date("2026-11-20T03:00:00Z");
const ZALO_USER = "4401234567890";
const INBOUND = { channel: "zalo", externalUserId: ZALO_USER, chatId: ZALO_USER, messageId: "msg-1", content: { kind: "text", text: "xin chào" } };

export interface Fixture {
  officer: { id: number; chatId: string };
  resident: number;
  blocked: number;
  tipCode: string;
  caseId: number;
  legacyCaseId: number;
}

/** Fills `db` under `key` (already the loaded key), the check value included. */
export async function seedSealedData(db: Db, key: string): Promise<Fixture> {
  useDataKey(key);
  await checkDataKey(db, key);
  const unit = await addUnit(db, { name: "Khu phố 1", households: 100, classification: "clean" });
  const officer = await addPerson(db, { role: "officer", channel: "telegram", chatId: "700100" });
  const { person: resident } = await touchIdentity(db, { channel: "zalo", externalUserId: ZALO_USER, chatId: ZALO_USER }, NOW);
  const other = await addPerson(db, { role: "resident", channel: "simulator", chatId: "sim-9" });
  const tip = { category: "dealing", placeText: "hẻm 5", location: null, whenText: "tối qua" } as const;
  const made = await createTip(
    db,
    { ...tip, description: "Có người bán ma túy ở hẻm 5", photo: { channel: "zalo", fileId: "PHOTO-1" }, anonymous: false, contact: "0909 123 456" },
    resident.id,
    NOW,
  );
  const spam = await createTip(db, { ...tip, description: "Tin rác", photo: null, anonymous: true, contact: null }, other.id, NOW);
  if (!made.ok || !spam.ok) throw new Error("seed: tips refused");
  await blockTipster(db, spam.code, officer.id, NOW);
  const rehab = await openCase(db, { code: "C1", unitId: unit.id, name: "Nguyễn Văn Ánh", startDate: "2026-01-05", endDate: null }, sealerFor(key));
  const legacy = await openCase(db, { code: "C2", unitId: unit.id, name: null, startDate: "2026-01-05", endDate: null }, null);
  // A name sealed before key ids existed (the v1 form).
  await db.rehabCase.update({ where: { id: legacy.id }, data: { nameEnc: encryptFieldV1("Trần Thị Bình", key) } });
  await saveCheckin(
    db,
    { entry: { caseId: rehab.id, code: "C1", contacted: true, method: "in_person", state: "stable", note: "gặp tại nhà, ổn định" }, mentorId: officer.id, week: "2026-11-16", now: NOW },
    sealerFor(key),
  );
  await enqueue(db, { channel: "telegram", chatId: officer.chatId, personId: officer.id, payload: { text: "Tin báo mới TB-1" } }, NOW);
  // A question waiting for a tip's sender: under a chat tag of its own (one per tip), its route sealed.
  await enqueue(db, { channel: "zalo", chatId: ZALO_USER, personId: resident.id, payload: { text: "Có mấy người?" }, tipster: { code: made.code, personId: resident.id } }, NOW);
  // What the simulator showed a trial chat.
  await recordSimulatorMessage(db, "bac-tam", { text: "Xin chào" }, NOW);
  await recordInbound(db, {
    channel: "zalo",
    externalId: keyring().tag(...TAG_INPUTS.update("zalo", INBOUND.messageId)),
    chatKey: `zalo:${chatTag("zalo", ZALO_USER)}`,
    payload: INBOUND,
    now: NOW,
  });
  await saveConversation(db, resident.id, { flow: "tip", step: "place", data: { description: "ma túy ở hẻm 5" } }, NOW);
  await seedZaloTokens(db, key, { accessToken: "ACCESS-TOKEN-1", refreshToken: "REFRESH-TOKEN-1", expiresAt: NOW });
  return { officer, resident: resident.id, blocked: other.id, tipCode: made.code, caseId: rehab.id, legacyCaseId: legacy.id };
}

/** Every text value of every table of the file that is sealed, with where it is and its key id. */
export function sealedValues(file: string): { at: string; kid: string }[] {
  const db = new Database(file, { readonly: true });
  try {
    const found: { at: string; kid: string }[] = [];
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[];
    for (const { name } of tables) {
      for (const row of db.prepare(`SELECT rowid AS _r, * FROM "${name}"`).all() as Record<string, unknown>[]) {
        for (const [column, value] of Object.entries(row)) {
          const kid = typeof value === "string" ? sealedKeyId(value) : null;
          if (kid) found.push({ at: `${name}.${column}#${String(row._r)}`, kid });
        }
      }
    }
    return found;
  } finally {
    db.close();
  }
}

/** Reads everything of the fixture back through the store under `key` (loaded here). */
export async function expectAllUnder(db: Db, file: string, key: string, f: Fixture): Promise<void> {
  useDataKey(key);
  expect(await checkDataKey(db, key)).toBe("verified");
  // No value anywhere (registered or not) is left under another key.
  const sealed = sealedValues(file);
  expect(sealed.length).toBeGreaterThan(10);
  expect(sealed.filter((s) => s.kid !== keyId(key))).toEqual([]);
  // People are recognised when they write again, and reached.
  const again = await touchIdentity(db, { channel: "telegram", externalUserId: f.officer.chatId, chatId: f.officer.chatId }, NOW);
  expect(again).toMatchObject({ created: false, person: { id: f.officer.id } });
  expect((await touchIdentity(db, { channel: "zalo", externalUserId: ZALO_USER, chatId: ZALO_USER }, NOW)).person.id).toBe(f.resident);
  expect(await preferredAddress(db, f.officer.id, NOW)).toEqual({ channel: "telegram", chatId: f.officer.chatId });
  // The queued message, found by its chat's tag, and sent to the right chat.
  expect(await queuedTexts(db, { channel: "telegram", chatId: f.officer.chatId })).toEqual(["Tin báo mới TB-1"]);
  expect((await dueMessages(db, NOW, 10)).rows.map((m) => [m.chatId, (m.payload as { text: string }).text, m.tipster?.code ?? null])).toEqual([
    [f.officer.chatId, "Tin báo mới TB-1", null],
    [ZALO_USER, "Có mấy người?", f.tipCode],
  ]);
  // Re-tagged per tip, not as the tipster's chat: still nothing groups it with their other messages.
  expect(await db.outboxMessage.count({ where: { chatId: chatTag("zalo", ZALO_USER) } })).toBe(0);
  expect((await simulatorMessages(db, "bac-tam", 0)).length).toBe(0);
  // The pending update: readable, in its chat's queue, and a redelivery is still recognised.
  const [pending] = await pendingInbound(db);
  expect(pending).toMatchObject({ chatKey: `zalo:${chatTag("zalo", ZALO_USER)}` });
  expect(openPayload((await db.inboundUpdate.findUniqueOrThrow({ where: { id: pending!.id } })).payload)).toEqual(INBOUND);
  const redelivered = await recordInbound(db, {
    channel: "zalo",
    externalId: keyring().tag(...TAG_INPUTS.update("zalo", INBOUND.messageId)),
    chatKey: pending!.chatKey,
    payload: INBOUND,
    now: NOW,
  });
  expect(redelivered).toEqual({ duplicate: true });
  // Tips: the tipster is reachable, their contact and photo readable, the blocked sender blocked.
  expect(await tipsterOf(db, f.tipCode)).toBe(f.resident);
  expect(await tipByCode(db, f.tipCode)).toMatchObject({ contact: "0909 123 456" });
  expect(await isBlocked(db, f.blocked)).toBe(true);
  expect(await isBlocked(db, f.resident)).toBe(false);
  const tipRow = await db.tip.findUniqueOrThrow({ where: { code: f.tipCode } });
  expect(JSON.parse(keyring().open(tipRow.photoRef!))).toEqual({ channel: "zalo", fileId: "PHOTO-1" });
  // Cases, check-in notes, the conversation under way, the Zalo tokens.
  expect(await caseName(db, f.caseId, sealerFor(key))).toBe("Nguyễn Văn Ánh");
  expect(await caseName(db, f.legacyCaseId, sealerFor(key))).toBe("Trần Thị Bình");
  expect((await caseCheckins(db, f.caseId, 10, sealerFor(key)))[0]).toMatchObject({ note: "gặp tại nhà, ổn định" });
  expect(await getConversation(db, f.resident)).toEqual({ flow: "tip", step: "place", data: { description: "ma túy ở hẻm 5" } });
  expect(await readZaloTokens(db, key)).toMatchObject({ accessToken: "ACCESS-TOKEN-1", refreshToken: "REFRESH-TOKEN-1" });
}
