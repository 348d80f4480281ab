import { isOfficer } from "../../src/domain/access.ts";
import { defineFeature } from "../../src/engine/feature.ts";
import { commandValue, type Command } from "../../src/engine/flow.ts";
import { effects } from "./effects.ts";
import { tipAskFlow, tipBlockFlow, tipRewardFlow, tipsListFlow, tipStatusFlow, tipVerifyFlow } from "./officer-flows.ts";
import { queries } from "./queries.ts";
import { tipFlow, tipReplyFlow } from "./tip-flow.ts";

const tipCommand: Command = { names: ["tip", "tobao"], flow: tipFlow, help: { rank: 10, for: (p) => !isOfficer(p) }, says: ["to bao", "to giac", "bao tin", "gui tin bao", "bao cong an", "tin bao moi"] };
const tipsCommand: Command = { names: ["tips", "tinbao"], flow: tipsListFlow, help: { rank: 10, for: isOfficer }, says: ["tin bao", "xem tin bao", "danh sach tin bao"] };

/** Tips: anyone sends one (anonymously by default), officers act on them and ask questions. */
export const tips = defineFeature({
  name: "tips",
  commands: [
    tipCommand,
    tipsCommand,
    { names: ["tipstatus", "xuly"], flow: tipStatusFlow },
    { names: ["ask", "hoi"], flow: tipAskFlow },
    { names: ["tipblock", "chantin"], flow: tipBlockFlow },
    { names: ["reward", "khenthuong"], flow: tipRewardFlow },
    { names: ["verify", "xacminh"], flow: tipVerifyFlow },
  ],
  // Started by the tipster's reply to an officer's question, never by a command.
  flows: [tipReplyFlow],
  effects,
  queries,
  suggestions: [
    { rank: 30, for: (p) => !isOfficer(p), button: { label: { key: "btn-start-tip" }, value: commandValue(tipCommand) } },
    { rank: 20, for: isOfficer, button: { label: { key: "btn-tips" }, value: commandValue(tipsCommand) } },
  ],
});
