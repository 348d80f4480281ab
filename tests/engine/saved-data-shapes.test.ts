import { afterEach, describe, expect, it } from "vitest";
import { getConversation, saveConversation, type StoredConversation } from "../../src/store/conversations.ts";
import { lastText, type ChatDriver } from "../support/chat.ts";
import { joinTestCase, openCaseChat, openTestCase } from "../support/cases.ts";

const RESTARTED = "Hệ thống vừa được cập nhật nên câu hỏi đang dở đã kết thúc";

/**
 * Tips, cases and check-ins declare the shape of their saved data: a conversation saved in another
 * shape (a deploy renamed a key, dropped one, changed a value's kind) at the last step, where the
 * next answer would store something, is ended with a word to the person, and nothing is stored
 * from it. The conversation is real up to that step; only its saved data is swapped.
 */
describe("a conversation whose saved data does not fit its flow", () => {
  let chat: ChatDriver;
  afterEach(async () => chat.close());

  /** The one person in the middle of a conversation: `user`, who just answered. */
  async function personInConversation(): Promise<number> {
    const open = await chat.db.conversation.findMany();
    expect(open).toHaveLength(1);
    return open[0]!.personId;
  }

  /** Swaps the saved data of `user`'s open conversation (which must be `flow` at `step`), then answers. */
  async function answerAfterSwap(user: string, saved: Required<Pick<StoredConversation, "flow" | "step" | "data">>, answer: string) {
    const id = await personInConversation();
    const open = await getConversation(chat.db, id);
    expect(open).toMatchObject({ flow: saved.flow, step: saved.step });
    await saveConversation(chat.db, id, saved, chat.clock.now);
    const reply = lastText(await chat.send(user, answer));
    expect(reply).toContain(RESTARTED);
    expect(await getConversation(chat.db, id)).toBeNull();
    expect(chat.logLines.filter((l) => /"level":(50|60)/.test(l))).toEqual([]);
  }

  it("tips: a draft with a key this version does not know is not sent on the tipster's yes", async () => {
    ({ chat } = await openCaseChat("simulator"));
    await chat.send("resident", "/tobao");
    for (const answer of ["dealing", "Có người bán ma túy ở quán nước đầu ngõ", "Ngõ 5", "không rõ", "tối qua", "bỏ qua", "anonymous"]) await chat.send("resident", answer);
    // An older draft kept the description under another name.
    await answerAfterSwap("resident", { flow: "tip", step: "confirm", data: { category: "dealing", details: "Có người bán ma túy ở quán nước", anonymous: true } }, "có");
    expect(await chat.db.tip.count()).toBe(0);
    expect(chat.logLines.some((l) => l.includes("Có người bán"))).toBe(false);
  });

  it("cases: a new case saved without the codes taken is not opened when the name is given", async () => {
    const { chat: c, unitA } = await openCaseChat("simulator");
    chat = c;
    for (const answer of ["/moca", "NT-05", "Khu phố Nguyễn Trãi", "01/09/2026", "bỏ qua", "có"]) await chat.send("officer", answer);
    const saved = { units: [{ id: unitA, name: "Khu phố Nguyễn Trãi" }], today: "2026-11-25", code: "NT-05", unitId: unitA, startDate: "2026-09-01", endDate: null };
    await answerAfterSwap("officer", { flow: "newcase", step: "name", data: saved }, "bỏ qua");
    expect(await chat.db.rehabCase.count()).toBe(0);
  });

  it("cases: a status change saved with the case under another key changes nothing", async () => {
    const { chat: c, unitA } = await openCaseChat("simulator");
    chat = c;
    await openTestCase(chat, "NT-01", unitA);
    await chat.send("officer", "/trangthaica NT-01");
    await answerAfterSwap("officer", { flow: "casestatus", step: "status", data: { codes: ["NT-01"], caseCode: "NT-01" } }, "completed");
    expect(await chat.db.rehabCase.findFirstOrThrow()).toMatchObject({ status: "active" });
    expect(await chat.db.caseStatusChange.count()).toBe(0);
  });

  it("check-ins: answers saved without the list of confirmed cases are not stored on the mentor's yes", async () => {
    const { chat: c, unitA } = await openCaseChat("simulator");
    chat = c;
    const opened = await openTestCase(chat, "NT-01", unitA);
    await joinTestCase(chat, "mentor", opened.id, unitA);
    for (const answer of ["/checkin", "có", "gặp trực tiếp", "ổn định", "bỏ qua"]) await chat.send("mentor", answer);
    const current = { caseId: opened.id, code: "NT-01", contacted: true, method: "in_person", state: "stable", note: null };
    await answerAfterSwap("mentor", { flow: "checkin", step: "confirm", data: { week: "2026-11-23", cases: [{ id: opened.id, code: "NT-01", checked: false }], current } }, "có");
    expect(await chat.db.checkin.count()).toBe(0);
  });
});
