import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { unitByName } from "../../src/store/units.ts";
import { findUnit } from "../../features/units/choose-unit.ts";
import { joinAs, lastText, openChat, seedUnit, type ChatDriver } from "../support/chat.ts";
import { userTag } from "../../src/store/keyring.ts";

const ASK_BUTTONS = "Bạn muốn nhận thông báo của khu phố nào? Bấm chọn bên dưới";

describe("/subscribe and /unsubscribe", () => {
  let chat: ChatDriver;
  let a: number;
  let b: number;
  beforeEach(async () => {
    chat = await openChat("simulator");
    a = (await seedUnit(chat.db, "Khu phố Nguyễn Trãi")).id;
    b = (await seedUnit(chat.db, "Thôn Chí Linh", 80, "clean")).id;
  });
  afterEach(async () => chat.close());

  const subscription = async (user: string) => {
    const identity = await chat.db.channelIdentity.findFirstOrThrow({ where: { externalId: userTag("simulator", user) }, include: { person: true } });
    return { subscribed: identity.person.subscribed, unitId: identity.person.unitId };
  };

  it("asks which unit with a button each when there are few, and subscribes to the one tapped", async () => {
    const asked = await chat.send("res", "/dangky");
    expect(lastText(asked)).toContain(ASK_BUTTONS);
    expect(asked.at(-1)!.choices).toEqual([
      { label: "Khu phố Nguyễn Trãi", value: `unit:${a}` },
      { label: "Thôn Chí Linh", value: `unit:${b}` },
      { label: "Tất cả khu phố", value: "all" },
    ]);
    expect(await subscription("res")).toEqual({ subscribed: false, unitId: null });
    expect(lastText(await chat.press("res", `unit:${b}`))).toBe("Đã đăng ký nhận thông báo của Thôn Chí Linh. Gõ /huydangky để thôi nhận.");
    expect(await subscription("res")).toEqual({ subscribed: true, unitId: b });

    // Subscribing again replaces the choice: every unit.
    await chat.send("res", "/subscribe");
    expect(lastText(await chat.press("res", "all"))).toBe("Đã đăng ký nhận thông báo của tất cả khu phố. Gõ /huydangky để thôi nhận.");
    expect(await subscription("res")).toEqual({ subscribed: true, unitId: null });
  });

  it("takes the unit as typed after the command, with or without diacritics, or 'tất cả'", async () => {
    expect(lastText(await chat.send("res", "/dangky NGUYEN TRAI"))).toContain("Đã đăng ký nhận thông báo của Khu phố Nguyễn Trãi");
    expect(await subscription("res")).toEqual({ subscribed: true, unitId: a });
    expect(lastText(await chat.send("res", "/subscribe chí linh"))).toContain("Thôn Chí Linh");
    expect(await subscription("res")).toEqual({ subscribed: true, unitId: b });
    expect(lastText(await chat.send("res", "/dangky Tất cả"))).toContain("tất cả khu phố");
    expect(await subscription("res")).toEqual({ subscribed: true, unitId: null });
  });

  it("answers a unit that does not exist, and every wrong answer, with a short message and the same question", async () => {
    const unknown = await chat.send("res", "/dangky Khu phố Hoàng Hoa Thám");
    expect(lastText(unknown)).toContain("Không tìm thấy khu phố “Khu phố Hoàng Hoa Thám”. Các khu phố: Khu phố Nguyễn Trãi, Thôn Chí Linh");
    expect(lastText(unknown)).toContain(ASK_BUTTONS);
    for (const bad of ["xin chào", "3"]) {
      const replies = await chat.send("res", bad);
      expect(replies).toHaveLength(1);
      expect(lastText(replies)).toContain(`Không tìm thấy khu phố “${bad}”`);
      expect(lastText(replies)).toContain(ASK_BUTTONS);
    }
    const sticker = await chat.sendOther("res", "sticker");
    expect(lastText(sticker)).toContain("Vui lòng bấm một nút bên dưới, hoặc gõ tên khu phố.");
    expect(lastText(sticker)).toContain(ASK_BUTTONS);
    expect(lastText(await chat.press("res", "unit:999"))).toContain(ASK_BUTTONS);
    expect(await subscription("res")).toEqual({ subscribed: false, unitId: null });
    expect(lastText(await chat.send("res", "thon chi linh"))).toContain("Đã đăng ký nhận thông báo của Thôn Chí Linh");
    expect(await subscription("res")).toEqual({ subscribed: true, unitId: b });
  });

  it("stores nothing when cancelled", async () => {
    await chat.send("res", "/dangky");
    expect(lastText(await chat.send("res", "/huy"))).toBe("Đã hủy. Không có gì được lưu.");
    expect(await subscription("res")).toEqual({ subscribed: false, unitId: null });
    expect(lastText(await chat.send("res", "Thôn Chí Linh"))).toContain("Tôi chưa hiểu");
  });

  it("offers every unit however many there are (the channel shows what fits), and takes a name typed", async () => {
    for (const name of ["Khu phố 1", "Khu phố 2", "Khu phố 3", "Khu phố 4"]) await seedUnit(chat.db, name, 50, "clean");
    const asked = await chat.send("res", "/dangky");
    expect(lastText(asked)).toContain(ASK_BUTTONS);
    expect(asked.at(-1)!.choices.map((c) => c.label)).toEqual(["Khu phố 1", "Khu phố 2", "Khu phố 3", "Khu phố 4", "Khu phố Nguyễn Trãi", "Thôn Chí Linh", "Tất cả khu phố"]);
    expect(lastText(await chat.send("res", "khu pho 3"))).toContain("Đã đăng ký nhận thông báo của Khu phố 3");
  });

  it("unsubscribes, and says so when there was nothing to stop", async () => {
    await chat.send("res", "/dangky nguyen trai");
    expect(lastText(await chat.send("res", "/huydangky"))).toBe("Đã hủy đăng ký: bạn sẽ không nhận thông báo nữa. Gõ /dangky để đăng ký lại.");
    expect(await subscription("res")).toEqual({ subscribed: false, unitId: a });
    expect(lastText(await chat.send("res", "/unsubscribe"))).toBe("Bạn chưa đăng ký nhận thông báo. Gõ /dangky để đăng ký.");
    await chat.send("res", "/lang en");
    expect(lastText(await chat.send("res", "/subscribe all"))).toBe("You will receive the announcements of all neighbourhoods. Send /unsubscribe to stop.");
  });

  it("tells heads, mentors and officers they need not subscribe", async () => {
    await joinAs(chat, "head", "head", a);
    await joinAs(chat, "mentor", "mentor", a);
    await joinAs(chat, "officer", "officer", null);
    expect(lastText(await chat.send("head", "/dangky"))).toBe(
      "Bạn là trưởng khu phố: bạn đã nhận các thông báo dành cho vai trò của mình, không cần đăng ký.",
    );
    expect(lastText(await chat.send("mentor", "/subscribe nguyen trai"))).toContain("Bạn là người giúp đỡ: bạn đã nhận các thông báo");
    expect(lastText(await chat.send("officer", "/dangky"))).toContain("Bạn là cán bộ: bạn đã nhận các thông báo");
    expect(lastText(await chat.send("head", "/huydangky"))).toContain("không có đăng ký nào để hủy");
    const head = await chat.db.person.findFirstOrThrow({ where: { role: "head" } });
    expect(head).toMatchObject({ subscribed: false, unitId: a });
  });

  it("subscribes to every unit at once when there are no units yet", async () => {
    await chat.db.unit.deleteMany();
    expect(lastText(await chat.send("res", "/dangky"))).toContain("tất cả khu phố");
    expect(await subscription("res")).toEqual({ subscribed: true, unitId: null });
  });

  it("finds a typed unit in a step exactly as the store's unitByName does", async () => {
    await seedUnit(chat.db, "Xóm Phố", 150, "has_cases");
    await seedUnit(chat.db, "Tổ dân phố Chí Linh", 60, "clean");
    const units = (await chat.db.unit.findMany()).map((u) => ({ id: u.id, name: u.name }));
    const typed = ["nguyen trai", "KHU PHỐ NGUYỄN TRÃI", "kp nguyen trai", "thôn chí linh", "chi linh", "pho", "xom pho", "to dan pho chi linh", "", "  ", "hoang hoa tham", "thon nguyen trai"];
    for (const t of typed) expect(findUnit(units, t)?.id ?? null, t).toBe((await unitByName(chat.db, t))?.id ?? null);
  });
});
