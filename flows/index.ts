import type { Command } from "../src/engine/flow.ts";
import { broadcastFlow } from "./broadcast.ts";
import { caseFlow, caseInviteFlow, casesFlow, caseStatusFlow, newCaseFlow } from "./cases.ts";
import { checkinFlow } from "./checkin.ts";
import { inviteFlow } from "./invite.ts";
import { joinFlow } from "./join.ts";
import { linkFlow } from "./link.ts";
import { lockFlow, unlockFlow } from "./lock.ts";
import { reportFlow } from "./report.ts";
import { subscribeFlow, unsubscribeFlow } from "./subscribe.ts";
import { summaryFlow } from "./summary.ts";
import { tipFlow, tipReplyFlow } from "./tip.ts";
import { unitAdminFlow } from "./unit-admin.ts";
import { tipAskFlow, tipBlockFlow, tipRewardFlow, tipsListFlow, tipStatusFlow, tipVerifyFlow } from "./tips-officer.ts";

/**
 * The chat commands that start flows, with their Vietnamese aliases (CONTRACT.md, "Chat").
 * The engine itself answers /start, /help, /cancel and /lang.
 */
export const commands: Command[] = [
  { names: ["join", "thamgia"], flow: joinFlow },
  { names: ["link", "lienket"], flow: linkFlow },
  { names: ["report", "baocao"], flow: reportFlow },
  { names: ["tip", "tobao"], flow: tipFlow },
  { names: ["tips", "tinbao"], flow: tipsListFlow },
  { names: ["tipstatus", "xuly"], flow: tipStatusFlow },
  { names: ["ask", "hoi"], flow: tipAskFlow },
  { names: ["tipblock", "chantin"], flow: tipBlockFlow },
  { names: ["reward", "khenthuong"], flow: tipRewardFlow },
  { names: ["verify", "xacminh"], flow: tipVerifyFlow },
  // No command: started by the tipster's reply to an officer's question.
  { names: [], flow: tipReplyFlow },
  { names: ["summary", "tonghop"], flow: summaryFlow },
  { names: ["invite", "moi"], flow: inviteFlow },
  { names: ["lock", "khoaso"], flow: lockFlow },
  { names: ["unlock", "mokhoa", "mokhoaso"], flow: unlockFlow },
  { names: ["units", "donvi", "khupho"], flow: unitAdminFlow },
  { names: ["subscribe", "dangky"], flow: subscribeFlow },
  { names: ["unsubscribe", "huydangky"], flow: unsubscribeFlow },
  { names: ["broadcast", "thongbao"], flow: broadcastFlow },
  { names: ["checkin", "xacnhan"], flow: checkinFlow },
  { names: ["cases", "hoso"], flow: casesFlow },
  { names: ["case", "xemca"], flow: caseFlow },
  { names: ["casestatus", "trangthaica"], flow: caseStatusFlow },
  { names: ["newcase", "moca"], flow: newCaseFlow },
  { names: ["caseinvite", "moigiupdo"], flow: caseInviteFlow },
];
