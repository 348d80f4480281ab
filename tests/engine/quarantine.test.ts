import { afterEach, describe, expect, it } from "vitest";
import type { Inbound } from "../../src/engine/types.ts";
import { QUARANTINE_REASON, recordInbound } from "../../src/store/inbox.ts";
import { chatTag, keyring } from "../../src/store/keyring.ts";
import { openChat, type ChatDriver } from "../support/chat.ts";
import { addPerson } from "../support/people.ts";

/** An update as the Telegram webhook records it, left pending as if the server stopped before it. */
async function pendingUpdate(chat: ChatDriver, userId: number, messageId: number, text: string) {
  const inbound: Inbound = {
    channel: "telegram",
    externalUserId: String(userId),
    chatId: String(userId),
    messageId: String(messageId),
    content: { kind: "text", text },
  };
  const recorded = await recordInbound(chat.db, {
    channel: "telegram",
    externalId: keyring().tag("update", `telegram:${messageId}`),
    chatKey: `telegram:${chatTag("telegram", String(userId))}`,
    payload: inbound,
    now: chat.clock.now,
  });
  if (recorded.duplicate) throw new Error("duplicate");
  return recorded.id;
}

describe("an update whose sealed content cannot be opened", () => {
  const chats: ChatDriver[] = [];
  afterEach(async () => {
    for (const c of chats.splice(0)) await c.close();
  });

  it("is set aside at start; the server starts, every other update is acted on, officers are told once, without content", async () => {
    const chat = await openChat("telegram");
    chats.push(chat);
    await addPerson(chat.db, { role: "officer", channel: "telegram", chatId: "9001" });
    await chat.server.stop();

    const good = await pendingUpdate(chat, 5000, 1, "/start");
    const damaged = await pendingUpdate(chat, 5001, 2, "/start");
    const garbage = await pendingUpdate(chat, 5002, 3, "/start");
    const afterDamaged = await pendingUpdate(chat, 5001, 4, "/help");
    // One sealed with the right key but damaged (its authentication fails), one not sealed at all.
    const sealed = (await chat.db.inboundUpdate.findUniqueOrThrow({ where: { id: damaged } })).payload;
    const flipped = sealed.slice(0, -4) + (sealed.slice(-4) === "AAAA" ? "BBBB" : "AAAA");
    await chat.db.inboundUpdate.update({ where: { id: damaged }, data: { payload: flipped } });
    await chat.db.inboundUpdate.update({ where: { id: garbage }, data: { payload: "garbage-not-sealed-XYZ" } });

    await chat.restart();
    await chat.server.inbox.idle();
    await chat.server.dispatcher.flush();

    const rows = await chat.db.inboundUpdate.findMany({ orderBy: { id: "asc" } });
    const status = Object.fromEntries(rows.map((r) => [r.id, r.status]));
    expect(status).toMatchObject({ [good]: "done", [damaged]: "quarantined", [garbage]: "quarantined", [afterDamaged]: "done" });
    expect(rows.find((r) => r.id === garbage)!.lastError).toBe(QUARANTINE_REASON);
    // Kept sealed as it was, in case the right key is restored.
    expect(rows.find((r) => r.id === damaged)!.payload).toBe(flipped);

    expect(chat.fake!.sentTo(5000).length).toBeGreaterThan(0);
    expect(chat.fake!.sentTo(5001).length).toBeGreaterThan(0);
    expect(chat.fake!.sentTo(5002)).toHaveLength(0);
    const notices = chat.fake!.sentTo(9001);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain("không đọc được");
    expect(chat.logLines.join("\n")).not.toContain("garbage-not-sealed");
    expect(chat.logLines.join("\n")).toContain("quarantined");

    // Nothing is tried again at the next start, and nobody is told twice.
    await chat.restart();
    await chat.server.inbox.idle();
    await chat.server.dispatcher.flush();
    expect(chat.fake!.sentTo(9001)).toHaveLength(1);
    expect((await fetch(`${chat.base}/healthz`)).status).toBe(200);
  }, 30_000);
});
