import { registry } from "../../features/index.ts";
import { afterEach, describe, expect, it } from "vitest";
import { loadSchedule } from "../../src/scheduler/schedule.ts";
import { runJob } from "../../src/scheduler/runner.ts";
import { preferredAddress } from "../../src/store/people.ts";
import { joinAs, lastText, openChat, seedUnit, simulatorHeaders, type ChatDriver } from "../support/chat.ts";
import { freshDb } from "../support/db.ts";
import { captureLogger } from "../support/logger.ts";
import { lastInbound, sealedIdentity } from "../support/people.ts";

const HOUR = 3600_000;

describe("the Zalo interaction window", () => {
  it("sends proactive messages on the last-used channel whose window is open", async () => {
    const { db, cleanup } = await freshDb();
    try {
      const now = new Date("2026-11-23T01:00:00Z");
      const person = await db.person.create({ data: { role: "head" } });
      const identity = (channel: string, hoursAgo: number) =>
        db.channelIdentity.create({ data: { personId: person.id, ...sealedIdentity(channel, `${channel}-1`), ...lastInbound(new Date(now.getTime() - hoursAgo * HOUR)) } });
      await identity("zalo", 47);
      expect(await preferredAddress(db, person.id, now)).toEqual({ channel: "zalo", chatId: "zalo-1" });
      await db.channelIdentity.updateMany({ where: { channel: "zalo" }, data: lastInbound(new Date(now.getTime() - 49 * HOUR)) });
      expect(await preferredAddress(db, person.id, now)).toBeNull();
      await identity("telegram", 24 * 30);
      expect(await preferredAddress(db, person.id, now)).toEqual({ channel: "telegram", chatId: "telegram-1" });
    } finally {
      await cleanup();
    }
  });
});

describe("Zalo delivery outside the window", () => {
  let chat: ChatDriver;
  afterEach(async () => chat.close());
  const deps = () => ({ db: chat.db, schedule: loadSchedule({}, registry.jobs), timeZone: "Asia/Ho_Chi_Minh", log: captureLogger().log });

  async function setup() {
    // They joined before the month's prompt (the 20th), which is then the first one sent.
    chat = await openChat("zalo", { now: new Date("2026-11-19T03:00:00Z") });
    const unit = await seedUnit(chat.db);
    await joinAs(chat, "head", "head", unit.id);
    await joinAs(chat, "officer", "officer", null);
    return unit;
  }

  it("puts a head silent on Zalo for three days on the officers' call list instead of dropping the prompt", async () => {
    await setup();
    chat.clock.now = new Date(chat.clock.now.getTime() + 72 * HOUR);
    // The officer wrote recently; the head did not.
    await chat.send("officer", "/trogiup");
    await runJob(deps(), "report-reminder", new Date("2026-11-23T01:00:00Z"), "manual", chat.clock.now);
    await chat.server.dispatcher.flush();
    expect(lastText(await chat.history("head"))).not.toContain("Nhắc");
    expect(lastText(await chat.history("officer"))).toContain("📵 Không nhắn được cho 1 người");
  });

  it("sends a message Zalo refuses as outside the window by the person's other channel", async () => {
    await setup();
    const head = await chat.db.person.findFirstOrThrow({ where: { role: "head" } });
    await chat.db.channelIdentity.create({ data: { personId: head.id, ...sealedIdentity("simulator", "head-web"), ...lastInbound(new Date("2026-11-01T00:00:00Z")) } });
    chat.zalo!.failNext(chat.zalo!.error(-230, "User has not interacted with the OA in the last 7 days"));
    await runJob(deps(), "report-prompt", new Date("2026-11-20T01:00:00Z"), "manual", chat.clock.now);
    await chat.server.dispatcher.flush();
    const web = await (await fetch(`${chat.base}/simulator/api/messages?user=head-web&after=0`, { headers: simulatorHeaders })).json();
    expect(web.messages.at(-1).text).toContain("📋 Đã đến kỳ báo cáo tháng 11/2026");
    expect(await chat.db.outboxMessage.count({ where: { status: "rerouted" } })).toBe(1);
  });

  it("tells the officers when Zalo refuses and there is no other channel", async () => {
    await setup();
    chat.zalo!.failNext(chat.zalo!.error(-230, "outside window"));
    await runJob(deps(), "report-prompt", new Date("2026-11-20T01:00:00Z"), "manual", chat.clock.now);
    await chat.server.dispatcher.flush();
    await chat.server.dispatcher.flush();
    expect(lastText(await chat.history("officer"))).toContain("quá 48 giờ");
  });
});

