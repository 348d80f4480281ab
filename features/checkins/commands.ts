import { isMentor } from "../../src/domain/access.ts";
import type { Command } from "../../src/engine/flow.ts";
import { checkinFlow } from "./checkin-flow.ts";

/** /xacnhan (/checkin): a mentor confirms the week's contact (the prompt's and the suggestion's button start it). */
export const checkinCommand: Command = { names: ["checkin", "xacnhan"], flow: checkinFlow, help: { rank: 25, for: isMentor }, says: ["xac nhan", "xac nhan lien he", "bao lien he"] };
