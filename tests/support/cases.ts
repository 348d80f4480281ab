import { expect } from "vitest";
import { openCase, sealerFor } from "../../src/store/cases.ts";
import { createInvite, inviteExpiry } from "../../src/store/invites.ts";
import { joinAs, lastText, openChat, seedUnit, type ChatDriver, type Reply, type TestChannel } from "./chat.ts";
import { TEST_DATA_KEY } from "./db.ts";

/** Wednesday 25/11/2026, 10:00 in Hà Nội: the week of Monday 23/11/2026. */
export const WEDNESDAY = new Date("2026-11-25T03:00:00Z");

export const labels = (r: Reply[]) => r.at(-1)?.choices.map((c) => c.label) ?? [];
export const texts = (r: Reply[]) => r.map((m) => m.text).join("\n");

/** A chat on a Wednesday with two units, an officer, and the head of the first unit. */
export async function openCaseChat(channel: TestChannel) {
  const chat = await openChat(channel, { now: WEDNESDAY });
  const unitA = (await seedUnit(chat.db, "Khu phố Nguyễn Trãi")).id;
  const unitB = (await seedUnit(chat.db, "Khu phố Chí Linh", 100, "has_cases")).id;
  await joinAs(chat, "officer", "officer", null);
  await joinAs(chat, "head", "head", unitA);
  return { chat, unitA, unitB };
}

/** A case opened in the store (its name sealed as the product seals it). */
export function openTestCase(
  chat: ChatDriver,
  code: string,
  unitId: number,
  options: { start?: string; end?: string | null; name?: string | null } = {},
) {
  return openCase(
    chat.db,
    { code, unitId, name: options.name ?? null, startDate: options.start ?? "2026-09-01", endDate: options.end === undefined ? "2027-03-01" : options.end },
    sealerFor(TEST_DATA_KEY),
  );
}

/** A mentor who joins a case through the real /join flow. */
export async function joinTestCase(chat: ChatDriver, user: string, caseId: number, unitId: number) {
  const code = await createInvite(chat.db, { role: "mentor", unitId, caseId, createdBy: "test", expiresAt: inviteExpiry(chat.clock.now) });
  const replies = await chat.send(user, `/join ${code}`);
  // The welcome may be followed by the week's check-in prompt, owed at once.
  expect(texts(replies)).toMatch(/Bạn được phân công giúp đỡ trường hợp|You are now a mentor of case/);
}
