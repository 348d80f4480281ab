import { isOfficer } from "../../src/domain/access.ts";
import { defineFeature } from "../../src/engine/feature.ts";
import { effects } from "./effects.ts";
import { lockFlow, unlockFlow } from "./lock-flow.ts";
import { queries } from "./queries.ts";
import { reportFlow } from "./report-flow.ts";
import { summaryFlow } from "./summary-flow.ts";

/** The monthly report: a head files it, officers read the month's summary and lock the month. */
export const report = defineFeature({
  name: "report",
  commands: [
    { names: ["report", "baocao"], flow: reportFlow, help: { rank: 20, for: (p) => p.headOf.length > 0 }, says: ["bao cao", "lam bao cao", "bao cao thang", "gui bao cao", "nop bao cao"] },
    { names: ["summary", "tonghop"], flow: summaryFlow, help: { rank: 30, for: isOfficer }, says: ["tong hop", "xem tong hop", "tong hop thang"] },
    { names: ["lock", "khoaso"], flow: lockFlow, help: { rank: 60, for: isOfficer } },
    { names: ["unlock", "mokhoa", "mokhoaso"], flow: unlockFlow },
  ],
  effects,
  queries,
  suggestions: [
    { rank: 10, for: (p) => p.role === "head", button: { label: { key: "btn-start-report" }, value: "/baocao" } },
    { rank: 10, for: isOfficer, button: { label: { key: "btn-summary" }, value: "/tonghop" } },
  ],
});
