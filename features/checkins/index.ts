import { isMentor } from "../../src/domain/access.ts";
import { defineFeature } from "../../src/engine/feature.ts";
import { commandValue } from "../../src/engine/flow.ts";
import { checkinCommand } from "./commands.ts";
import { effects } from "./effects.ts";
import { checkinJobs } from "./jobs.ts";
import { queries } from "./queries.ts";

/** A mentor's weekly contact with each person they support: prompted and reminded weekly, missed ones escalated. */
export const checkins = defineFeature({
  name: "checkins",
  commands: [checkinCommand],
  effects,
  queries,
  suggestions: [{ rank: 20, for: (p) => p.role !== "officer" && isMentor(p), button: { label: { key: "btn-start-checkin" }, value: commandValue(checkinCommand) } }],
  jobs: checkinJobs,
});
