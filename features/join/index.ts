import { isOfficer } from "../../src/domain/access.ts";
import { defineFeature } from "../../src/engine/feature.ts";
import { effects } from "./effects.ts";
import { inviteFlow } from "./invite-flow.ts";
import { joinFlow } from "./join-flow.ts";
import { queries } from "./queries.ts";

/** Taking a role with an invite code, and officers making invite codes. */
export const join = defineFeature({
  name: "join",
  commands: [
    { names: ["join", "thamgia"], flow: joinFlow, says: ["tham gia"], bareWithArgs: true, help: { rank: 90, for: (p) => p.role === "resident" } },
    { names: ["invite", "moi"], flow: inviteFlow, help: { rank: 40, for: isOfficer } },
  ],
  effects,
  queries,
});
