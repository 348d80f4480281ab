import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lastText, openChat, type ChatDriver } from "../support/chat.ts";
import { signedEvent, textEvent, ZALO } from "../support/fake-zalo.ts";
import { userTag } from "../../src/store/keyring.ts";
import { openTime } from "../../src/store/sealed-time.ts";

describe("Zalo webhook", () => {
  let chat: ChatDriver;
  beforeEach(async () => {
    chat = await openChat("zalo");
  });
  afterEach(async () => chat.close());

  const post = (body: string, signature?: string) =>
    fetch(`${chat.base}/zalo/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(signature ? { "x-zevent-signature": signature } : {}) },
      body,
    });
  const settle = async () => {
    await chat.server.inbox.idle();
    await chat.server.dispatcher.flush();
  };

  it("acts on a signed event and answers 200", async () => {
    const { body, signature } = signedEvent(textEvent("1001", "/start", chat.clock.now));
    expect((await post(body, signature)).status).toBe(200);
    await settle();
    expect(chat.zalo!.sentTo("1001")[0]?.text).toContain("Xin chào");
  });

  it("accepts the signature with or without the mac= prefix, in any case", async () => {
    const { body, signature } = signedEvent(textEvent("1002", "/start", chat.clock.now));
    expect((await post(body, signature.replace("mac=", "").toUpperCase())).status).toBe(200);
  });

  it("refuses a wrong signature, none, another key, a stale or future timestamp, and changes nothing", async () => {
    const event = textEvent("1003", "/start", chat.clock.now);
    const { body, signature } = signedEvent(event);
    const stale = signedEvent({ ...event, message: { text: "/start", msg_id: "old" }, timestamp: String(chat.clock.now.getTime() - 4 * 3600_000) });
    const future = signedEvent({ ...event, message: { text: "/start", msg_id: "fut" }, timestamp: String(chat.clock.now.getTime() + 3600_000) });
    const otherKey = signedEvent(event, "someone-else's-key");
    const tampered = body.replace("/start", "/help ");
    for (const [b, sig] of [[body, undefined], [body, "mac=" + "0".repeat(64)], [otherKey.body, otherKey.signature], [stale.body, stale.signature], [future.body, future.signature], [tampered, signature]] as const) {
      expect((await post(b, sig)).status).toBe(401);
    }
    // Zalo's unsigned probe when the URL is saved.
    expect((await post("{}")).status).toBe(401);
    await settle();
    expect(await chat.db.inboundUpdate.count()).toBe(0);
    expect(await chat.db.person.count()).toBe(0);
    expect(chat.zalo!.sent).toHaveLength(0);
  });

  it("answers 415 to a signed event sent as another content type, as the Telegram webhook does, and changes nothing", async () => {
    const { body, signature } = signedEvent(textEvent("1009", "/start", chat.clock.now));
    const res = await fetch(`${chat.base}/zalo/webhook`, {
      method: "POST",
      headers: { "content-type": "text/plain", "x-zevent-signature": signature },
      body,
    });
    expect(res.status).toBe(415);
    await settle();
    expect(await chat.db.inboundUpdate.count()).toBe(0);
    expect(chat.zalo!.sent).toHaveLength(0);
  });

  it("answers malformed JSON with 400 and no effect", async () => {
    expect((await post("{not json", "mac=abc")).status).toBe(400);
    expect(await chat.db.inboundUpdate.count()).toBe(0);
  });

  it("acts once on an event delivered again (same msg_id)", async () => {
    const { body, signature } = signedEvent(textEvent("1004", "/start", chat.clock.now, "same-id"));
    for (let i = 0; i < 3; i++) expect((await post(body, signature)).status).toBe(200);
    await settle();
    expect(chat.zalo!.sentTo("1004")).toHaveLength(1);
  });

  it("ignores the OA's own echoes and receipts, so the bot never answers itself", async () => {
    const at = String(chat.clock.now.getTime());
    for (const event_name of ["oa_send_text", "user_received_message", "user_seen_message"]) {
      const { body, signature } = signedEvent({ event_name, sender: { id: ZALO.oaId }, recipient: { id: "1005" }, message: { text: "x", msg_id: event_name }, timestamp: at });
      expect((await post(body, signature)).status).toBe(200);
    }
    await settle();
    expect(await chat.db.inboundUpdate.count()).toBe(0);
    expect(chat.zalo!.sent).toHaveLength(0);
  });

  it("greets a new follower, marks an unfollower unreachable, and counts opening the chat as an interaction", async () => {
    const at = String(chat.clock.now.getTime());
    const follow = signedEvent({ event_name: "follow", oa_id: ZALO.oaId, follower: { id: "1006" }, source: "oa_profile", timestamp: at });
    expect((await post(follow.body, follow.signature)).status).toBe(200);
    await settle();
    expect(chat.zalo!.sentTo("1006")[0]?.text).toContain("Xin chào");

    const later = new Date(chat.clock.now.getTime() + 60_000);
    chat.clock.now = later;
    const open = signedEvent({ event_name: "user_click_chatnow", sender: { id: "1006" }, recipient: { id: ZALO.oaId }, timestamp: String(later.getTime()) });
    expect((await post(open.body, open.signature)).status).toBe(200);
    await settle();
    expect(chat.zalo!.sentTo("1006")).toHaveLength(1);
    expect(openTime((await chat.db.channelIdentity.findFirstOrThrow({ where: { externalId: userTag("zalo", "1006") } })).lastInboundEnc!)).toEqual(later);

    const unfollow = signedEvent({ event_name: "unfollow", oa_id: ZALO.oaId, follower: { id: "1006" }, source: "oa_profile", timestamp: String(later.getTime() + 1) });
    expect((await post(unfollow.body, unfollow.signature)).status).toBe(200);
    await settle();
    expect(await chat.db.channelIdentity.findFirstOrThrow({ where: { externalId: userTag("zalo", "1006") } })).toMatchObject({ unreachable: true, unreachableReason: "unfollowed" });
    expect(chat.zalo!.sentTo("1006")).toHaveLength(1);
  });

  it("greets a person on their very first message, whatever it says", async () => {
    expect(lastText(await chat.send("newcomer", "alo"))).toContain("Xin chào");
    expect(lastText(await chat.send("newcomer", "alo"))).toContain("Tôi chưa hiểu");
  });
});
