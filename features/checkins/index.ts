import { isMentor } from "../../src/domain/access.ts";
import { defineFeature } from "../../src/engine/feature.ts";
import { checkinFlow } from "./checkin-flow.ts";
import { effects } from "./effects.ts";
import { queries } from "./queries.ts";

/** A mentor's weekly contact with each person they support. */
export const checkins = defineFeature({
  name: "checkins",
  commands: [{ names: ["checkin", "xacnhan"], flow: checkinFlow, help: { rank: 25, for: isMentor }, says: ["xac nhan", "xac nhan lien he", "bao lien he"] }],
  effects,
  queries,
  suggestions: [{ rank: 20, for: (p) => p.role !== "officer" && isMentor(p), button: { label: { key: "btn-start-checkin" }, value: "/checkin" } }],
});
