import { afterEach, describe, expect, it } from "vitest";
import { openChat, type ChatDriver } from "../support/chat.ts";

describe("one person sending too fast", () => {
  let chat: ChatDriver | undefined;
  afterEach(async () => {
    await chat?.close();
    chat = undefined;
  });

  it.each(["telegram", "zalo"] as const)("on %s: is asked once to slow down, the excess is recorded but not acted on, others are answered", async (channel) => {
    chat = await openChat(channel, { floodLimit: { points: 5, durationSec: 600 } });
    const replies: string[][] = [];
    for (let i = 0; i < 12; i++) replies.push((await chat.send("flooder", "/help")).map((r) => r.text));
    // The first five are acted on, as usual.
    for (const r of replies.slice(0, 5)) expect(r.join("\n")).not.toMatch(/nhanh quá/);
    for (const r of replies.slice(0, 5)) expect(r.length).toBeGreaterThan(0);
    // The sixth gets the polite notice, in Vietnamese and saying what to do; the rest get nothing.
    expect(replies[5]).toHaveLength(1);
    expect(replies[5]![0]).toMatch(/^Bạn gửi nhanh quá.*đợi khoảng \d+ giây rồi gửi lại/);
    expect(replies.slice(6)).toEqual([[], [], [], [], [], []]);
    // Every update is recorded (a redelivery is still recognised), the excess as not acted on, without content.
    const limited = await chat.db.inboundUpdate.findMany({ where: { status: "limited" } });
    expect(limited).toHaveLength(7);
    expect(limited.every((u) => u.payload === "{}")).toBe(true);
    // Someone else is answered as usual.
    expect((await chat.send("officer", "/help")).length).toBeGreaterThan(0);
  }, 60_000);
});
