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
    const { sender, sent } = recorder([{ kind: "retry-after", seconds: 3, error: "429" }]);
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
    expect(waits).toEqual([3000]);
    expect(sent).toEqual(["a:1", "b:1"]);
  });
});
