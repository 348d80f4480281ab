import { registry } from "../../features/index.ts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadSchedule, type JobName } from "../../src/scheduler/schedule.ts";
import { runJob } from "../../src/scheduler/runner.ts";
import { CHANNELS, joinAs, lastText, openChat, seedUnit, type ChatDriver } from "../support/chat.ts";
import { captureLogger } from "../support/logger.ts";

const schedule = loadSchedule({}, registry.jobs);

async function run(chat: ChatDriver, job: JobName, iso: string) {
  const outcome = await runJob({ db: chat.db, schedule, timeZone: "Asia/Ho_Chi_Minh", log: captureLogger().log }, job, new Date(iso), "manual", chat.clock.now);
  await chat.server.dispatcher.flush();
  return outcome;
}

describe.each(CHANNELS)("reminders over %s", (channel) => {
  let chat: ChatDriver;
  beforeEach(async () => {
    chat = await openChat(channel);
    const unit = await seedUnit(chat.db);
    await joinAs(chat, "head", "head", unit.id);
    await joinAs(chat, "officer", "officer", null);
  });
  afterEach(async () => chat.close());

  it("starts the report when the head taps the prompt's button", async () => {
    await run(chat, "report-prompt", "2026-11-20T01:00:00Z");
    const prompt = (await chat.history("head")).at(-1)!;
    expect(prompt.text).toContain("📋 Đã đến kỳ báo cáo tháng 11/2026 của Khu phố Nguyễn Trãi");
    expect(prompt.choices).toEqual([{ label: "📝 Làm báo cáo", value: "/baocao" }]);
    const started = await chat.press("head", "/baocao");
    expect(lastText(started)).toContain("(1/11) Số người nghiện có hồ sơ quản lý?");
  });

  it("starts the report on any reply to the prompt, once", async () => {
    await run(chat, "report-reminder", "2026-11-23T01:00:00Z");
    expect(lastText(await chat.history("head"))).toContain("⏰ Nhắc: Khu phố Nguyễn Trãi chưa gửi báo cáo tháng 11/2026");
    expect(lastText(await chat.send("head", "vâng"))).toContain("(1/11)");
    await chat.send("head", "/huy");
    expect(lastText(await chat.send("head", "vâng"))).toContain("Tôi chưa hiểu");
  });
});

describe("undeliverable reminders over Telegram", () => {
  let chat: ChatDriver;
  beforeEach(async () => {
    // They joined before the month's prompt, which is then the first proactive message.
    chat = await openChat("telegram", { now: new Date("2026-11-19T03:00:00Z") });
    const unit = await seedUnit(chat.db);
    await joinAs(chat, "head", "head", unit.id);
    await joinAs(chat, "officer", "officer", null);
  });
  afterEach(async () => chat.close());

  it("does not retry a head who blocked the bot, and tells the officers to call", async () => {
    const fake = chat.fake!;
    fake.failNext("sendMessage", fake.blocked());
    await run(chat, "report-prompt", "2026-11-20T01:00:00Z");
    await chat.server.dispatcher.flush();
    const tries = fake.calls.filter((c) => c.method === "sendMessage" && c.body.text.includes("📋"));
    expect(tries).toHaveLength(1);
    expect(lastText(await chat.history("officer"))).toBe(
      "📵 Không gửi được tin nhắn cho trưởng khu phố Khu phố Nguyễn Trãi qua telegram (người nhận đã chặn hoặc không còn dùng kênh này). Vui lòng gọi điện.",
    );
    // The next run finds the head unreachable and puts them on the call list at once.
    await run(chat, "report-reminder", "2026-11-23T01:00:00Z");
    expect(lastText(await chat.history("officer"))).toContain("📵 Không nhắn được cho 1 người");
  });

  it("marks a reminder failed after its last 5xx try and tells the officers", async () => {
    const fake = chat.fake!;
    fake.failNext("sendMessage", ...Array.from({ length: 6 }, () => fake.serverError()));
    await run(chat, "report-prompt", "2026-11-20T01:00:00Z");
    const tick = () => (chat.clock.now = new Date(chat.clock.now.getTime() + 60_000));
    await expect.poll(async () => (tick(), (await chat.db.outboxMessage.findFirst({ where: { idempotencyKey: { startsWith: "report-prompt" } } }))?.status), { timeout: 10_000 }).toBe("failed");
    await expect.poll(async () => lastText(await chat.history("officer")), { timeout: 5000 }).toContain("gửi thất bại sau nhiều lần thử");
  });
});
