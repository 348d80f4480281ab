import { isOfficer } from "../../src/domain/access.ts";
import { defineFeature } from "../../src/engine/feature.ts";
import { commandValue } from "../../src/engine/flow.ts";
import { lockCommand, reportCommand, summaryCommand, unlockCommand } from "./commands.ts";
import { effects } from "./effects.ts";
import { reportJobs } from "./jobs.ts";
import { queries } from "./queries.ts";

/** The monthly report: a head files it, officers read the month's summary and lock the month; heads are prompted and reminded, officers told who is missing. */
export const report = defineFeature({
  name: "report",
  commands: [reportCommand, summaryCommand, lockCommand, unlockCommand],
  effects,
  queries,
  suggestions: [
    { rank: 10, for: (p) => p.role === "head", button: { label: { key: "btn-start-report" }, value: commandValue(reportCommand) } },
    { rank: 10, for: isOfficer, button: { label: { key: "btn-summary" }, value: commandValue(summaryCommand) } },
  ],
  jobs: reportJobs,
});
