import { isOfficer } from "../../src/domain/access.ts";
import type { Command } from "../../src/engine/flow.ts";
import { lockFlow, unlockFlow } from "./lock-flow.ts";
import { reportFlow } from "./report-flow.ts";
import { summaryFlow } from "./summary-flow.ts";

/** /baocao: a head files the month's report (the prompt's and the suggestion's button start it). */
export const reportCommand: Command = { names: ["report", "baocao"], flow: reportFlow, help: { rank: 20, for: (p) => p.headOf.length > 0 }, says: ["bao cao", "lam bao cao", "bao cao thang", "gui bao cao", "nop bao cao"] };
/** /tonghop: the month's summary, for officers. */
export const summaryCommand: Command = { names: ["summary", "tonghop"], flow: summaryFlow, help: { rank: 30, for: isOfficer }, says: ["tong hop", "xem tong hop", "tong hop thang"] };
export const lockCommand: Command = { names: ["lock", "khoaso"], flow: lockFlow, help: { rank: 60, for: isOfficer } };
export const unlockCommand: Command = { names: ["unlock", "mokhoa", "mokhoaso"], flow: unlockFlow };
