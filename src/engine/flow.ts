import type { TipEffect, TipQueries } from "../domain/tips.ts";
import type { ReportValues, ReportWarning } from "../domain/report.ts";
import type { Classification, ClassChange, UnitInfo } from "../domain/units.ts";
import type { InviteRole } from "../domain/roles.ts";
import type { PersonView } from "../domain/person.ts";
import type { JoinPreview } from "../store/invites.ts";
import type { ListedHolder } from "../store/roles.ts";
export type { ListedHolder };
import type { Audience, AudienceSizes } from "../store/broadcasts.ts";
import type { CaseStatus, CheckinEntry } from "../domain/cases.ts";
import type { CaseInfo, CaseWeek, CheckinRecord, MentorCase } from "../store/cases.ts";
import type { ChoiceMsg, InboundContent, Msg, Prompt } from "./types.ts";

export type { Audience, AudienceSizes } from "../store/broadcasts.ts";
export type { CaseInfo, CaseWeek, CheckinRecord, MentorCase } from "../store/cases.ts";
export { MAX_BROADCAST_LENGTH } from "../store/broadcasts.ts";

/**
 * Read-only questions a flow may ask of the data when it starts. The engine answers them from
 * the store inside the same transaction as the step, so what a flow saw is what it commits on.
 */
export interface Queries {
  /** what taking invite `code` would do to a person (null: the code would not work, or they must wait) */
  joinPreview(personId: number, code: string, now: Date): Promise<JoinPreview | null>;
  /** every role held, one row per grant (those of one unit when given), by person */
  holders(unitId?: number): Promise<ListedHolder[]>;
  /** tips, as tip flows may read them */
  tips: TipQueries;
  unit(id: number): Promise<UnitInfo | null>;
  /** the units in service today (not retired) */
  units(): Promise<UnitInfo[]>;
  /** the units a month covers: not retired, or retired after it */
  unitsActiveIn(period: string): Promise<UnitInfo[]>;
  /** a unit as typed; retired units only with `retired: true` */
  unitByName(name: string, options?: { retired?: boolean }): Promise<UnitInfo | null>;
  /** a unit's class changes, oldest first */
  classChanges(unitId: number): Promise<ClassChange[]>;
  /** the units that have at least one head */
  unitIdsWithHead(): Promise<number[]>;
  report(unitId: number, period: string): Promise<ReportValues | null>;
  /** a unit's stored report of a month, with when it was sent and its warnings */
  storedReport(unitId: number, period: string): Promise<StoredReport | null>;
  reports(period: string): Promise<StoredReport[]>;
  isLocked(period: string): Promise<boolean>;
  /** how many people an announcement to each audience would reach, in all and per unit */
  audienceSizes(): Promise<AudienceSizes>;
  /** the cases a person mentors that are due in `week`, and which they already checked in */
  mentorCases(personId: number, week: string): Promise<MentorCase[]>;
  /** every rehab case, by code (never names) */
  cases(): Promise<CaseInfo[]>;
  caseByCode(code: string): Promise<CaseInfo | null>;
  /** the active cases due in `week`, with their check-ins of that week and the week before */
  casesOfWeek(week: string): Promise<CaseWeek[]>;
  /**
   * A case and its latest check-ins, for an officer. The name and the notes are opened only
   * with `withName` (the flow asks so only for those `canSeeCaseNames` allows).
   */
  caseHistory(code: string, options: { withName: boolean; limit: number }): Promise<CaseHistory | null>;
}

/** What an officer reads of one case. */
export interface CaseHistory {
  info: CaseInfo;
  /** null when none is recorded, or when it was not asked for */
  name: string | null;
  /** a name is recorded but could not be opened with this DATA_KEY */
  nameUnreadable: boolean;
  checkins: CheckinRecord[];
}

export interface StoredReport {
  unitId: number;
  values: ReportValues;
  warnings: ReportWarning[];
  submittedAt: Date;
}

/** What a flow knows when it starts: who, when, and the data it may read. */
export interface FlowContext {
  person: PersonView;
  now: Date;
  timeZone: string;
  q: Queries;
}

/**
 * A change to the world a flow asks for when it finishes. The engine applies it in the same
 * transaction as the conversation's end, and its outcome (which may differ from what the flow
 * saw at start: another tap, a lock) is told to the person.
 */
