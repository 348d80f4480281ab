import { defineFeature } from "../../src/engine/feature.ts";
import { effects } from "./effects.ts";
import { linkFlow } from "./link-flow.ts";

/** One person on two apps: a code typed on the other app, confirmed by its owner. */
export const link = defineFeature({
  name: "link",
  commands: [{ names: ["link", "lienket"], flow: linkFlow, help: { rank: 95 } }],
  effects,
});