describe("linking Zalo and the other channel", () => {
  let chat: ChatDriver;
  afterEach(async () => chat.close());

  it("makes one person of two identities, keeping the role, with reminders on the app used last", async () => {
    chat = await openChat("zalo");
    const unit = await seedUnit(chat.db);
    const web = async (text: string, kind: "text" | "choice" = "text") => {
      const sent = kind === "text" ? { user: "head-web", text } : { user: "head-web", choice: text };
      await fetch(`${chat.base}/simulator/api/send`, { method: "POST", headers: simulatorHeaders, body: JSON.stringify(sent) });
      await chat.server.inbox.idle();
      await chat.server.dispatcher.flush();
      const body = await (await fetch(`${chat.base}/simulator/api/messages?user=head-web&after=0`, { headers: simulatorHeaders })).json();
      return body.messages.at(-1).text as string;
    };
    // The head joined on the web; on Zalo they are a stranger.
    const { createInvite, inviteExpiry } = await import("../../src/store/invites.ts");
    const code = await createInvite(chat.db, { role: "head", unitId: unit.id, createdBy: "test", expiresAt: inviteExpiry(chat.clock.now) });
    // After the 20th, the month's prompt follows the welcome (on the web, where they joined).
    expect(await web(`/join ${code}`)).toContain("📋 Đã đến kỳ báo cáo tháng 11/2026");
    expect((await chat.db.person.findFirstOrThrow()).role).toBe("head");
    expect(lastText(await chat.send("head", "/baocao"))).toContain("Chỉ trưởng khu phố");
    const offer = await web("/link");
    const linkCode = /\/link ([A-Z0-9]{8})/.exec(offer)?.[1];
    expect(linkCode).toBeDefined();
    expect(lastText(await chat.send("head", "/link WRONG123"))).toContain("không đúng");
    expect(lastText(await chat.send("head", `/link ${linkCode}`))).toContain("hãy bấm “Đồng ý” trên ứng dụng kia");
    expect(await chat.db.person.count()).toBe(2);
    // The head confirms on the web, where the code came from; both apps hear it.
    expect(await web(`/link yes ${linkCode}`, "choice")).toContain("Đã liên kết");
    await chat.server.dispatcher.flush();
    expect(lastText(await chat.history("head"))).toContain("Đã liên kết");
    expect(lastText(await chat.send("head", `/link ${linkCode}`))).toContain("không đúng");
    expect(await chat.db.person.count()).toBe(1);
    expect(lastText(await chat.send("head", "/baocao"))).toContain("(1/11)");
    // Zalo was used last, so the reminder goes there.
    await runJob({ db: chat.db, schedule: loadSchedule({}, registry.jobs), timeZone: "Asia/Ho_Chi_Minh", log: captureLogger().log }, "report-reminder", new Date("2026-11-23T01:00:00Z"), "manual", chat.clock.now);
    await chat.server.dispatcher.flush();
    expect(lastText(await chat.history("head"))).toContain("⏰ Nhắc");
  });

  it("refuses an expired code and two accounts that both hold a role", async () => {
    chat = await openChat("zalo");
    const unit = await seedUnit(chat.db);
    await joinAs(chat, "head", "head", unit.id);
    await joinAs(chat, "officer", "officer", null);
    const offer = lastText(await chat.send("officer", "/link"));
    const linkCode = /\/link ([A-Z0-9]{8})/.exec(offer)![1];
    expect(lastText(await chat.send("head", `/link ${linkCode}`))).toContain("cả hai tài khoản đều có vai trò");
    chat.clock.now = new Date(chat.clock.now.getTime() + 16 * 60_000);
    expect(lastText(await chat.send("someone", `/link ${linkCode}`))).toContain("hết hạn");
  });
});
