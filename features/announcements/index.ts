import { isOfficer } from "../../src/domain/access.ts";
import { defineFeature } from "../../src/engine/feature.ts";
import { commandValue, type Command } from "../../src/engine/flow.ts";
import { broadcastFlow } from "./broadcast-flow.ts";
import { effects } from "./effects.ts";
import { queries } from "./queries.ts";
import { subscribeFlow, unsubscribeFlow } from "./subscribe-flow.ts";

const subscribeCommand: Command = { names: ["subscribe", "dangky"], flow: subscribeFlow, help: { rank: 30, for: (p) => p.role === "resident" }, says: ["dang ky", "dang ky nhan tin", "nhan thong bao"] };

/** Officers' announcements, and residents who ask to receive them. */
export const announcements = defineFeature({
  name: "announcements",
  commands: [
    subscribeCommand,
    { names: ["unsubscribe", "huydangky"], flow: unsubscribeFlow, says: ["huy dang ky", "khong nhan tin nua"] },
    { names: ["broadcast", "thongbao"], flow: broadcastFlow, help: { rank: 20, for: isOfficer } },
  ],
  effects,
  queries,
  suggestions: [{ rank: 40, for: (p) => p.role === "resident", button: { label: { key: "btn-subscribe" }, value: commandValue(subscribeCommand) } }],
});
