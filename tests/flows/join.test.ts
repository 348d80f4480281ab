import { afterEach, describe, expect, it } from "vitest";
import { createInvite, inviteExpiry } from "../../src/store/invites.ts";
import { joinAs, lastText, openChat, seedUnit, type ChatDriver } from "../support/chat.ts";

const DAY = 86_400_000;

describe("/join", () => {
  let chat: ChatDriver;
  afterEach(async () => chat.close());

  it("tells the officer until when a new code works, and refuses it after that in plain Vietnamese", async () => {
    chat = await openChat("simulator");
    const unit = await seedUnit(chat.db);
    await joinAs(chat, "officer", "officer", null);
    // The clock is 03:00 UTC, 10:00 in Hà Nội, on 21/11/2026; codes work 14 days.
    const created = lastText(await chat.send("officer", "/invite head nguyen trai"));
    expect(created).toContain("Mã chỉ dùng được một lần, đến 10:00 05/12/2026.");
    const code = /\/join ([A-Z0-9]{8})/.exec(created)![1]!;
    expect(await chat.db.invite.findUniqueOrThrow({ where: { code } })).toMatchObject({ expiresAt: new Date(chat.clock.now.getTime() + 14 * DAY) });

    chat.clock.now = new Date(chat.clock.now.getTime() + 14 * DAY);
    expect(lastText(await chat.send("late", `/join ${code}`))).toBe("Mã mời này đã hết hạn. Hãy xin cán bộ một mã mới.");
    expect(await chat.db.person.findFirst({ where: { role: "head", unitId: unit.id } })).toBeNull();
  });

  it("counts codes made before expiry existed from when they were made", async () => {
    chat = await openChat("simulator");
    const code = await createInvite(chat.db, { role: "officer", unitId: null, createdBy: "test", expiresAt: inviteExpiry(chat.clock.now) });
    await chat.db.invite.update({ where: { code }, data: { expiresAt: null, createdAt: new Date(chat.clock.now.getTime() - 15 * DAY) } });
    expect(lastText(await chat.send("someone", `/join ${code}`))).toContain("đã hết hạn");
  });

  it("stops a person after 5 wrong codes for 15 minutes, even for a right one, and says when to try again", async () => {
    chat = await openChat("simulator");
    const good = await createInvite(chat.db, { role: "officer", unitId: null, createdBy: "test", expiresAt: inviteExpiry(chat.clock.now) });
    for (let i = 0; i < 5; i++) {
      expect(lastText(await chat.send("guesser", `/join WRONG${String(i).padStart(3, "2")}`))).toContain("không đúng");
    }
    expect(lastText(await chat.send("guesser", `/join ${good}`))).toBe("Bạn đã nhập sai mã quá nhiều lần. Vui lòng thử lại sau 15 phút.");
    // Link codes count too: guessing them is the same attack.
    expect(lastText(await chat.send("guesser", "/link ABCDEFGH"))).toContain("thử lại sau 15 phút");
    expect(await chat.db.invite.findUniqueOrThrow({ where: { code: good } })).toMatchObject({ usedAt: null });
    // Someone else is not held back by the guesser.
    expect(lastText(await chat.send("officer", `/join ${good}`))).toContain("Bạn đã là cán bộ");
  });
});
