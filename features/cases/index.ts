import { isOfficer } from "../../src/domain/access.ts";
import { defineFeature } from "../../src/engine/feature.ts";
import { caseFlow, caseInviteFlow, casesFlow, caseStatusFlow, newCaseFlow } from "./cases-flow.ts";
import { effects } from "./effects.ts";
import { queries } from "./queries.ts";

/** Rehab cases: officers open them (codes in chat, names sealed), invite mentors, change status. */
export const cases = defineFeature({
  name: "cases",
  commands: [
    { names: ["cases", "hoso"], flow: casesFlow, help: { rank: 80, for: isOfficer } },
    { names: ["case", "xemca"], flow: caseFlow, help: { rank: 81, for: isOfficer } },
    { names: ["casestatus", "trangthaica"], flow: caseStatusFlow },
    { names: ["newcase", "moca"], flow: newCaseFlow, help: { rank: 82, for: isOfficer } },
    { names: ["caseinvite", "moigiupdo"], flow: caseInviteFlow },
  ],
  effects,
  queries,
});
