import { afterEach, describe, expect, it } from "vitest";
import { joinAs, lastText, openChat, seedUnit, type ChatDriver } from "../support/chat.ts";

/** The code in a /link answer. */
const codeIn = (text: string) => /\/link ([A-Z0-9]{8})/.exec(text)![1]!;

describe("/link", () => {
  let chat: ChatDriver;
  afterEach(async () => chat.close());

  it("joins two accounts only after the code's owner says yes, keeping the role holder", async () => {
    chat = await openChat("simulator");
    const unit = await seedUnit(chat.db);
    await joinAs(chat, "head-phone", "head", unit.id);
    const head = await chat.db.person.findFirstOrThrow({ where: { role: "head" } });
    const code = codeIn(lastText(await chat.send("head-phone", "/link")));

    // The other app types the code: nothing is joined yet, the owner is asked.
    expect(lastText(await chat.send("head-web", `/link ${code}`))).toContain("hãy bấm “Đồng ý” trên ứng dụng kia");
    expect(await chat.db.person.count()).toBe(2);
    const [ask] = await chat.history("head-phone").then((h) => h.slice(-1));
    expect(ask!.text).toContain(`mã liên kết ${code}`);
    expect(ask!.choices.map((c) => c.label)).toEqual(["Đồng ý", "Không"]);

    expect(lastText(await chat.press("head-phone", ask!.choices[0]!.value))).toContain("Đã liên kết");
    expect(lastText(await chat.history("head-web"))).toContain("Đã liên kết");
    // One person, the head's own record, reachable from both apps.
    expect(await chat.db.person.findMany({ select: { id: true, role: true } })).toEqual([{ id: head.id, role: "head" }]);
    expect(await chat.db.channelIdentity.count({ where: { personId: head.id } })).toBe(2);
    expect(lastText(await chat.send("head-web", "/baocao"))).toContain("(1/11)");
  });

  it("changes nothing when the owner says no, and the code is spent", async () => {
    chat = await openChat("simulator");
    const code = codeIn(lastText(await chat.send("a", "/link")));
    await chat.send("b", `/link ${code}`);
    expect(lastText(await chat.send("a", "/lienket khong"))).toContain("Đã từ chối liên kết");
    expect(lastText(await chat.history("b"))).toContain("đã bị từ chối");
    expect(await chat.db.person.count()).toBe(2);
    expect(lastText(await chat.send("b", `/link ${code}`))).toContain("không đúng hoặc đã dùng");
    expect(lastText(await chat.send("a", "/link yes"))).toContain("Không có yêu cầu liên kết nào");
  });

  it("never hands an officer's powers to a resident's account by a code the officer typed, unless the resident confirms and the officer let it stand", async () => {
    chat = await openChat("simulator");
    await joinAs(chat, "officer", "officer", null);
    const officer = await chat.db.person.findFirstOrThrow({ where: { role: "officer" } });
    // A resident gets the officer to type the resident's code.
    const code = codeIn(lastText(await chat.send("resident", "/link")));
    const waiting = lastText(await chat.send("officer", `/link ${code}`));
    expect(waiting).toContain("ứng dụng kia sẽ dùng được quyền cán bộ của bạn");
    // Until the owner answers, the resident has no officer command.
    expect(lastText(await chat.send("resident", "/tonghop"))).toContain("không có quyền dùng lệnh này");
    // The officer takes it back: nothing joined, the resident's yes finds nothing.
    expect(lastText(await chat.send("officer", "/link khong"))).toContain("Đã hủy yêu cầu liên kết");
    expect(lastText(await chat.send("resident", "/link co"))).toContain("Không có yêu cầu liên kết nào");
    expect(lastText(await chat.send("resident", "/tonghop"))).toContain("không có quyền dùng lệnh này");
    expect(lastText(await chat.send("resident", "/tinbao"))).toContain("không có quyền dùng lệnh này");
    expect(await chat.db.person.count()).toBe(2);
    // Confirmed by both, the officer's own record is the one kept (not the resident's with a copied role).
    const again = codeIn(lastText(await chat.send("resident", "/link")));
    await chat.send("officer", `/link ${again}`);
    await chat.send("resident", "/link co");
    expect(await chat.db.person.findMany({ select: { id: true, role: true } })).toEqual([{ id: officer.id, role: "officer" }]);
  });

  it("refuses to join two accounts that both hold a role, and a code someone else typed first", async () => {
    chat = await openChat("simulator");
    const unit = await seedUnit(chat.db);
    await joinAs(chat, "head", "head", unit.id);
    await joinAs(chat, "mentor", "mentor", unit.id);
    const code = codeIn(lastText(await chat.send("head", "/link")));
    expect(lastText(await chat.send("mentor", `/link ${code}`))).toContain("cả hai tài khoản đều có vai trò");
    await chat.send("first", `/link ${code}`);
    expect(lastText(await chat.send("second", `/link ${code}`))).toContain("đang chờ xác nhận");
    expect(await chat.db.person.count()).toBe(4);
  });
});
