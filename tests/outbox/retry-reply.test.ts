import { afterEach, describe, expect, it } from "vitest";
import { openChat, type ChatDriver } from "../support/chat.ts";

/**
 * A reply whose first send fails (a 5xx, a dropped connection) is tried again and reaches the
 * person, and what a test waits on (`inbox.idle`, `dispatcher.flush`) waits for that retry: on a
 * loaded machine one failed send made a chat suite see no reply at all.
 */
describe("a reply whose first send fails", () => {
  let chat: ChatDriver | undefined;
  afterEach(async () => {
    await chat?.close();
    chat = undefined;
  });

  it("still reaches the person over Telegram before the step is over", async () => {
    chat = await openChat("telegram");
    chat.fake!.failNext("sendMessage", chat.fake!.serverError());
    const replies = await chat.send("u", "/start");
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toContain("Vùng Xanh");
    // Two calls: the refused one and the retry, and nothing left queued.
    expect(chat.fake!.calls.filter((c) => c.method === "sendMessage")).toHaveLength(2);
    expect(await chat.db.outboxMessage.count()).toBe(0);
    expect(chat.logLines.some((l) => l.includes("a send failed; trying it again after a pause"))).toBe(true);
  });

  it("is given up after its last try, and the test sees that, not a silent gap", async () => {
    chat = await openChat("telegram");
    chat.fake!.failNext("sendMessage", ...Array.from({ length: 6 }, () => chat!.fake!.serverError()));
    expect(await chat.send("u", "/start")).toEqual([]);
    expect(chat.fake!.calls.filter((c) => c.method === "sendMessage")).toHaveLength(6);
    expect(chat.logLines.some((l) => l.includes("giving up on a message after its last try"))).toBe(true);
  });

  it("still reaches the person over Zalo before the step is over", async () => {
    chat = await openChat("zalo");
    chat.zalo!.failNext("network-error");
    const replies = await chat.send("u", "/start");
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toContain("Vùng Xanh");
    expect(chat.zalo!.attempts).toHaveLength(2);
    expect(await chat.db.outboxMessage.count()).toBe(0);
  });
});
