import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CHANNELS, joinAs, lastText, openChat, seedUnit, type ChatDriver, type Reply } from "../support/chat.ts";

const HEADER_VI = "📢 Thông báo từ Công an:";
const HEADER_EN = "📢 Announcement from the police:";
const ASK_AUDIENCE = "Gửi thông báo tới ai?";
const ASK_UNIT = "Gửi cho khu phố nào?";
const ASK_TEXT = "Nhập nội dung thông báo (tối đa 2.000 ký tự)";

/** The announcements a person has received. */
const announcements = (history: Reply[]) => history.filter((r) => r.text.startsWith(HEADER_VI) || r.text.startsWith(HEADER_EN));

describe.each(CHANNELS)("/broadcast over %s", (channel) => {
  let chat: ChatDriver;
  let a: number;
  let b: number;

  beforeEach(async () => {
    chat = await openChat(channel);
    a = (await seedUnit(chat.db, "Khu phố Nguyễn Trãi")).id;
    b = (await seedUnit(chat.db, "Khu phố Chí Linh", 100, "has_cases")).id;
    await joinAs(chat, "officer", "officer", null);
    await joinAs(chat, "head-a", "head", a);
    await joinAs(chat, "head-b", "head", b);
    await joinAs(chat, "mentor-a", "mentor", a);
    await joinAs(chat, "mentor-none", "mentor", null);
    expect(lastText(await chat.send("res-a", "/dangky nguyen trai"))).toContain("Đã đăng ký nhận thông báo của Khu phố Nguyễn Trãi");
    expect(lastText(await chat.send("res-all", "/subscribe tat ca"))).toContain("tất cả khu phố");
    expect(lastText(await chat.send("res-b", "/dangky Chí Linh"))).toContain("Khu phố Chí Linh");
    expect(lastText(await chat.send("res-none", "/start"))).toContain("Xin chào");
  });
  afterEach(async () => chat.close());

  const nothingStored = async () => {
    expect(await chat.db.broadcast.count()).toBe(0);
    expect(await chat.db.outboxMessage.count({ where: { idempotencyKey: { startsWith: "broadcast:" } } })).toBe(0);
  };

  it("answers every bad input with a short message and the same question, then sends to the subscribed residents of a unit", async () => {
    const start = await chat.send("officer", "/thongbao");
    expect(lastText(start)).toBe(ASK_AUDIENCE);
    expect(start.at(-1)!.choices).toEqual([
      { label: "Trưởng khu phố", value: "heads" },
      { label: "Người giúp đỡ", value: "mentors" },
      { label: "Người dân đăng ký", value: "residents" },
    ]);

    for (const bad of ["mọi người", "4", "/foo"]) {
      const replies = await chat.send("officer", bad);
      expect(replies).toHaveLength(1);
      expect(lastText(replies)).toMatch(bad === "/foo" ? /Không có lệnh “\/foo”/ : /Vui lòng chọn: Trưởng khu phố, Người giúp đỡ hoặc Người dân đăng ký/);
      expect(lastText(replies)).toContain(ASK_AUDIENCE);
    }
    expect(lastText(await chat.sendOther("officer", "sticker"))).toContain(ASK_AUDIENCE);
    expect(lastText(await chat.send("officer", "/baocao"))).toMatch(/Bạn đang làm dở một việc[\s\S]*Gửi thông báo tới ai/);

    // The button's text typed without diacritics.
    const unitQuestion = await chat.send("officer", "nguoi dan dang ky");
    expect(lastText(unitQuestion)).toContain(ASK_UNIT);
    expect(unitQuestion.at(-1)!.choices.map((c) => c.label)).toEqual(["Khu phố Chí Linh", "Khu phố Nguyễn Trãi", "Tất cả"]);

    const unknown = await chat.send("officer", "Khu phố Hoàng Hoa Thám");
    expect(lastText(unknown)).toContain("Không tìm thấy khu phố “Khu phố Hoàng Hoa Thám”. Các khu phố: Khu phố Chí Linh, Khu phố Nguyễn Trãi");
    expect(lastText(unknown)).toContain(ASK_UNIT);
    const sticker = await chat.sendOther("officer", "sticker");
    expect(lastText(sticker)).toContain("Vui lòng bấm một nút bên dưới, hoặc gõ tên khu phố.");
    expect(lastText(sticker)).toContain(ASK_UNIT);

    expect(lastText(await chat.send("officer", "NGUYEN TRAI"))).toContain(ASK_TEXT);
    const tooLong = await chat.send("officer", "x".repeat(2001));
    expect(lastText(tooLong)).toContain("Nội dung quá dài (tối đa 2.000 ký tự)");
    expect(lastText(tooLong)).toContain(ASK_TEXT);
    expect(lastText(await chat.sendOther("officer", "sticker"))).toMatch(/Tôi chưa nghe được tin nhắn thoại[\s\S]*Nhập nội dung thông báo/);

    const text = "Tối thứ Sáu 19:30 họp khu phố tại nhà văn hóa, mời bà con đến dự.";
    const summary = await chat.send("officer", text);
    expect(lastText(summary)).toContain("Gửi tới 2 người: người dân đã đăng ký, Khu phố Nguyễn Trãi.");
    expect(lastText(summary)).toContain(`${HEADER_VI}\n${text}`);
    expect(lastText(summary)).toContain("Gửi thông báo này? (Có / Không)");
    expect(summary.at(-1)!.choices.map((c) => c.label)).toEqual(["Có", "Không"]);
    const notYesNo = await chat.send("officer", "để mai");
    expect(lastText(notYesNo)).toMatch(/Bạn gõ “có” hoặc “không”[\s\S]*Gửi tới 2 người/);
    await nothingStored();

    const sent = await chat.press("officer", "yes");
    expect(lastText(sent)).toBe("Đã gửi thông báo: 2 người sẽ nhận; 0 người không có kênh nào liên lạc được.");

    // The subscribers of the unit and of every unit, once each; nobody else.
    for (const user of ["res-a", "res-all"]) {
      const got = announcements(await chat.history(user));
      expect(got.map((r) => r.text), user).toEqual([`${HEADER_VI}\n${text}`]);
    }
    for (const user of ["res-b", "res-none", "head-a", "head-b", "mentor-a", "mentor-none", "officer"]) {
      expect(announcements(await chat.history(user)), user).toEqual([]);
    }
    const officer = await chat.db.person.findFirstOrThrow({ where: { role: "officer" } });
    expect(await chat.db.broadcast.findMany()).toEqual([
      expect.objectContaining({ audience: "residents", unitId: a, text, createdBy: `person:${officer.id}`, recipients: 2 }),
    ]);
    expect(await chat.db.outboxMessage.count({ where: { idempotencyKey: { startsWith: "broadcast:1:p" } } })).toBe(2);
  });

  it("sends to every head with the buttons, each in their own language, and to the mentors of one unit", async () => {
    await chat.send("head-b", "/lang en");
    await chat.send("officer", "/broadcast");
    await chat.press("officer", "heads");
    expect(lastText(await chat.press("officer", "all"))).toContain(ASK_TEXT);
    expect(lastText(await chat.send("officer", "Giao ban sáng thứ Hai lúc 8:00."))).toContain("Gửi tới 2 người: trưởng khu phố, tất cả khu phố.");
    expect(lastText(await chat.send("officer", "co"))).toContain("2 người sẽ nhận");
    expect(announcements(await chat.history("head-a")).map((r) => r.text)).toEqual([`${HEADER_VI}\nGiao ban sáng thứ Hai lúc 8:00.`]);
    expect(announcements(await chat.history("head-b")).map((r) => r.text)).toEqual([`${HEADER_EN}\nGiao ban sáng thứ Hai lúc 8:00.`]);

    await chat.send("officer", "/thongbao");
    await chat.send("officer", "Người giúp đỡ");
    await chat.press("officer", `unit:${a}`);
    expect(lastText(await chat.send("officer", "Nhắc liên hệ tuần này."))).toContain("Gửi tới 1 người: người giúp đỡ, Khu phố Nguyễn Trãi.");
    await chat.press("officer", "yes");
    expect(announcements(await chat.history("mentor-a"))).toHaveLength(1);
    expect(announcements(await chat.history("mentor-none"))).toHaveLength(0);
    expect(announcements(await chat.history("head-a"))).toHaveLength(1);
    expect(await chat.db.broadcast.count()).toBe(2);
  });

  it("tells the officer how many have no reachable channel", async () => {
    const headB = await chat.db.person.findFirstOrThrow({ where: { role: "head", unitId: b } });
    await chat.db.channelIdentity.updateMany({ where: { personId: headB.id }, data: { unreachable: true, unreachableReason: "blocked" } });
    await chat.send("officer", "/thongbao");
    await chat.press("officer", "heads");
    await chat.press("officer", "all");
    await chat.send("officer", "Họp giao ban");
    expect(lastText(await chat.press("officer", "yes"))).toBe("Đã gửi thông báo: 1 người sẽ nhận; 1 người không có kênh nào liên lạc được.");
    expect(announcements(await chat.history("head-a"))).toHaveLength(1);
    expect(await chat.db.broadcast.findFirst()).toMatchObject({ audience: "heads", unitId: null, recipients: 1 });
  });

  it("stores and sends nothing when cancelled in the middle or refused at the summary", async () => {
    await chat.send("officer", "/thongbao");
    await chat.press("officer", "heads");
    await chat.press("officer", "all");
    await chat.send("officer", "Nội dung chưa xong");
    expect(lastText(await chat.send("officer", "/huy"))).toBe("Đã hủy. Không có gì được lưu.");
    expect(lastText(await chat.send("officer", "có"))).toContain("Tôi chưa hiểu");
    await nothingStored();

    await chat.send("officer", "/thongbao");
    await chat.press("officer", "residents");
    await chat.press("officer", "all");
    expect(lastText(await chat.send("officer", "Thông báo thử"))).toContain("Gửi tới 3 người");
    expect(lastText(await chat.press("officer", "no"))).toBe("Đã hủy, không gửi thông báo nào.");
    await nothingStored();
    for (const user of ["res-a", "res-all", "res-b", "head-a"]) expect(announcements(await chat.history(user))).toEqual([]);
  });

  it("says at once when the chosen group is empty", async () => {
    await chat.send("officer", "/thongbao");
    await chat.send("officer", "mentors");
    const replies = await chat.send("officer", "chi linh");
    expect(lastText(replies)).toBe("Chưa có người giúp đỡ nào (Khu phố Chí Linh) để nhận thông báo. Không gửi gì.");
    expect(lastText(await chat.send("officer", "Nội dung"))).toContain("Tôi chưa hiểu");
    await nothingStored();
  });

  it("refuses anyone but an officer", async () => {
    for (const user of ["head-a", "mentor-a", "res-a", "stranger"]) {
      expect(lastText(await chat.send(user, "/thongbao")), user).toBe("Bạn không có quyền dùng lệnh này.");
    }
    expect(lastText(await chat.send("head-a", "/broadcast"))).toBe("Bạn không có quyền dùng lệnh này.");
    expect(lastText(await chat.send("res-a", "/broadcast"))).toBe("Bạn không có quyền dùng lệnh này.");
    expect(lastText(await chat.send("res-a", "heads"))).toContain("Tôi chưa hiểu");
    await nothingStored();
  });
});
