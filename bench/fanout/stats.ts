import type { Records } from "./fake-bot-api.ts";

export interface SideFigures {
  side: string;
  limit: number;
  recipients: number;
  /** s from the start of the fan-out until the sender said it was done */
  elapsedS: number;
  /** accepted sendMessage calls at the fake (duplicates included) */
  accepted: number;
  /** recipients with at least one accepted message */
  delivered: number;
  /** s from the first to the last accepted message */
  spanS: number;
  /** delivered / span, msg/s, and as % of the limit */
  spanRate: number;
  spanPct: number;
  /** delivered / elapsed, msg/s, and as % of the limit */
  wallRate: number;
  wallPct: number;
  /** 429s the fake answered: over the global limit, and over the per-chat limit */
  tooMany: number;
  tooManyPerChat: number;
  /** recipients with no accepted message */
  lost: number;
  /** recipients with more than one accepted message */
  duplicates: number;
  /** messages accepted for a chat that is not a recipient, or with the wrong text */
  wrong: number;
  /** most messages accepted in any sliding 1-second window (the fake keeps it ≤ limit) */
  peakWindow: number;
  /** from the sender's side: what it got back (outbox rows by status, settled promises), timings */
  senderSays: Record<string, number>;
  /** accepted and 429 per second since the start, for --timeline */
  timeline: { accepted: number[]; tooMany: number[] };
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export function figures(args: {
  side: string;
  fake: Records;
  limit: number;
  recipients: string[];
  textOf: (chatId: string) => string;
  startAt: number;
  endAt: number;
  senderSays: Record<string, number>;
}): SideFigures {
  const { fake, limit, recipients, startAt, endAt } = args;
  const perChat = new Map<string, number>(recipients.map((r) => [r, 0]));
  let wrong = 0;
  for (const a of fake.accepted) {
    const n = perChat.get(a.chatId);
    if (n === undefined || a.text !== args.textOf(a.chatId)) wrong++;
    if (n !== undefined) perChat.set(a.chatId, n + 1);
  }
  const counts = [...perChat.values()];
  const delivered = counts.filter((n) => n > 0).length;
  const first = fake.accepted[0]?.at ?? startAt;
  const last = fake.accepted.at(-1)?.at ?? startAt;
  const spanS = (last - first) / 1000;
  const elapsedS = (endAt - startAt) / 1000;
  const spanRate = spanS > 0 ? delivered / spanS : 0;
  const wallRate = elapsedS > 0 ? delivered / elapsedS : 0;

  let peakWindow = 0;
  for (let i = 0, j = 0; i < fake.accepted.length; i++) {
    while (fake.accepted[j]!.at <= fake.accepted[i]!.at - 1000) j++;
    peakWindow = Math.max(peakWindow, i - j + 1);
  }

  const seconds = Math.max(1, Math.ceil((Math.max(endAt, last) - startAt) / 1000));
  const timeline = { accepted: new Array<number>(seconds).fill(0), tooMany: new Array<number>(seconds).fill(0) };
  const bucket = (at: number) => Math.min(seconds - 1, Math.max(0, Math.floor((at - startAt) / 1000)));
  for (const a of fake.accepted) timeline.accepted[bucket(a.at)]!++;
  for (const r of fake.rejected) timeline.tooMany[bucket(r.at)]!++;

  return {
    side: args.side,
    limit,
    recipients: recipients.length,
    elapsedS: round(elapsedS),
    accepted: fake.accepted.length,
    delivered,
    spanS: round(spanS),
    spanRate: round(spanRate),
    spanPct: round((100 * spanRate) / limit, 1),
    wallRate: round(wallRate),
    wallPct: round((100 * wallRate) / limit, 1),
    tooMany: fake.rejected.filter((r) => r.why === "global").length,
    tooManyPerChat: fake.rejected.filter((r) => r.why === "per-chat").length,
    lost: counts.filter((n) => n === 0).length,
    duplicates: counts.filter((n) => n > 1).length,
    wrong,
    peakWindow,
    senderSays: args.senderSays,
    timeline,
  };
}
