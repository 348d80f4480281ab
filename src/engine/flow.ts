import type { ReportValues, ReportWarning } from "../domain/report.ts";
import type { UnitInfo } from "../domain/units.ts";
import type { InviteRole } from "../domain/roles.ts";
import type { PersonView } from "../domain/person.ts";
import type { Audience, AudienceSizes } from "../store/broadcasts.ts";
import type { InboundContent, Msg, Prompt } from "./types.ts";

export type { Audience, AudienceSizes } from "../store/broadcasts.ts";
export { MAX_BROADCAST_LENGTH } from "../store/broadcasts.ts";

/**
 * Read-only questions a flow may ask of the data when it starts. The engine answers them from
 * the store inside the same transaction as the step, so what a flow saw is what it commits on.
 */
export interface Queries {
  unit(id: number): Promise<UnitInfo | null>;
  units(): Promise<UnitInfo[]>;
  unitByName(name: string): Promise<UnitInfo | null>;
  report(unitId: number, period: string): Promise<ReportValues | null>;
  reports(period: string): Promise<StoredReport[]>;
  isLocked(period: string): Promise<boolean>;
  /** how many people an announcement to each audience would reach, in all and per unit */
  audienceSizes(): Promise<AudienceSizes>;
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
  | { type: "invite.redeem"; code: string }
  | { type: "link.create" }
  | { type: "link.redeem"; code: string }
  | { type: "invite.create"; role: InviteRole; unitId: number | null }
  | { type: "period.lock"; period: string }
  /** a resident asks for the announcements of one unit, or of every unit (null) */
  | { type: "subscription.set"; unitId: number | null }
  | { type: "subscription.clear" }
  /** an officer's announcement, queued for every person of the audience */
  | { type: "broadcast.send"; audience: Audience; unitId: number | null; text: string };

/** How a step answers what the person sent. */
export type Transition<D> =
  /** the answer is wrong: say why, and ask the same question again */
  | { kind: "invalid"; say: Msg[] }
  /** go on to another step (or the same one) with new data */
  | { kind: "next"; step: string; data: D; say?: Msg[] }
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
  | { kind: "done"; say?: Msg[]; effects?: Effect[] };

/**
 * A conversation definition. `oneShot` flows answer at once and may run while another
 * conversation is open (the open question is asked again after their answer).
 */
export interface Flow<D = unknown> {
  name: string;
  oneShot?: boolean;
  start(ctx: FlowContext, args: string): Promise<Start<D>>;
  steps: Record<string, Step<D>>;
}

/** A chat command: its names (the first is the canonical English one) and the flow it starts. */
export interface Command {
  names: string[];
  flow: Flow<any>;
}

/** The text of an answer, whether typed or tapped. */
export function answerText(input: InboundContent): string | undefined {
  if (input.kind === "text") return input.text;
  if (input.kind === "choice") return input.value;
  return undefined;
}
