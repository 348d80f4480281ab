import { isOfficer } from "../../src/domain/access.ts";
import { defineFeature } from "../../src/engine/feature.ts";
import { effects } from "./effects.ts";
import { webFlow } from "./web-flow.ts";

/** The way into the officers' console from chat (the console itself is `src/console/`). */
export const consoleLink = defineFeature({
  name: "console",
  commands: [
    {
      names: ["web", "trangweb"],
      flow: webFlow,
      says: ["trang web", "mo trang web", "xem tren web"],
      help: { rank: 85, for: (p) => isOfficer(p) || p.headOf.length > 0 },
    },
  ],
  effects,
});
