import { fold } from "../../src/domain/text.ts";
import type { Flow } from "../../src/engine/flow.ts";

// The owner's answer, typed or tapped: "/link yes CODE", "/lienket co", "/link không".
const ANSWERS: Record<string, boolean> = { yes: true, y: true, co: true, ok: true, dongy: true, no: false, n: false, khong: false, k: false, tuchoi: false };

/**
 * `/link` gives a one-time code; `/link CODE` on the other app asks the code's owner to confirm,
 * and `/link yes` (or no) from the owner joins the two into one person, who then gets reminders
 * on whichever app they used last. Not a one-shot: linking in the middle of another conversation
 * would leave that conversation with a person who may no longer exist.
 */
export const linkFlow: Flow = {
  name: "link",
  async start(_ctx, args) {
    const words = args.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) return { kind: "done", effects: [{ type: "link.create" }] };
    // "đồng ý" and "từ chối" are two words.
    if (words.length >= 2 && ANSWERS[fold(words[0]!)] === undefined && ANSWERS[fold(words[0]! + words[1]!)] !== undefined) {
      words.splice(0, 2, words[0]! + words[1]!);
    }
    const answer = ANSWERS[fold(words[0]!)];
    if (answer !== undefined && words.length <= 2) {
      return { kind: "done", effects: [{ type: "link.answer", accept: answer, code: words[1] ?? null }] };
    }
    return { kind: "done", effects: [{ type: "link.redeem", code: args.trim() }] };
  },
  steps: {},
};
