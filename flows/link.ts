import type { Flow } from "../src/engine/flow.ts";

/**
 * `/link` gives a one-time code; `/link CODE` on the other app joins the two into one person,
 * who then gets reminders on whichever app they used last. Not a one-shot: linking in the middle
 * of another conversation would leave that conversation with a person who no longer exists.
 */
export const linkFlow: Flow = {
  name: "link",
  async start(_ctx, args) {
    const code = args.trim();
    return { kind: "done", effects: [code ? { type: "link.redeem", code } : { type: "link.create" }] };
  },
  steps: {},
};
