import { describe, expect, it } from "vitest";
import { Api } from "grammy";
import { createTelegramSender, splitText as telegramSplit } from "../../bots/telegram/sender.ts";
import { splitText as zaloSplit } from "../../bots/zalo/sender.ts";
import { startFakeTelegram } from "../support/fake-telegram.ts";

const segmenter = new Intl.Segmenter("vi", { granularity: "grapheme" });
const graphemes = (s: string) => Array.from(segmenter.segment(s), (g) => g.segment);

/** Every part is whole characters: splitting the joined parts gives the text's own characters. */
function expectWholeCharacters(text: string, parts: string[], max: number) {
  for (const p of parts) expect(p.length).toBeLessThanOrEqual(max);
  expect(parts.join("")).toBe(text);
  expect(parts.flatMap(graphemes)).toEqual(graphemes(text));
}

// A family emoji (4 code points joined by ZWJ, 11 UTF-16 units), a flag, and "ệ" written as
// e + combining dot below + combining circumflex, as some Vietnamese keyboards send it.
const FAMILY = "👨‍👩‍👧‍👦";
const FLAG = "🇻🇳";
const E_DOT_HAT = "e\u0323\u0302";

describe.each([
  ["Telegram", telegramSplit, 4096],
  ["Zalo", zaloSplit, 2000],
] as const)("%s splitter", (_name, split, max) => {
  it.each([
    ["an emoji of several code points", FAMILY],
    ["a flag", FLAG],
    ["a Vietnamese letter with combining marks", E_DOT_HAT],
    ["a single astral emoji", "😀"],
  ])("never cuts %s that straddles the limit", (_what, char) => {
    for (let shift = 0; shift < char.length; shift++) {
      const text = "x".repeat(max - shift - 1) + char + "y".repeat(50);
      expectWholeCharacters(text, split(text, max), max);
    }
  });

  it("keeps a long run of emoji and accented words whole", () => {
    const text = (FAMILY + "Nguyễn" + E_DOT_HAT + FLAG).repeat(Math.ceil((max * 2.5) / 20));
    const parts = split(text, max);
    expect(parts.length).toBeGreaterThan(2);
    expectWholeCharacters(text, parts, max);
  });
});

describe("Telegram sending", () => {
  it("sends an emoji at the 4,096 boundary whole, in the second message", async () => {
    const fake = await startFakeTelegram();
    try {
      const sender = createTelegramSender(new Api(fake.token, { apiRoot: fake.apiRoot }));
      const text = "a".repeat(4095) + FAMILY + " xong";
      expect(await sender.send("42", { text })).toEqual({ kind: "sent" });
      const sent = fake.calls.filter((c) => c.method === "sendMessage").map((c) => String(c.body.text));
      expect(sent).toEqual(["a".repeat(4095), FAMILY + " xong"]);
    } finally {
      await fake.close();
    }
  });
});
