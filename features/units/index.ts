import { isOfficer } from "../../src/domain/access.ts";
import { defineFeature } from "../../src/engine/feature.ts";
import { effects } from "./effects.ts";
import { queries } from "./queries.ts";
import { unitAdminFlow } from "./unit-admin-flow.ts";

/** The neighbourhoods: officers rename, count, reclassify and retire them; every feature reads them. */
export const units = defineFeature({
  name: "units",
  commands: [{ names: ["units", "donvi", "khupho"], flow: unitAdminFlow, help: { rank: 70, for: isOfficer } }],
  effects,
  queries,
});
