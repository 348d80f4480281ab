import { afterEach, describe, expect, it } from "vitest";
import { redeemInvite, createInvite, inviteExpiry } from "../../src/store/invites.ts";
import { recordInbound } from "../../src/store/inbox.ts";
import { enqueue, dueMessages } from "../../src/store/outbox.ts";
import { addUnit, unitByName, UnitExistsError } from "../../src/store/units.ts";
import { freshDb } from "../support/db.ts";
import { openDb } from "../../src/store/client.ts";

describe("store", () => {
  let cleanup: () => Promise<void> = async () => {};
  afterEach(() => cleanup());

  it("runs SQLite in WAL mode", async () => {
    const fresh = await freshDb();
    cleanup = fresh.cleanup;
    const rows = await fresh.db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    expect(rows[0]?.journal_mode).toBe("wal");
  });

  it("finds units as typed and refuses names that differ only in diacritics", async () => {
    const { db, cleanup: c } = await freshDb();
    cleanup = c;
    await addUnit(db, { name: "Khu phố Nguyễn Trãi", households: 10, classification: "clean" });
    await addUnit(db, { name: "Thôn Đồng Tâm", households: 10, classification: "clean" });
    expect((await unitByName(db, "nguyen trai"))?.name).toBe("Khu phố Nguyễn Trãi");
    expect((await unitByName(db, "KHU PHO NGUYEN TRAI"))?.name).toBe("Khu phố Nguyễn Trãi");
    expect((await unitByName(db, "dong tam"))?.name).toBe("Thôn Đồng Tâm");
    expect(await unitByName(db, "")).toBeNull();
    await expect(addUnit(db, { name: "khu pho nguyen trai", households: 1, classification: "clean" })).rejects.toBeInstanceOf(UnitExistsError);
  });

  it("gives an invite code to one person only", async () => {
    const { db, cleanup: c } = await freshDb();
    cleanup = c;
    const person = await db.person.create({ data: {} });
    const code = await createInvite(db, { role: "officer", unitId: null, createdBy: "test", expiresAt: inviteExpiry(new Date()) });
    expect(await redeemInvite(db, code.toLowerCase(), person.id, new Date())).toMatchObject({ ok: true, role: "officer" });
    expect(await redeemInvite(db, code, person.id, new Date())).toEqual({ ok: false, reason: "used" });
    expect(await redeemInvite(db, "NOPE1234", person.id, new Date())).toEqual({ ok: false, reason: "invalid" });
  });

  it("records an update once and queues a keyed message once", async () => {
    const { db, cleanup: c } = await freshDb();
    cleanup = c;
    const input = { channel: "telegram", externalId: "1", chatKey: "telegram:1", payload: {}, now: new Date() };
    expect(await recordInbound(db, input)).toMatchObject({ duplicate: false });
    expect(await recordInbound(db, input)).toEqual({ duplicate: true });
    const now = new Date();
    const msg = { channel: "telegram", chatId: "1", personId: null, payload: { text: "a" }, idempotencyKey: "k" };
    expect(await enqueue(db, msg, now)).toBe(true);
    expect(await enqueue(db, msg, now)).toBe(false);
    await enqueue(db, { ...msg, idempotencyKey: undefined, payload: { text: "b" } }, now);
    // One chat: only its oldest message is due, so order holds.
    expect((await dueMessages(db, now, 10)).rows.map((m) => m.payload)).toEqual([{ text: "a" }]);
  });

  it("holds back a chat's later messages while an earlier one waits for its retry", async () => {
    const { db, cleanup: c } = await freshDb();
    cleanup = c;
    const now = new Date("2026-11-23T00:00:00Z");
    const later = new Date(now.getTime() + 60_000);
    const queue = (channel: string, chatId: string, text: string, at: Date) => enqueue(db, { channel, chatId, personId: null, payload: { text } }, at);
    await queue("telegram", "1", "first", later);
    await queue("telegram", "1", "second", now);
    await queue("telegram", "2", "other", now);
    await queue("zalo", "1", "zalo", now);
    expect((await dueMessages(db, now, 10)).rows.map((m) => m.payload)).toEqual([{ text: "other" }, { text: "zalo" }]);
    expect((await dueMessages(db, later, 10)).rows.map((m) => m.payload)).toEqual([{ text: "first" }, { text: "other" }, { text: "zalo" }]);
  });
});

describe("durability", () => {
  it("commits with synchronous=FULL on every open, not only the first", async () => {
    const { db, url, cleanup } = await freshDb();
    try {
      const read = async (on: typeof db) => Number(((await on.$queryRawUnsafe("PRAGMA synchronous")) as { synchronous: number | bigint }[])[0]!.synchronous);
      expect(await read(db)).toBe(2);
      const again = await openDb(url);
      expect(await read(again)).toBe(2);
      await again.$disconnect();
    } finally {
      await cleanup();
    }
  });
});
