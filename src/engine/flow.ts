import type { ZodType } from "zod";
import type { PersonView } from "../domain/person.ts";
import type { Effect, Queries } from "./feature.ts";
import type { ChoiceMsg, InboundContent, Msg, Prompt } from "./types.ts";

export type { Effect, Queries } from "./feature.ts";

/** What a flow knows when it starts: who, when, and the data it may read. */
export interface FlowContext {
  person: PersonView;
  now: Date;
  timeZone: string;
  q: Queries;
}

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
  /**
   * The shape of the saved data, checked when a conversation is loaded: data that does not fit (a
   * deploy changed it without a version bump, a damaged row) ends the conversation and the person
   * is told, instead of a step failing on it. Checked against the data as saved (JSON).
   */
  data?: ZodType<D>;
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

/**
 * A chat command: its names (the first is the canonical English one, the second the Vietnamese
 * one shown to people) and the flow it starts.
 */
export interface Command {
  names: string[];
  flow: Flow<any>;
  /** how people ask for it in words, without a slash ("bao cao", "toi muon to bao") */
  says?: string[];
  /**
   * Typed without a slash on a channel without a command menu, the word is still this command when
   * words follow it ("thamgia ABC123"); otherwise only when it stands alone, since it could be an answer.
   */
  bareWithArgs?: boolean;
  /**
   * Its line in /help (`help-line-<first name>` in the locale files), for the people `for` accepts
   * (everyone when absent); lines are ordered by `rank`. Commands without it are not listed.
   */
  help?: { rank: number; for?: (person: PersonView) => boolean };
}

/**
 * What a button that starts `command` carries: "/" and its first Vietnamese name ("/baocao"), so
 * buttons follow the command's declaration instead of repeating it as a string. Tapping it is
 * typing it (src/engine/commands.ts).
 */
export function commandValue(command: Command): string {
  return `/${command.names[1] ?? command.names[0]}`;
}

/** The text of an answer, whether typed or tapped. */
export function answerText(input: InboundContent): string | undefined {
  if (input.kind === "text") return input.text;
  if (input.kind === "choice") return input.value;
  return undefined;
}
