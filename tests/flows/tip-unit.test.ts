import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { joinAs, lastText, openChat, seedUnit, type ChatDriver } from "../support/chat.ts";

const codeOf = (text: string) => /Mã tin báo: (TB-[A-Z0-9]{6})/.exec(text)?.[1];

/** The neighbourhood where a tip happened, asked after the place, over the fake Telegram Bot API. */
describe("a tip's neighbourhood over telegram", () => {
  let chat: ChatDriver;
  let a: number;
  let b: number;
  beforeEach(async () => {
    chat = await openChat("telegram");
    a = (await seedUnit(chat.db, "Khu phố Nguyễn Trãi")).id;
    b = (await seedUnit(chat.db, "Thôn Chí Linh", 80, "clean")).id;
    await joinAs(chat, "officer", "officer", null);
  });
  afterEach(async () => chat.close());

  /** Up to the unit question; returns what the bot asked. */
  async function toUnitQuestion(user: string) {
    await chat.send(user, "/tobao");
    await chat.press(user, "dealing");
    await chat.send(user, "Có người bán ma túy ở quán nước đầu ngõ");
    return chat.send(user, "Ngõ 5");
  }

  async function finish(user: string) {
    await chat.send(user, "khoảng 9 giờ tối");
    await chat.send(user, "bỏ qua");
    const summary = lastText(await chat.press(user, "anonymous"));
    const done = lastText(await chat.press(user, "yes"));
    return { summary, code: codeOf(done)! };
  }

  it("asks the neighbourhood with a button per unit and a not-known one, and stores the one tapped", async () => {
    const asked = await toUnitQuestion("resident");
    expect(lastText(asked)).toContain("Ở khu phố nào?");
    expect(asked.at(-1)!.choices).toEqual([
      { label: "Khu phố Nguyễn Trãi", value: `unit:${a}` },
      { label: "Thôn Chí Linh", value: `unit:${b}` },
      { label: "Không rõ / Bỏ qua", value: "skip" },
    ]);
    expect(lastText(await chat.press("resident", `unit:${b}`))).toContain("Khi nào?");
    const { summary, code } = await finish("resident");
    expect(summary).toContain("Khu phố: Thôn Chí Linh");
    expect(await chat.db.tip.findUniqueOrThrow({ where: { code } })).toMatchObject({ unitId: b });
    expect(lastText(await chat.history("officer"))).toContain("Khu phố: Thôn Chí Linh");
  });

  it("reads the name typed without diacritics, and says the names when it knows none", async () => {
    await toUnitQuestion("resident");
    const wrong = lastText(await chat.send("resident", "khu pho le loi"));
    expect(wrong).toContain("Không tìm thấy khu phố “khu pho le loi”");
    expect(wrong).toContain("Khu phố Nguyễn Trãi, Thôn Chí Linh");
    expect(lastText(await chat.send("resident", "khu pho nguyen trai"))).toContain("Khi nào?");
    const { code } = await finish("resident");
    expect(await chat.db.tip.findUniqueOrThrow({ where: { code } })).toMatchObject({ unitId: a });
  });

  it("is skippable, and a head's tip never takes the head's own unit by itself", async () => {
    await joinAs(chat, "head", "head", a);
    await toUnitQuestion("head");
    expect(lastText(await chat.press("head", "skip"))).toContain("Khi nào?");
    const { summary, code } = await finish("head");
    expect(summary).toContain("Khu phố: (không có)");
    expect(await chat.db.tip.findUniqueOrThrow({ where: { code } })).toMatchObject({ unitId: null });

    await toUnitQuestion("resident");
    await chat.send("resident", "không rõ");
    const typed = await finish("resident");
    expect(await chat.db.tip.findUniqueOrThrow({ where: { code: typed.code } })).toMatchObject({ unitId: null });
  });
});

describe("a tip with no units set up", () => {
  it("does not ask the neighbourhood", async () => {
    const chat = await openChat("telegram");
    try {
      await chat.send("resident", "/tobao");
      await chat.press("resident", "dealing");
      await chat.send("resident", "Có người bán ma túy ở quán nước đầu ngõ");
      expect(lastText(await chat.send("resident", "Ngõ 5"))).toContain("Khi nào?");
    } finally {
      await chat.close();
    }
  });
});
