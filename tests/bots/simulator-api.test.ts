import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lastText, openChat, seedUnit, simulatorHeaders, type ChatDriver } from "../support/chat.ts";
import { createInvite, inviteExpiry } from "../../src/store/invites.ts";

/** The simulator's HTTP API as the page calls it: any display name is a person. */
describe("simulator API", () => {
  let chat: ChatDriver;
  beforeEach(async () => {
    chat = await openChat("simulator");
  });
  afterEach(async () => chat.close());

  const post = (body: unknown) =>
    fetch(`${chat.base}/simulator/api/send`, { method: "POST", headers: simulatorHeaders, body: JSON.stringify(body) });
  const messages = async (user: string) => {
    const res = await fetch(`${chat.base}/simulator/api/messages?user=${encodeURIComponent(user)}&after=0`, { headers: simulatorHeaders });
    return { status: res.status, body: (await res.json()) as { error?: string; messages?: { text: string }[] } };
  };

  it("takes a Vietnamese name with spaces as one person, whatever its case, spacing or Unicode form", async () => {
    const unit = await seedUnit(chat.db);
    const code = await createInvite(chat.db, { role: "head", unitId: unit.id, createdBy: "test", expiresAt: inviteExpiry(chat.clock.now) });
    // The welcome, then (after the 20th) the month's prompt.
    expect((await chat.send("Bác Tâm", `/join ${code}`))[0]!.text).toContain("Bạn đã là trưởng Khu phố Nguyễn Trãi");
    // The same person typed differently: decomposed accents (as some keyboards send), other case, extra spaces.
    for (const same of ["Bác Tâm".normalize("NFD"), "bác tâm", "  BÁC   TÂM "]) {
      const { status, body } = await messages(same);
      expect(status).toBe(200);
      expect(body.messages!.at(-1)!.text).toContain("Khu phố Nguyễn Trãi");
    }
    // Another name is another person.
    expect((await messages("Bác Tấm")).body.messages).toEqual([]);
    const longest = "Nguyễn Thị Minh Khai tổ dân phố số 3 khu phố Nguyễn Trãi, Lang Ch".slice(0, 64);
    expect(longest).toHaveLength(64);
    expect((await post({ user: longest, text: "/trogiup" })).status).toBe(200);
  });

  it("answers a bad request in Vietnamese, saying what to type", async () => {
    const cases: [unknown, string][] = [
      [{ text: "xin chào" }, "Vui lòng nhập tên vào ô “Bạn là”."],
      [{ user: "   ", text: "xin chào" }, "Vui lòng nhập tên vào ô “Bạn là”."],
      [{ user: "x".repeat(65), text: "xin chào" }, "Tên trong ô “Bạn là” dài tối đa 64 ký tự."],
      [{ user: "Bác\u0000Tâm", text: "xin chào" }, "Tên trong ô “Bạn là” có ký tự không hợp lệ."],
      [{ user: "Bác Tâm" }, "Vui lòng nhập tin nhắn trước khi gửi."],
    ];
    for (const [body, error] of cases) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error });
    }
    expect(await messages("")).toEqual({ status: 400, body: { error: "Vui lòng nhập tên vào ô “Bạn là”." } });
  });
});
