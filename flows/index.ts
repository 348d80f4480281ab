import type { Command } from "../src/engine/flow.ts";
import type { ChoiceMsg, PersonView } from "../src/engine/types.ts";
import { broadcastFlow } from "./broadcast.ts";
import { caseFlow, caseInviteFlow, casesFlow, caseStatusFlow, newCaseFlow } from "./cases.ts";
import { checkinFlow } from "./checkin.ts";
import { inviteFlow } from "./invite.ts";
import { joinFlow } from "./join.ts";
import { linkFlow } from "./link.ts";
import { lockFlow, unlockFlow } from "./lock.ts";
import { reportFlow } from "./report.ts";
import { peopleFlow, removeRoleFlow } from "./people.ts";
import { isMentor } from "../src/domain/access.ts";
import { subscribeFlow, unsubscribeFlow } from "./subscribe.ts";
import { summaryFlow } from "./summary.ts";
import { tipFlow, tipReplyFlow } from "./tip.ts";
import { unitAdminFlow } from "./unit-admin.ts";
import { webFlow } from "./web.ts";
import { tipAskFlow, tipBlockFlow, tipRewardFlow, tipsListFlow, tipStatusFlow, tipVerifyFlow } from "./tips-officer.ts";

/**
 * The chat commands that start flows, with their Vietnamese aliases (CONTRACT.md, "Chat").
 * The engine itself answers /start, /help, /cancel and /lang.
 */
export const commands: Command[] = [
  { names: ["join", "thamgia"], flow: joinFlow, says: ["tham gia"] },
  { names: ["link", "lienket"], flow: linkFlow },
  { names: ["people", "nguoi"], flow: peopleFlow },
  { names: ["removerole", "boquyen"], flow: removeRoleFlow },
  { names: ["report", "baocao"], flow: reportFlow, says: ["bao cao", "lam bao cao", "bao cao thang", "gui bao cao", "nop bao cao"] },
  { names: ["tip", "tobao"], flow: tipFlow, says: ["to bao", "to giac", "bao tin", "gui tin bao", "bao cong an", "tin bao moi"] },
  { names: ["tips", "tinbao"], flow: tipsListFlow, says: ["tin bao", "xem tin bao", "danh sach tin bao"] },
  { names: ["tipstatus", "xuly"], flow: tipStatusFlow },
  { names: ["ask", "hoi"], flow: tipAskFlow },
  { names: ["tipblock", "chantin"], flow: tipBlockFlow },
  { names: ["reward", "khenthuong"], flow: tipRewardFlow },
  { names: ["verify", "xacminh"], flow: tipVerifyFlow },
  // No command: started by the tipster's reply to an officer's question.
  { names: [], flow: tipReplyFlow },
  { names: ["summary", "tonghop"], flow: summaryFlow, says: ["tong hop", "xem tong hop", "tong hop thang"] },
  { names: ["invite", "moi"], flow: inviteFlow },
  { names: ["lock", "khoaso"], flow: lockFlow },
  { names: ["unlock", "mokhoa", "mokhoaso"], flow: unlockFlow },
  { names: ["units", "donvi", "khupho"], flow: unitAdminFlow },
  { names: ["subscribe", "dangky"], flow: subscribeFlow, says: ["dang ky", "dang ky nhan tin", "nhan thong bao"] },
  { names: ["unsubscribe", "huydangky"], flow: unsubscribeFlow, says: ["huy dang ky", "khong nhan tin nua"] },
  { names: ["broadcast", "thongbao"], flow: broadcastFlow },
  { names: ["checkin", "xacnhan"], flow: checkinFlow, says: ["xac nhan", "xac nhan lien he", "bao lien he"] },
  { names: ["cases", "hoso"], flow: casesFlow },
  { names: ["case", "xemca"], flow: caseFlow },
  { names: ["casestatus", "trangthaica"], flow: caseStatusFlow },
  { names: ["newcase", "moca"], flow: newCaseFlow },
  { names: ["caseinvite", "moigiupdo"], flow: caseInviteFlow },
  { names: ["web", "trangweb"], flow: webFlow, says: ["trang web", "mo trang web", "xem tren web"] },
];

/** What each role can do next, as buttons, when a message was not understood. */
export function suggestions(person: PersonView): ChoiceMsg[] {
  const help: ChoiceMsg = { label: { key: "btn-help" }, value: "/trogiup" };
  const tip: ChoiceMsg = { label: { key: "btn-start-tip" }, value: "/tobao" };
  const report: ChoiceMsg = { label: { key: "btn-start-report" }, value: "/baocao" };
  const checkin: ChoiceMsg = { label: { key: "btn-start-checkin" }, value: "/checkin" };
  switch (person.role) {
    case "head":
      return isMentor(person) ? [report, checkin, tip, help] : [report, tip, help];
    case "mentor":
      return [checkin, tip, help];
    case "officer":
      return [{ label: { key: "btn-summary" }, value: "/tonghop" }, { label: { key: "btn-tips" }, value: "/tinbao" }, help];
    default:
      return [tip, { label: { key: "btn-subscribe" }, value: "/dangky" }, help];
  }
}
