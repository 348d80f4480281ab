import { isOfficer } from "../../src/domain/access.ts";
import { defineFeature } from "../../src/engine/feature.ts";
import { effects } from "./effects.ts";
import { peopleFlow, removeRoleFlow } from "./people-flow.ts";
import { queries } from "./queries.ts";

/** Who holds which role, and an officer taking one away. */
export const people = defineFeature({
  name: "people",
  commands: [
    { names: ["people", "nguoi"], flow: peopleFlow, help: { rank: 50, for: isOfficer } },
    { names: ["removerole", "boquyen"], flow: removeRoleFlow },
  ],
  effects,
  queries,
});
