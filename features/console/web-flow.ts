import { isOfficer } from "../../src/domain/access.ts";
import type { Flow } from "../../src/engine/flow.ts";

/**
 * `/web` (`/trangweb`): a one-time link to the officers' console. Officers and heads only (a head's
 * console shows their own unit); the link itself is made when the effect is applied.
 */
export const webFlow: Flow = {
  name: "web",
  oneShot: true,
  async start(ctx) {
    if (!isOfficer(ctx.person) && ctx.person.headOf.length === 0) return { kind: "done", say: [{ key: "not-allowed" }] };
    return { kind: "done", effects: [{ type: "console.link" }] };
  },
  steps: {},
};
