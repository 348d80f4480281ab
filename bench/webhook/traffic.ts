/**
 * Realistic Telegram traffic for the webhook bench: heads of neighbourhoods doing their monthly
 * report in a private chat, update for update as Telegram would POST them.
 */

/** One thing a head does: type a text, or tap an inline button. */
export type Action = { kind: "text"; text: string } | { kind: "tap"; data: string };

/**
 * The ten counts, in the order asked (DOMAIN.md). They respect the hard rules: new cases, family
 * rehab and relapses ≤ addicts (10); households committed (100) ≤ the unit's 500 households. A
 * unit "has_cases" with no previous month, so no soft warning interrupts the flow.
 */
export const REPORT_COUNTS = ["10", "3", "1", "2", "0", "1", "100", "2", "0", "1"] as const;

/** What each head sends: join with the invite code, the report, skip the notes, confirm. */
export function headScript(inviteCode: string): Action[] {
  return [
    { kind: "text", text: `/join ${inviteCode}` },
    { kind: "text", text: "/baocao" },
    ...REPORT_COUNTS.map((text): Action => ({ kind: "text", text })),
    { kind: "text", text: "bỏ qua" },
    { kind: "tap", data: "yes" },
  ];
}

/** Updates per head; each produces exactly one reply from our server. */
export const UPDATES_PER_HEAD = 2 + REPORT_COUNTS.length + 2;

/**
 * What the reply to the n-th action must contain (Vietnamese, the default language): checks the
 * server answered each update in the right order, not just that it answered something.
 */
export const EXPECTED_REPLIES: readonly RegExp[] = [
  /Bạn đã là trưởng/,
  /\(1\/11\)/,
  ...REPORT_COUNTS.map((_, i) => new RegExp(`\\(${i + 2}/11\\)`)),
  /Gửi báo cáo này\?/,
  /Đã gửi báo cáo tháng/,
];

/** A Telegram user id in the range real ones use; a private chat's id equals its user's. */
export const userIdOf = (index: number) => 700_000_000 + index;

/** Builds the update Telegram would POST for one action of user `userId`. */
export function toUpdate(updateId: number, userId: number, action: Action, messageId: number): Record<string, unknown> {
  const from = { id: userId, is_bot: false, first_name: `Trưởng ${userId % 1000}`, language_code: "vi" };
  const chat = { id: userId, type: "private", first_name: from.first_name };
  const date = Math.floor(Date.now() / 1000);
  if (action.kind === "tap") {
    return {
      update_id: updateId,
      callback_query: {
        id: `${userId}${updateId}`,
        from,
        chat_instance: "x",
        data: action.data,
        message: { message_id: 1, date: 1, chat: { id: userId, type: "private" } },
      },
    };
  }
  const message: Record<string, unknown> = { message_id: messageId, from, chat, date, text: action.text };
  // Telegram marks a leading /command as an entity; grammY and our translator both cope without.
  const command = /^\/\w+/.exec(action.text);
  if (command) message.entities = [{ type: "bot_command", offset: 0, length: command[0].length }];
  return { update_id: updateId, message };
}
