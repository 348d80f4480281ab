import { fold } from "../../src/domain/text.ts";
import type { Flow } from "../../src/engine/flow.ts";

// The answer to "take this role as well?", typed after the code or tapped: "/join CODE có".
const ANSWERS: Record<string, boolean> = { yes: true, y: true, co: true, ok: true, dongy: true, no: false, n: false, khong: false, k: false };

/**
 * `/join CODE`: adds the role (and unit) of an invite code to the ones the person holds. A role
 * held already is said so and the code is kept; a head invite that changes who reports for a
 * unit asks first, and is added on `/join CODE có` (a button). One-shot, so a code typed in the
 * middle of a report does not end it.
 */
export const joinFlow: Flow = {
  name: "join",
  oneShot: true,
  async start(ctx, args) {
    const [code = "", ...rest] = args.trim().split(/\s+/).filter(Boolean);
    if (!code) return { kind: "done", say: [{ key: "join-usage" }] };
    const answer = rest.length > 0 ? ANSWERS[fold(rest.join(""))] : undefined;
    if (answer === false) return { kind: "done", say: [{ key: "join-confirm-no" }] };
    const preview = await ctx.q.joinPreview(ctx.person.id, code, ctx.now);
    if (preview?.kind === "held") {
      return { kind: "done", say: [{ key: `join-already-${preview.role}`, args: { unit: preview.unit } }] };
    }
    if (preview?.kind === "confirm" && answer !== true) {
      const args_ = { unit: preview.unit, reporters: preview.reporters, own: preview.ownUnits.length, units: preview.ownUnits.join(", "), code };
      return {
        kind: "done",
        say: [{ key: "join-confirm-head", args: args_ }],
        choices: [
          { label: { key: "btn-yes" }, value: `/join ${code} co` },
          { label: { key: "btn-no" }, value: `/join ${code} khong` },
        ],
      };
    }
    return { kind: "done", effects: [{ type: "invite.redeem", code, confirmed: answer === true }] };
  },
  steps: {},
};
