import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEMO_CASE_CODE, prepareDemo } from "../src/demo.ts";
import { lastText, openChat, type ChatDriver } from "./support/chat.ts";
import { labels } from "./support/cases.ts";

/**
 * Demo mode on an empty database, then the printed codes used in the web simulator as a
 * person trying the product would: the mentor's code leads to a case to check in on.
 */
describe("demo mode", () => {
  let chat: ChatDriver;
  // Wednesday 25/11/2026, 10:00 in Việt Nam.
  const now = new Date("2026-11-25T03:00:00Z");

  beforeEach(async () => {
    chat = await openChat("simulator", { now });
  });
  afterEach(async () => chat.close());

  it("opens a demo case so the printed mentor code leads to a weekly check-in through the simulator", async () => {
    const demo = await prepareDemo(chat.db, { now, timeZone: "Asia/Ho_Chi_Minh" });
    const mentor = demo.invites.find((i) => i.role === "mentor")!;
    expect(mentor).toMatchObject({ unit: "Khu phố Nguyễn Trãi", caseCode: DEMO_CASE_CODE });
    expect(await chat.db.rehabCase.findUniqueOrThrow({ where: { code: DEMO_CASE_CODE } })).toMatchObject({ startDate: "2026-11-25", status: "active" });

    // A Vietnamese display name, with a space, as a person types it in "Bạn là".
    // The welcome, then (a mentor joining mid-week) the week's check-in prompt.
    const joined = (await chat.send("Bác Tâm", `/join ${mentor.code}`)).map((r) => r.text);
    expect(joined[0]).toContain(`Bạn được phân công giúp đỡ trường hợp ${DEMO_CASE_CODE}`);
    const asked = await chat.send("Bác Tâm", "/xacnhan");
    expect(lastText(asked)).toContain(`Tuần này bạn có liên hệ được với ${DEMO_CASE_CODE} không?`);
    expect(labels(asked)).toEqual(["Có", "Không"]);
    await chat.send("Bác Tâm", "có");
    await chat.send("Bác Tâm", "gặp trực tiếp");
    await chat.send("Bác Tâm", "ổn định");
    expect(lastText(await chat.send("Bác Tâm", "bỏ qua"))).toContain("Đúng chưa?");
    expect(lastText(await chat.send("Bác Tâm", "có"))).toContain(`• ${DEMO_CASE_CODE}: Ổn định`);
    expect(await chat.db.checkin.findMany()).toMatchObject([{ week: "2026-11-23", contacted: true, state: "stable" }]);
  });

  it("is idempotent across restarts: one case, the same unused codes, a new mentor code for the same case once one is used", async () => {
    const first = await prepareDemo(chat.db, { now });
    // The next day: the codes still work (they expire after INVITE_TTL_DAYS), so they are shown again.
    const again = await prepareDemo(chat.db, { now: new Date("2026-11-26T03:00:00Z") });
    expect(again.invites).toEqual(first.invites);
    expect(again.createdUnits).toBe(false);
    expect(await chat.db.rehabCase.count()).toBe(1);
    expect((await chat.db.rehabCase.findFirstOrThrow()).startDate).toBe("2026-11-25");

    const mentor = first.invites.find((i) => i.role === "mentor")!;
    await chat.send("Chị Hoa", `/join ${mentor.code}`);
    const third = await prepareDemo(chat.db, { now });
    const next = third.invites.find((i) => i.role === "mentor")!;
    expect(next.code).not.toBe(mentor.code);
    expect(next.caseCode).toBe(DEMO_CASE_CODE);
    expect(await chat.db.rehabCase.count()).toBe(1);
    expect(third.invites.filter((i) => i.role !== "mentor")).toEqual(first.invites.filter((i) => i.role !== "mentor"));
  });
});
