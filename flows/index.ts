import type { Command } from "../src/engine/flow.ts";
import { broadcastFlow } from "./broadcast.ts";
import { inviteFlow } from "./invite.ts";
import { joinFlow } from "./join.ts";
import { linkFlow } from "./link.ts";
import { lockFlow } from "./lock.ts";
import { reportFlow } from "./report.ts";
import { subscribeFlow, unsubscribeFlow } from "./subscribe.ts";
import { summaryFlow } from "./summary.ts";

/**
 * The chat commands that start flows, with their Vietnamese aliases (CONTRACT.md, "Chat").
 * The engine itself answers /start, /help, /cancel and /lang.
 */
export const commands: Command[] = [
  { names: ["join", "thamgia"], flow: joinFlow },
  { names: ["link", "lienket"], flow: linkFlow },
  { names: ["report", "baocao"], flow: reportFlow },
  { names: ["summary", "tonghop"], flow: summaryFlow },
  { names: ["invite", "moi"], flow: inviteFlow },
  { names: ["lock", "khoaso"], flow: lockFlow },
  { names: ["subscribe", "dangky"], flow: subscribeFlow },
  { names: ["unsubscribe", "huydangky"], flow: unsubscribeFlow },
  { names: ["broadcast", "thongbao"], flow: broadcastFlow },
];
