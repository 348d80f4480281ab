import { describe, expect, it } from "vitest";
import type { ChannelSender, SendResult } from "../../src/outbox/sender.ts";
import { throttled } from "../../src/outbox/throttle.ts";

function recorder(results: SendResult[] = []) {
  const sent: string[] = [];
  const sender: ChannelSender = {
    channel: "telegram",
    async send(chatId, message) {
      sent.push(`${chatId}:${message.text}`);
      return results.shift() ?? { kind: "sent" };
    },
  };
  return { sender, sent };
}

describe("channel throttle", () => {
  it("spaces two messages to one chat, not messages to different chats", async () => {
    const waits: number[] = [];
    const { sender, sent } = recorder();
    const t = throttled(sender, { perSecond: 100, perChatMs: 1000, sleep: async (ms) => void waits.push(ms) });
    await t.send("a", { text: "1" });
    await t.send("b", { text: "1" });
    expect(waits).toEqual([]);
    await t.send("a", { text: "2" });
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(900);
    expect(sent).toEqual(["a:1", "b:1", "a:2"]);
  });

  it("pauses the whole channel for retry_after after a 429", async () => {
    let clock = 1_000_000;
    const waits: number[] = [];
    const { sender, sent } = recorder([{ kind: "retry-after", seconds: 2, error: "429" }]);
    const t = throttled(sender, {
      perSecond: 100,
      perChatMs: 0,
      now: () => clock,
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
      },
    });
    expect((await t.send("a", { text: "1" })).kind).toBe("retry-after");
    expect((await t.send("b", { text: "1" })).kind).toBe("sent");
    expect(waits).toEqual([2000]);
    expect(sent).toEqual(["a:1", "b:1"]);
  });

  it("keeps at most perSecond sends in any window, counted from their answers, evenly paced", async () => {
    let clock = 0;
    const { sender } = recorder();
    const answeredAt: number[] = [];
    const slow: ChannelSender = {
      channel: "telegram",
      async send(chatId, message) {
        clock += 5; // each answer takes 5 ms of the fake clock
        const r = await sender.send(chatId, message);
        answeredAt.push(clock);
        return r;
      },
    };
    const t = throttled(slow, { perSecond: 10, perChatMs: 0, now: () => clock, sleep: async (ms) => void (clock += ms) });
    await Promise.all(Array.from({ length: 35 }, (_, i) => t.send(`c${i}`, { text: "x" })));
    expect(answeredAt).toHaveLength(35);
    // No window of one second holds more than 10 answers…
    for (const start of answeredAt) expect(answeredAt.filter((a) => a >= start && a < start + 1000).length).toBeLessThanOrEqual(10);
    // …and the pace stays near the limit: 35 sends at 10 a second span 34 gaps of about 103 ms
    // (plus the answers' own 5 ms); a throttle that idled whole seconds would take far longer.
    expect(answeredAt.at(-1)! - answeredAt[0]!).toBeLessThan(3800);
  });

  it("hands a long pause back to the outbox instead of holding the sender", async () => {
    let clock = 0;
    const waits: number[] = [];
    const { sender, sent } = recorder([{ kind: "retry-after", seconds: 600, error: "authorise again" }]);
    const t = throttled(sender, { perSecond: 30, perChatMs: 0, now: () => clock, sleep: async (ms) => void (waits.push(ms), (clock += ms)) });
    await t.send("a", { text: "1" });
    expect(await t.send("b", { text: "1" })).toMatchObject({ kind: "retry-after", seconds: 600 });
    expect(waits).toEqual([]);
    expect(sent).toEqual(["a:1"]);
  });
});
