import { afterEach, describe, expect, it } from "vitest";
import { CHANNELS as CHANNEL_TABLE } from "../../bots/channels.ts";
import { CHANNELS, lastText, openChat, seedUnit, type ChatDriver } from "../support/chat.ts";

/**
 * A question with more choices than a channel shows buttons: every choice is still reachable,
 * by its button or by typing the words the message offers for it.
 */
describe.each(CHANNELS)("more choices than buttons over %s", (channel) => {
  let chat: ChatDriver;
  afterEach(async () => chat.close());

  it("reaches every choice, tapped or typed", async () => {
    chat = await openChat(channel);
    const { maxButtons } = CHANNEL_TABLE.find((c) => c.name === channel)!.limits;
    // Two past the limit (units plus "Tất cả khu phố"); eight where there is no limit.
    const units = Number.isFinite(maxButtons) ? maxButtons + 1 : 7;
    const names = Array.from({ length: units }, (_, i) => `Khu phố ${String(i + 1).padStart(2, "0")}`);
    for (const name of names) await seedUnit(chat.db, name, 50, "clean");
    const labels = [...names, "Tất cả khu phố"];

    const asked = (await chat.send("res", "/dangky")).at(-1)!;
    const buttons = asked.choices.map((c) => c.label);
    expect(buttons).toEqual(labels.slice(0, Math.min(labels.length, maxButtons)));
    const typed = labels.slice(buttons.length);
    for (const label of typed) expect(asked.text).toContain(label);
    if (Number.isFinite(maxButtons)) expect(typed).toHaveLength(2);

    for (const [i, label] of labels.entries()) {
      const prompt = (await chat.send("res", "/dangky")).at(-1)!;
      const button = prompt.choices.find((c) => c.label === label);
      const answer = button ? await chat.press("res", button.value) : await chat.send("res", label);
      const expected = i === names.length ? "Đã đăng ký nhận thông báo của tất cả khu phố" : `Đã đăng ký nhận thông báo của ${label}.`;
      expect(lastText(answer)).toContain(expected);
    }
  });
});
