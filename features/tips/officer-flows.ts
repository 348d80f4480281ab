import { isOfficer } from "../../src/domain/access.ts";
import { normalizeTipCode, TipStatus } from "../../src/domain/tips.ts";
import { fold } from "../../src/domain/text.ts";
import type { Effect, Flow, FlowContext } from "../../src/engine/flow.ts";
import type { Msg } from "../../src/engine/types.ts";
import { tipLines } from "./tip-lines.ts";

import { displayDateTime } from "../../src/domain/time.ts";

/** A tip as an officer reads it: what, where, when, status, the exchange with the tipster. */
export async function officerTipView(ctx: FlowContext, code: string): Promise<Msg[]> {
  const found = await ctx.q.tips.get(code);
  if (!found) return [{ key: "tip-not-found", args: { code } }];
  const { view, messages } = found;
  const say: Msg[] = [
    { key: "tip-officer-title", args: { code, status: { key: `tip-status-${view.status}` }, date: displayDateTime(view.createdAt, ctx.timeZone) } },
    { key: "lines", args: { lines: tipLines(view) } },
  ];
  if (messages.length > 0) {
    say.push({ key: "lines", args: { lines: messages.map((m) => ({ key: `tip-exchange-${m.kind}`, args: { text: m.text } })) } });
  }
  if (view.rewarded) say.push({ key: "tip-is-rewarded" });
  say.push({ key: "tip-officer-actions", args: { code } });
  return say;
}

/** A one-shot officers' command on one tip: `/name CODE [rest]`. */
function tipCommand(name: string, usage: string, effect: (code: string, rest: string) => Effect | Msg): Flow {
  return {
    name,
    oneShot: true,
    async start(ctx, args) {
      if (!isOfficer(ctx.person)) return { kind: "done", say: [{ key: "not-allowed" }] };
      const [first = "", ...rest] = args.trim().split(/\s+/);
      const code = normalizeTipCode(first);
      if (!code) return { kind: "done", say: [{ key: usage }] };
      const result = effect(code, rest.join(" ").trim());
      return "type" in result ? { kind: "done", effects: [result] } : { kind: "done", say: [result] };
    },
    steps: {},
  };
}

const STATUS_WORDS: Record<string, TipStatus> = {
  checking: "checking", "xac minh": "checking", "dang xac minh": "checking",
  handled: "handled", "da xu ly": "handled", "xu ly": "handled", xong: "handled",
  unfounded: "unfounded", "khong co co so": "unfounded", sai: "unfounded",
};

/** `/xuly CODE checking|handled|unfounded`: moves a tip on. */
export const tipStatusFlow = tipCommand("tipstatus", "tip-move-usage", (code, rest) => {
  const to = STATUS_WORDS[fold(rest)];
  return to ? { type: "tip.move", code, to } : { key: "tip-move-usage" };
});

/** `/hoi CODE question`: asks the tipster through the bot, never learning who they are. */
export const tipAskFlow = tipCommand("tipask", "tip-ask-usage", (code, rest) =>
  rest.length >= 2 && rest.length <= 1000 ? { type: "tip.ask", code, text: rest } : { key: "tip-ask-usage" },
);

/** `/chantin CODE`: the sender of this tip can no longer send tips. */
export const tipBlockFlow = tipCommand("tipblock", "tip-code-usage", (code) => ({ type: "tip.block", code }));

/** `/khenthuong CODE`: the tip led somewhere; its sender is to be rewarded. */
export const tipRewardFlow = tipCommand("tipreward", "tip-code-usage", (code) => ({ type: "tip.reward", code }));

/** `/xacminh CODE SECRET`: whoever shows both is the tip's sender (the reward proof). */
export const tipVerifyFlow = tipCommand("tipverify", "tip-verify-usage", (code, rest) =>
  rest ? { type: "tip.verify", code, secret: rest } : { key: "tip-verify-usage" },
);

/** `/tips`: the open tips, oldest first. */
export const tipsListFlow: Flow = {
  name: "tips",
  oneShot: true,
  async start(ctx) {
    if (!isOfficer(ctx.person)) return { kind: "done", say: [{ key: "not-allowed" }] };
    const stamp = (d: Date) => displayDateTime(d, ctx.timeZone);
    const open = await ctx.q.tips.open();
    if (open.length === 0) return { kind: "done", say: [{ key: "tips-none" }] };
    const lines: Msg[] = open.map((t) => ({
      key: "tips-line",
      args: {
        code: t.code,
        category: { key: `tip-cat-${t.category}` },
        status: { key: `tip-status-${t.status}` },
        date: stamp(t.createdAt),
        excerpt: t.description.length > 60 ? `${t.description.slice(0, 60)}…` : t.description,
      },
    }));
    const say: Msg[] = [{ key: "tips-title", args: { count: open.length } }, { key: "lines", args: { lines } }, { key: "tips-hint" }];
    return { kind: "done", say };
  },
  steps: {},
};
