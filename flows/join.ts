import type { Flow } from "../src/engine/flow.ts";

/** `/join CODE`: takes the role and unit of an invite code. */
export const joinFlow: Flow = {
  name: "join",
  oneShot: true,
  async start(_ctx, args) {
    const code = args.trim();
    if (!code) return { kind: "done", say: [{ key: "join-usage" }] };
    return { kind: "done", effects: [{ type: "invite.redeem", code }] };
  },
  steps: {},
};
