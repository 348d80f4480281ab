import { Api } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { createTelegramSender } from "../../bots/telegram/sender.ts";
import { createDispatcher } from "../../src/outbox/dispatcher.ts";
import { tellOfficersQuarantined } from "../../src/outbox/quarantine.ts";
import { throttled } from "../../src/outbox/throttle.ts";
import { enqueue } from "../../src/store/outbox.ts";
import { freshDb } from "../support/db.ts";
import { startFakeTelegram } from "../support/fake-telegram.ts";
import { captureLogger } from "../support/logger.ts";
import { addPerson } from "../support/people.ts";

const now = new Date("2026-11-28T02:00:00Z");

describe("an unreadable outbox row", () => {
  let cleanup: () => Promise<void> = async () => {};
  afterEach(() => cleanup());

  it("is set aside without stopping the others, and the officers are told once, without its content", async () => {
    const { db, cleanup: c } = await freshDb();
    cleanup = c;
    const fake = await startFakeTelegram();
    const { log, lines } = captureLogger();
    try {
      const officers = [await addPerson(db, { role: "officer", channel: "telegram", chatId: "500" }), await addPerson(db, { role: "officer", channel: "telegram", chatId: "501" })];
      const queue = (chatId: string, text: string) => enqueue(db, { channel: "telegram", chatId, personId: null, payload: { text } }, now);
      await queue("100", "bí mật của người tố giác");
      await queue("100", "after the bad one, same chat");
      for (let i = 0; i < 5; i++) await queue(String(200 + i), `other ${i}`);
      // The first row's payload is damaged (or sealed under another key).
      const bad = (await db.outboxMessage.findFirst({ orderBy: { id: "asc" } }))!;
      await db.outboxMessage.update({ where: { id: bad.id }, data: { payload: bad.payload.slice(0, -12) + "AAAAAAAAAAAA" } });

      const dispatcher = createDispatcher({
        db,
        senders: [throttled(createTelegramSender(new Api(fake.token, { apiRoot: fake.apiRoot })), { perSecond: 1000, perChatMs: 0 })],
        clock: () => now,
        log,
        onQuarantined: (ids, at) => tellOfficersQuarantined(db, ids, at).then(() => undefined),
      });
      await dispatcher.flush();
      await dispatcher.flush();

      expect((await db.outboxMessage.findUnique({ where: { id: bad.id } }))?.status).toBe("quarantined");
      expect(fake.sentTo("100").map((m) => m.text)).toEqual(["after the bad one, same chat"]);
      for (let i = 0; i < 5; i++) expect(fake.sentTo(String(200 + i)).map((m) => m.text)).toEqual([`other ${i}`]);
      for (const officer of officers) {
        const notices = fake.sentTo(officer.chatId).map((m) => m.text);
        expect(notices).toHaveLength(1);
        expect(notices[0]).toMatch(/không đọc được/);
      }
      expect(await db.outboxMessage.count({ where: { status: { notIn: ["sent", "quarantined"] } } })).toBe(0);
      const logged = lines.join("\n");
      expect(logged).toContain("quarantined");
      expect(logged).not.toContain("người tố giác");
      expect(logged).not.toContain("outbox pass failed");
    } finally {
      await fake.close();
    }
  });
});
