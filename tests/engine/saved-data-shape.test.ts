import { afterEach, describe, expect, it } from "vitest";
import { COUNT_FIELDS } from "../../src/domain/report.ts";
import { getConversation, saveConversation, type StoredConversation } from "../../src/store/conversations.ts";
import { isLocked, lockPeriod } from "../../src/store/reports.ts";
import { joinAs, lastText, openChat, seedUnit, type ChatDriver } from "../support/chat.ts";

const RESTARTED = "Hệ thống vừa được cập nhật nên câu hỏi đang dở đã kết thúc";

/**
 * A conversation whose saved data does not fit its flow's schema (saved by an older shape of the
 * flow, without a version bump) is ended with a word to the person at their next message, and the
 * step that would have committed on it never runs: nothing is stored half-way. Each saved shape
 * below is one the step would otherwise have acted on, so each case fails without the schema.
 */
describe("a conversation whose saved data does not fit its flow's schema", () => {
  let chat: ChatDriver;
  afterEach(async () => chat.close());

  /** The person in a conversation (only one is open in each case), and what was saved for them. */
  async function openConversation(): Promise<{ personId: number; saved: StoredConversation }> {
    const { personId } = await chat.db.conversation.findFirstOrThrow();
    return { personId, saved: (await getConversation(chat.db, personId))! };
  }

  /** Overwrites the open conversation, then sends `text` (or taps `press`) and checks the restart. */
  async function answerOverwritten(user: string, personId: number, c: StoredConversation, answer: { send?: string; press?: string }) {
    await saveConversation(chat.db, personId, c, chat.clock.now);
    const replies = answer.press !== undefined ? await chat.press(user, answer.press) : await chat.send(user, answer.send!);
    expect(lastText(replies)).toContain(RESTARTED);
    expect(await getConversation(chat.db, personId)).toBeNull();
    expect(chat.logLines.filter((l) => /"level":(50|60)/.test(l))).toEqual([]);
  }

  it("report: a summary saved without last month's figures is not submitted on 'có'", async () => {
    chat = await openChat("simulator");
    const unit = await seedUnit(chat.db);
    await joinAs(chat, "head", "head", unit.id);
    await chat.send("head", "/baocao");
    const { personId, saved } = await openConversation();
    const answers = { ...Object.fromEntries(COUNT_FIELDS.map((f) => [f, 0])), notes: null };
    const { previous: _, ...older } = saved.data as Record<string, unknown>;

    await answerOverwritten("head", personId, { ...saved, step: "confirm", data: { ...older, answers } }, { send: "có" });
    expect(await chat.db.monthlyReport.count()).toBe(0);
  });

  it("unlock: a month saved under another key is not reopened by the reason", async () => {
    chat = await openChat("simulator");
    await joinAs(chat, "officer", "officer", null);
    await lockPeriod(chat.db, "2026-10", null, chat.clock.now);
    await chat.send("officer", "/mokhoa 10/2026");
    const { personId, saved } = await openConversation();
    expect(saved.step).toBe("reason");

    await answerOverwritten("officer", personId, { ...saved, data: { month: "2026-10" } }, { send: "Sửa số liệu khu phố" });
    expect(await isLocked(chat.db, "2026-10")).toBe(true);
  });

  it("units: a rename saved without the month is not applied", async () => {
    chat = await openChat("simulator");
    const unit = await seedUnit(chat.db);
    await joinAs(chat, "officer", "officer", null);
    await chat.send("officer", `/donvi ${unit.name}`);
    const { personId, saved } = await openConversation();
    const { period: _, ...older } = saved.data as Record<string, unknown>;

    await answerOverwritten("officer", personId, { ...saved, step: "rename", data: older }, { send: "Khu phố Mới" });
    expect((await chat.db.unit.findUniqueOrThrow({ where: { id: unit.id } })).name).toBe(unit.name);
  });

  it("broadcast: an announcement saved without the audience sizes is not sent on 'có'", async () => {
    chat = await openChat("simulator");
    const unit = await seedUnit(chat.db);
    await joinAs(chat, "head", "head", unit.id);
    await joinAs(chat, "officer", "officer", null);
    await chat.send("officer", "/thongbao");
    const { personId, saved } = await openConversation();
    const { sizes: _, ...older } = saved.data as Record<string, unknown>;
    const data = { ...older, audience: "heads", unitId: null, text: "Họp tổ dân phố tối thứ Bảy." };

    await answerOverwritten("officer", personId, { ...saved, step: "confirm", data }, { send: "có" });
    expect(await chat.db.broadcast.count()).toBe(0);
  });

  it("subscribe: a unit question saved with unit ids only does not subscribe on 'all'", async () => {
    chat = await openChat("simulator");
    const a = await seedUnit(chat.db, "Khu phố 1");
    const b = await seedUnit(chat.db, "Khu phố 2");
    await chat.send("resident", "/dangky");
    const { personId, saved } = await openConversation();
    expect(saved.step).toBe("unit");

    await answerOverwritten("resident", personId, { ...saved, data: { unitIds: [a.id, b.id] } }, { press: "all" });
    expect((await chat.db.person.findUniqueOrThrow({ where: { id: personId } })).subscribed).toBe(false);
  });
});
