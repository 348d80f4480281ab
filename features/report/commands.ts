import type { Command } from "../../src/engine/flow.ts";
import { lockFlow, unlockFlow } from "./lock-flow.ts";
import { reportFlow } from "./report-flow.ts";
import { summaryFlow } from "./summary-flow.ts";

/** /baocao: a head files the month's report (the prompt's and the suggestion's button start it). */
export const reportCommand: Command = { names: ["report", "baocao"], flow: reportFlow, says: ["bao cao", "lam bao cao", "bao cao thang", "gui bao cao", "nop bao cao"] };
/** /tonghop: the month's summary, for officers. */
export const summaryCommand: Command = { names: ["summary", "tonghop"], flow: summaryFlow, says: ["tong hop", "xem tong hop", "tong hop thang"] };
export const lockCommand: Command = { names: ["lock", "khoaso"], flow: lockFlow };
export const unlockCommand: Command = { names: ["unlock", "mokhoa", "mokhoaso"], flow: unlockFlow };
