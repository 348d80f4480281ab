import { afterEach, describe, expect, it } from "vitest";
import { getConversation, saveConversation } from "../../src/store/conversations.ts";
import { joinAs, lastText, openChat, seedUnit, type ChatDriver } from "../support/chat.ts";

/**
 * After a deploy changes a flow, a person in the middle of it is told their conversation
 * restarted, instead of a step failing three times on data it does not know and an apology.
 */
describe("a conversation saved by another version of its flow", () => {
  let chat: ChatDriver;
  afterEach(async () => chat.close());

  const personOf = async () => (await chat.db.conversation.findFirstOrThrow()).personId;

  it.each([
    ["an older version of the report flow, with data of another shape", { flow: "report", step: "suspected", data: { old: true }, version: 0 }],
    ["a flow that no longer exists", { flow: "surveyOld", step: "q1", data: {} }],
    ["a step that no longer exists", { flow: "report", step: "removedStep", data: {} }],
  ])("is ended and the person told (%s), then starts again cleanly", async (_, saved) => {
    chat = await openChat("simulator");
    const unit = await seedUnit(chat.db);
    await joinAs(chat, "head", "head", unit.id);
    await chat.send("head", "/baocao");
    const personId = await personOf();
    await saveConversation(chat.db, personId, saved, chat.clock.now);

    const reply = lastText(await chat.send("head", "4"));
    expect(reply).toContain("Hệ thống vừa được cập nhật nên câu hỏi đang dở đã kết thúc");
    expect(await getConversation(chat.db, personId)).toBeNull();
    expect(lastText(await chat.send("head", "/baocao"))).toContain("(1/11)");
    expect(chat.logLines.filter((l) => /"level":(50|60)/.test(l))).toEqual([]);
  });

  it("goes on as before when it was saved by the flow's current version", async () => {
    chat = await openChat("simulator");
    const unit = await seedUnit(chat.db);
    await joinAs(chat, "head", "head", unit.id);
    await chat.send("head", "/baocao");
    expect(lastText(await chat.send("head", "12"))).toContain("(2/11)");
    expect(lastText(await chat.send("head", "4"))).toContain("(3/11)");
  });
});
