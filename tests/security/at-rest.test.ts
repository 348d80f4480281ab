import { databaseBytes } from "../support/db.ts";
import { afterEach, describe, expect, it } from "vitest";
import { lastText, openChat, type ChatDriver } from "../support/chat.ts";
import { signedEvent, ZALO } from "../support/fake-zalo.ts";

/** Every byte SQLite keeps for a database: the file, its write-ahead log and its index. */

describe("who talks to the bot is not in the database file in the clear", () => {
  let chat: ChatDriver;
  afterEach(async () => chat.close());

  it("keeps Zalo user ids out of every table, the write-ahead log included", async () => {
    chat = await openChat("zalo");
    // The driver's Zalo ids are 18 digits: nothing else in the file looks like them.
    await chat.send("resident", "/start");
    await chat.send("resident", "/lang en");
    expect(lastText(await chat.send("resident", "/help"))).toContain("Hello");
    const userId = chat.zalo!.sent.at(-1)!.userId;
    expect(userId).toMatch(/^\d{18}$/);
    // A follow event carries the id in the event itself.
    const follow = signedEvent({ event_name: "follow", oa_id: ZALO.oaId, follower: { id: userId }, source: "oa_profile", timestamp: String(chat.clock.now.getTime()) });
    await fetch(`${chat.base}/zalo/webhook`, { method: "POST", headers: { "x-zevent-signature": follow.signature }, body: follow.body });
    await chat.server.inbox.idle();
    await chat.server.dispatcher.flush();
    expect(databaseBytes(chat.dbFile)).not.toContain(userId);
  });

  it("keeps simulator names out of the file too", async () => {
    chat = await openChat("simulator");
    await chat.send("nguoi-bao-tin-bi-mat", "/start");
    await chat.send("nguoi-bao-tin-bi-mat", "xin chào");
    expect(databaseBytes(chat.dbFile)).not.toContain("nguoi-bao-tin-bi-mat");
  });
});
