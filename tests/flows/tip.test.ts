import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CHANNELS, joinAs, lastText, openChat, type ChatDriver } from "../support/chat.ts";

const codeOf = (text: string) => /Mã tin báo: (TB-[A-Z0-9]{6})/.exec(text)?.[1];
const secretOf = (text: string) => /Mã bí mật: ([A-Z0-9]{8})/.exec(text)?.[1];

describe.each(CHANNELS)("tips over %s", (channel) => {
  let chat: ChatDriver;
  beforeEach(async () => {
    chat = await openChat(channel);
    await joinAs(chat, "officer", "officer", null);
  });
  afterEach(async () => chat.close());

  /** A whole anonymous tip; returns its code and secret. */
  async function sendTip(user = "resident", description = "Có người bán ma túy ở quán nước đầu ngõ") {
    const start = await chat.send(user, "/tobao");
    expect(lastText(start)).toContain("Tin báo về việc gì?");
    await chat.press(user, "dealing");
    await chat.send(user, description);
    await chat.send(user, "Ngõ 5, Khu phố Nguyễn Trãi");
    await chat.send(user, "tối qua khoảng 9 giờ");
    await chat.send(user, "bỏ qua");
    await chat.press(user, "anonymous");
    const done = await chat.press(user, "yes");
    const text = lastText(done);
    return { code: codeOf(text)!, secret: secretOf(text)!, text };
  }

  it("takes a tip step by step, gives a code and a secret, and alerts every officer at once", async () => {
    await chat.send("resident", "/tobao");
    expect((await chat.history("resident")).at(-1)!.choices.map((c) => c.value)).toEqual(["dealing", "using", "spot", "person", "other"]);
    await chat.send("resident", "mua ban");
    await chat.send("resident", "Có người bán ma túy ở quán nước đầu ngõ");
    await chat.send("resident", "Ngõ 5, Khu phố Nguyễn Trãi");
    await chat.send("resident", "tối qua khoảng 9 giờ");
    await chat.send("resident", "bo qua");
    const summary = lastText(await chat.send("resident", "an danh"));
    expect(summary).toContain("Loại: Mua bán");
    expect(summary).toContain("Nơi: Ngõ 5, Khu phố Nguyễn Trãi");
    expect(summary).toContain("🔒 Ẩn danh");
    expect(await chat.db.tip.count()).toBe(0);
    const done = lastText(await chat.send("resident", "có"));
    const code = codeOf(done);
    expect(code).toMatch(/^TB-/);
    expect(secretOf(done)).toBeDefined();
    const alert = lastText(await chat.history("officer"));
    expect(alert).toContain(`🆘 Tin báo mới ${code}`);
    expect(alert).toContain("Sự việc: Có người bán ma túy ở quán nước đầu ngõ");
    expect(alert).toContain("Thời gian: tối qua khoảng 9 giờ");
    expect(alert).toContain("🔒 Ẩn danh");
    expect(await chat.db.tip.findFirstOrThrow()).toMatchObject({ category: "dealing", anonymous: true, status: "new" });
  });

  it("answers every bad input with a short message and the same question, and stores nothing on cancel", async () => {
    await chat.send("resident", "/tobao");
    expect(lastText(await chat.send("resident", "không biết"))).toContain("Vui lòng chọn một mục");
    await chat.press("resident", "spot");
    expect(lastText(await chat.send("resident", "ab"))).toContain("ít nhất 5 ký tự");
    expect(lastText(await chat.send("resident", "x".repeat(2500)))).toContain("tối đa 2.000 ký tự");
    expect(lastText(await chat.sendOther("resident", "sticker"))).toContain("Mô tả sự việc");
    await chat.send("resident", "Một nhóm thanh niên tụ tập hút chích ở bãi đất trống");
    expect(lastText(await chat.sendOther("resident", "sticker"))).toMatch(/Tôi chưa nghe được tin nhắn thoại[\s\S]*Ở đâu/);
    if (channel !== "simulator") {
      expect(lastText(await chat.sendOther("resident", "location"))).toContain("Khi nào?");
    } else {
      await chat.send("resident", "Bãi đất sau chợ");
    }
    expect(lastText(await chat.send("resident", "y".repeat(150)))).toContain("tối đa 100 ký tự");
    await chat.send("resident", "-");
    expect(lastText(await chat.send("resident", "ảnh đây"))).toContain("Vui lòng gửi một ảnh");
    await chat.send("resident", "skip");
    expect(lastText(await chat.send("resident", "tùy"))).toContain("Vui lòng chọn một mục");
    await chat.press("resident", "named");
    expect(lastText(await chat.send("resident", "   "))).toContain("Tên và số điện thoại");
    await chat.send("resident", "Anh Ba, 0912 345 678");
    expect(lastText(await chat.send("resident", "có lẽ"))).toContain("Bạn gõ “có” hoặc “không”");
    expect(lastText(await chat.send("resident", "/huy"))).toBe("Đã hủy. Không có gì được lưu.");
    expect(await chat.db.tip.count()).toBe(0);
    expect(lastText(await chat.history("officer"))).not.toContain("Tin báo mới");
  });

  it("shows a named tipster's contact to officers, and takes a photo where the channel sends one", async () => {
    await chat.send("resident", "/tip");
    await chat.press("resident", "person");
    await chat.send("resident", "Người lạ hay đứng trước cổng trường");
    await chat.send("resident", "skip");
    await chat.send("resident", "skip");
    if (channel === "simulator") await chat.send("resident", "skip");
    else expect(lastText(await chat.sendOther("resident", "photo"))).toContain("ẩn danh (khuyên dùng)");
    await chat.press("resident", "named");
    await chat.send("resident", "Chị Lan, 0987 654 321");
    await chat.press("resident", "yes");
    const alert = lastText(await chat.history("officer"));
    expect(alert).toContain("Người báo để lại: Chị Lan, 0987 654 321");
    if (channel !== "simulator") expect(alert).toContain("📷 Có ảnh kèm theo");
    if (channel === "telegram") expect(chat.fake!.calls.some((c) => c.method === "sendPhoto")).toBe(true);
    if (channel === "zalo") expect((await chat.history("officer")).some((m) => m.text === "[image https://img]")).toBe(true);
  });

  it("lets an officer ask the tipster through the bot, and shows the answer without who sent it", async () => {
    const { code } = await sendTip();
    const asked = lastText(await chat.send("officer", `/hoi ${code} Quán nước tên gì?`));
    expect(asked).toContain(`Đã gửi câu hỏi cho người báo tin ${code}`);
    expect(lastText(await chat.history("resident"))).toContain(`❓ Cán bộ hỏi về tin báo ${code} của bạn: “Quán nước tên gì?”`);
    expect(lastText(await chat.send("resident", "Quán Bà Tư, cạnh cây xăng"))).toContain("Đã gửi câu trả lời cho cán bộ");
    expect(lastText(await chat.history("officer"))).toBe(`💬 Người báo tin ${code} trả lời: “Quán Bà Tư, cạnh cây xăng”`);
    const view = lastText(await chat.send("officer", `/tobao ${code.toLowerCase()}`));
    expect(view).toContain("❓ Cán bộ hỏi: Quán nước tên gì?");
    expect(view).toContain("💬 Người báo trả lời: Quán Bà Tư, cạnh cây xăng");
    // Asked again, the tipster can also answer with /tobao CODE.
    await chat.send("officer", `/hoi ${code} Mấy giờ thì đông?`);
    await chat.send("resident", "/huy");
    const mine = lastText(await chat.send("resident", `/tobao ${code}`));
    expect(mine).toContain(`Tin báo ${code}: mới nhận.`);
    expect(mine).toContain("Cán bộ hỏi: “Mấy giờ thì đông?”");
    expect(lastText(await chat.send("resident", "Khoảng 10 giờ tối"))).toContain("Đã gửi câu trả lời");
  });

  it("moves a tip through its statuses, tells the tipster, and lets only officers do it", async () => {
    const { code } = await sendTip();
    expect(lastText(await chat.send("resident", `/xuly ${code} checking`))).toContain("không có quyền");
    expect(lastText(await chat.send("officer", `/xuly ${code} sai sai`))).toContain("Cách dùng: /xuly");
    expect(lastText(await chat.send("officer", `/xuly ${code} xac minh`))).toContain(`Tin báo ${code}: mới nhận → đang xác minh`);
    expect(lastText(await chat.history("resident"))).toBe(`Tin báo ${code} của bạn: đang xác minh. Cảm ơn bạn!`);
    expect(lastText(await chat.send("officer", "/tinbao"))).toContain(`${code} · Mua bán · đang xác minh`);
    expect(lastText(await chat.send("officer", `/xuly ${code} handled`))).toContain("đã xử lý");
    expect(lastText(await chat.send("officer", `/xuly ${code} unfounded`))).toContain("Không thể chuyển");
    expect(lastText(await chat.send("officer", "/tinbao"))).toBe("Không có tin báo nào đang mở.");
    expect(lastText(await chat.send("resident", `/tobao ${code}`))).toBe(`Tin báo ${code}: đã xử lý.`);
    expect(lastText(await chat.send("stranger", `/tobao ${code}`))).toContain("Không tìm thấy tin báo");
    expect(lastText(await chat.send("officer", "/xuly TB-ZZZZZZ checking"))).toContain("Không tìm thấy tin báo");
  });

  it("proves a reward to whoever holds the code and the secret, and to nobody else", async () => {
    const { code, secret } = await sendTip();
    expect(lastText(await chat.send("officer", `/khenthuong ${code}`))).toContain(`Đã đánh dấu khen thưởng cho tin báo ${code}`);
    expect(lastText(await chat.send("officer", `/khenthuong ${code}`))).toContain("đã được khen thưởng trước đó");
    expect(lastText(await chat.send("officer", `/xacminh ${code} ${secret.toLowerCase()}`))).toContain("✅ Đúng mã bí mật");
    expect(lastText(await chat.send("officer", `/xacminh ${code} WRONG234`))).toContain("❌ Mã bí mật không đúng");
    expect(lastText(await chat.send("resident", `/xacminh ${code} ${secret}`))).toContain("không có quyền");
  });

  it("limits tips per hour per person without slowing anyone else, and blocks a sender without naming them", async () => {
    for (let i = 0; i < 3; i++) await sendTip("flooder", `Tin báo số ${i + 1} về điểm nghi`);
    expect(lastText(await chat.send("flooder", "/tobao"))).toContain("Bạn đã gửi 3 tin báo trong một giờ qua");
    const other = await sendTip("neighbour");
    expect(other.code).toMatch(/^TB-/);
    chat.clock.now = new Date(chat.clock.now.getTime() + 3600_000 + 1);
    const later = await sendTip("flooder", "Lại có người bán hàng");
    expect(lastText(await chat.send("officer", `/chantin ${later.code}`))).toContain("Không ai biết đó là ai");
    expect(lastText(await chat.send("flooder", "/tobao"))).toContain("Bạn hiện không thể gửi tin báo");
    expect(lastText(await chat.send("neighbour", "/tobao"))).toContain("Tin báo về việc gì?");
  });
});