export type Effect =
  | { type: "report.submit"; unitId: number; period: string; values: ReportValues; warnings: ReportWarning[] }
  /** `confirmed`: the person said yes to a head invite that changes who reports */
  | { type: "invite.redeem"; code: string; confirmed?: boolean }
  /** an officer takes one role from a person (`/boquyen`) */
  | { type: "role.remove"; personId: number; role: InviteRole; unitId: number | null }
  | { type: "link.create" }
  /** the other app's code typed here: its owner is asked to confirm */
  | { type: "link.redeem"; code: string }
  /** the code's owner answers the question; `code` null means their latest waiting one */
  | { type: "link.answer"; accept: boolean; code: string | null }
  | { type: "invite.create"; role: InviteRole; unitId: number | null }
  | { type: "period.lock"; period: string }
  /** an officer reopens a locked month, saying why */
  | { type: "period.unlock"; period: string; reason: string }
  | UnitEffect
  | TipEffect
  /** a resident asks for the announcements of one unit, or of every unit (null) */
  | { type: "subscription.set"; unitId: number | null }
  | { type: "subscription.clear" }
  /** an officer's announcement, queued for every person of the audience */
  | { type: "broadcast.send"; audience: Audience; unitId: number | null; text: string }
  /** a mentor's confirmed check-ins of one conversation, stored together for `week` */
  | { type: "checkin.save"; week: string; entries: CheckinEntry[]; /** more cases follow in the same conversation */ continuing?: boolean }
  /** an officer opens a rehab case (the name, when given, is sealed as it is stored) and gets a mentor invite for it */
  | { type: "case.open"; code: string; unitId: number; startDate: string; endDate: string | null; name: string | null }
  /** an officer asks for one more mentor invite for a case */
  | { type: "case.invite"; code: string }
  /** an officer changes a case's status */
  | { type: "case.status"; code: string; status: CaseStatus }
  /** an officer or a head asks for a one-time link to the console (`/web`) */
  | { type: "console.link" };

/** An officer's change to a unit (the flow `/donvi`). */
export type UnitEffect =
  | { type: "unit.rename"; unitId: number; name: string }
  | { type: "unit.households"; unitId: number; households: number }
  /** from `period` on; the change is kept */
  | { type: "unit.reclassify"; unitId: number; classification: Classification; period: string }
  /** left out from `period` on */
  | { type: "unit.retire"; unitId: number; period: string };

/** How a step answers what the person sent. */
export type Transition<D> =
  /** the answer is wrong: say why, and ask the same question again */
  /**
   * the answer was not taken: say why, and ask again — the step's question, or `ask` when the
   * question is long (a summary) and only the choice needs asking again
   */
  | { kind: "invalid"; say: Msg[]; ask?: Prompt }
  /** go on to another step (or the same one) with new data, applying any effects at once */
  | { kind: "next"; step: string; data: D; say?: Msg[]; effects?: Effect[] }
  /** the conversation is over */
  | { kind: "done"; say?: Msg[]; effects?: Effect[] };

/** One question of a conversation. Both functions are pure: no I/O, no clock. */
export interface Step<D> {
  ask(data: D): Prompt;
  reply(input: InboundContent, data: D): Transition<D>;
}

/** How a flow begins: a conversation, or a single answer (a one-shot command). */
export type Start<D> =
  | { kind: "conversation"; step: string; data: D; say?: Msg[] }
  /** `choices`: buttons under the answer when no conversation is open (its question wins) */
  | { kind: "done"; say?: Msg[]; effects?: Effect[]; choices?: ChoiceMsg[] };

/**
 * A conversation definition. `oneShot` flows answer at once and may run while another
 * conversation is open (the open question is asked again after their answer).
 */
export interface Flow<D = unknown> {
  name: string;
  /**
   * Bump when a change to the flow's steps or data would not read a conversation saved before it:
   * a person in the middle of one is told it restarted (default 1).
   */
  version?: number;
  oneShot?: boolean;
  /** started by a reply to a prompt (`pendingFlow`): the reply's text comes as `args` */
  takesReply?: boolean;
  /**
   * Whether this flow is waiting for the person's next free message (a tipster's answer to an
   * officer's question), read from the data rather than marked on the person: a mark beside a
   * resident would say "this one sent a tip". The message comes as `args`.
   */
  awaitsReply?(ctx: FlowContext): Promise<boolean>;
  start(ctx: FlowContext, args: string): Promise<Start<D>>;
  steps: Record<string, Step<D>>;
}

/** A chat command: its names (the first is the canonical English one) and the flow it starts. */
export interface Command {
  names: string[];
  flow: Flow<any>;
  /** how people ask for it in words, without a slash ("bao cao", "toi muon to bao") */
  says?: string[];
}

/** The text of an answer, whether typed or tapped. */
export function answerText(input: InboundContent): string | undefined {
  if (input.kind === "text") return input.text;
  if (input.kind === "choice") return input.value;
  return undefined;
}
