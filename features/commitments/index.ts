import { defineFeature } from "../../src/engine/feature.ts";
import { commitmentsFlow } from "./commitments-flow.ts";
import { effects } from "./effects.ts";
import { queries, reportSuggestions } from "./queries.ts";

/**
 * Household commitments (DOMAIN.md): the register of households that signed, which the monthly
 * report's "households committed" starts from.
 */
export const commitments = defineFeature({
  name: "commitments",
  commands: [{ names: ["commitments", "camket"], flow: commitmentsFlow, says: ["cam ket", "ghi cam ket", "ho ky cam ket"] }],
  effects,
  queries,
  provides: { reportSuggestions },
});
