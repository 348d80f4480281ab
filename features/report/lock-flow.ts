import { z } from "zod";
import { isOfficer } from "../../src/domain/access.ts";
import { displayPeriod, parsePeriodText, periodOf, previousPeriod } from "../../src/domain/period.ts";
import type { Flow } from "../../src/engine/flow.ts";
import { textAnswer } from "../../src/engine/steps.ts";

/** `/lock YYYY-MM`: an officer closes a month that has ended; its reports can no longer be corrected. */
export const lockFlow: Flow = {
  name: "lock",
  oneShot: true,
  async start(ctx, args) {
    if (!isOfficer(ctx.person)) return { kind: "done", say: [{ key: "not-allowed" }] };
    const current = periodOf(ctx.now, ctx.timeZone);
    const period = parsePeriodText(args);
    if (!period) return { kind: "done", say: [{ key: "lock-usage", args: { example: displayPeriod(previousPeriod(current)) } }] };
    // The effect checks again: the month may turn between the command and its commit.
    if (period >= current) return { kind: "done", say: [{ key: "lock-not-ended", args: { period: displayPeriod(period) } }] };
    return { kind: "done", effects: [{ type: "period.lock", period }] };
  },
  steps: {},
};

/** Why a month is reopened: kept in the lock history, so a few words at least. */
export const MAX_UNLOCK_REASON = 500;

/** The month being reopened (YYYY-MM), while its reason is asked for. */
export const UnlockData = z.object({ period: z.string().regex(/^\d{4}-\d{2}$/) });
export type UnlockData = z.infer<typeof UnlockData>;

/**
 * `/unlock YYYY-MM [reason]` (`/mokhoa`): an officer reopens a locked month so its reports can be
 * corrected. The reason is asked for when it is not given after the month; both are kept.
 */
export const unlockFlow: Flow<UnlockData> = {
  name: "unlock",
  data: UnlockData,
  async start(ctx, args) {
    if (!isOfficer(ctx.person)) return { kind: "done", say: [{ key: "not-allowed" }] };
    const [first = "", ...rest] = args.trim().split(/\s+/);
    const period = parsePeriodText(first);
    if (!period) return { kind: "done", say: [{ key: "unlock-usage", args: { example: displayPeriod(previousPeriod(periodOf(ctx.now, ctx.timeZone))) } }] };
    if (!(await ctx.q.isLocked(period))) return { kind: "done", say: [{ key: "unlock-not-locked", args: { period: displayPeriod(period) } }] };
    const reason = rest.join(" ").trim();
    if (reason.length > MAX_UNLOCK_REASON) return { kind: "done", say: [{ key: "err-too-long", args: { max: MAX_UNLOCK_REASON } }] };
    if (reason) return { kind: "done", effects: [{ type: "period.unlock", period, reason }] };
    return { kind: "conversation", step: "reason", data: { period } };
  },
  steps: {
    reason: {
      ask: (d) => ({ say: [{ key: "unlock-ask-reason", args: { period: displayPeriod(d.period) } }] }),
      reply(input, d) {
        const answer = textAnswer(input, { max: MAX_UNLOCK_REASON, optional: false });
        if (!answer.ok) return { kind: "invalid", say: [{ key: "unlock-reason-expected" }] };
        return { kind: "done", effects: [{ type: "period.unlock", period: d.period, reason: answer.value! }] };
      },
    },
  },
};
