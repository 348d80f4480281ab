import { isOfficer } from "../src/domain/access.ts";
import { parsePeriodText } from "../src/domain/period.ts";
import type { Flow } from "../src/engine/flow.ts";

/** `/lock YYYY-MM`: an officer closes a month; its reports can no longer be corrected. */
export const lockFlow: Flow = {
  name: "lock",
  oneShot: true,
  async start(ctx, args) {
    if (!isOfficer(ctx.person)) return { kind: "done", say: [{ key: "not-allowed" }] };
    const period = parsePeriodText(args);
    if (!period) return { kind: "done", say: [{ key: "lock-usage" }] };
    return { kind: "done", effects: [{ type: "period.lock", period }] };
  },
  steps: {},
};
