import type { PersonView } from "../domain/person.ts";
import type { Role } from "../domain/roles.ts";
import type { Job } from "../scheduler/job.ts";
import type { DbOrTx, Tx } from "../store/client.ts";
import type { GuessLimit } from "./guess-limit.ts";
import type { Command, Flow } from "./flow.ts";
import type { ChoiceMsg, Msg } from "./types.ts";

/**
 * A feature is one module (a folder of `features/`) that declares what it adds to the product:
 * its flows and commands, the effects its flows ask for and how each is applied, the questions its
 * flows may ask of the data, and its buttons. The engine only interprets these declarations, so
 * adding a feature never edits `src/engine/` (RapidPro goflow's actions, each registered in its
 * own file, are the model).
 *
 * Effects and queries are typed by declaration merging: a feature adds its entries to `Effects`
 * and `Queries` from its own files (`declare module ".../src/engine/feature.ts"`), so a flow that
 * asks for an effect no feature declares does not compile.
 */

/** Effect type name → what the effect carries (besides `type`). Features add their entries. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Effects {}

/** A change to the world a flow asks for, applied by the feature that declared its type. */
export type Effect = { [K in keyof Effects]: { type: K } & Effects[K] }[keyof Effects];

/** One effect of a given type. */
export type EffectOf<K extends keyof Effects> = Extract<Effect, { type: K }>;

/**
 * Read-only questions a flow may ask of the data when it starts. The engine answers them from the
 * store inside the same transaction as the step, so what a flow saw is what it commits on.
 * Features add their questions.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Queries {}

/**
 * Extension points: a feature that can take contributions from others declares one here (by
 * declaration merging), and other features provide to it without either one's code naming the
 * other. The report's pre-filled answers are one (`features/report/queries.ts`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Extensions {}

/** What effects and queries may need beyond the transaction. */
export interface EffectContext {
  /** DATA_KEY: names of people in rehab and notes are sealed with it */
  dataKey?: string;
  timeZone: string;
  /** INVITE_TTL_DAYS: how long a new invite code works */
  inviteTtlDays: number;
  /** wrong invite and link codes per person, so codes cannot be guessed */
  guesses: GuessLimit;
  /** PUBLIC_URL, for links to the console */
  publicUrl?: string;
}

/** What applying an effect produced: words for the person, and alerts for the officers. */
export interface EffectOutcome {
  say: Msg[];
  toOfficers: Msg[][];
  /** the role the person just took: the engine then queues what they are owed at once (EngineOptions.onJoin) */
  joined?: Role;
}

/**
 * Applies one effect inside the step's transaction. Access is checked again here, at commit time,
 * since the person's role may have changed since the flow started.
 */
export type EffectHandler<K extends keyof Effects> = (
  tx: Tx,
  effect: EffectOf<K>,
  person: PersonView,
  now: Date,
  ctx: EffectContext,
) => Promise<EffectOutcome>;

/** A button offered to people of some roles when a message was not understood. */
export interface Suggestion {
  /** the people it is offered to */
  for: (person: PersonView) => boolean;
  /** lower first; help comes last of all */
  rank: number;
  button: ChoiceMsg;
}

/** What one feature declares. */
export interface Feature {
  name: string;
  /** chat commands, each starting a flow */
  commands?: Command[];
  /** flows started otherwise than by a command (a reply to a prompt, a tipster's answer) */
  flows?: Flow<any>[];
  effects?: { [K in keyof Effects]?: EffectHandler<K> };
  queries?: (db: DbOrTx, ctx: EffectContext, extensions: ExtensionsOf) => Partial<Queries>;
  suggestions?: Suggestion[];
  /** what this feature contributes to other features' extension points */
  provides?: { [K in keyof Extensions]?: Extensions[K] };
  /** its scheduled jobs (prompts, reminders, escalations): the composition root hands them to the scheduler */
  jobs?: readonly Job[];
}

/** Every contribution made to one extension point, in the features' order. */
export type ExtensionsOf = <K extends keyof Extensions>(point: K) => Extensions[K][];

/** The features of a product, read once into the tables the engine looks things up in. */
export interface Registry {
  features: readonly Feature[];
  commands: Command[];
  flows: Map<string, Flow<unknown>>;
  commandByName: Map<string, Command>;
  handlers: Map<string, EffectHandler<any>>;
  queriesOn(db: DbOrTx, ctx: EffectContext): Queries;
  suggest(person: PersonView): ChoiceMsg[];
  extensions: ExtensionsOf;
  /** every feature's scheduled jobs, in the features' order (`loadSchedule` reads their times) */
  jobs: Job[];
}

/** Declares a feature; the identity, kept for its types. */
export function defineFeature(feature: Feature): Feature {
  return feature;
}

const HELP_BUTTON: ChoiceMsg = { label: { key: "btn-help" }, value: "/trogiup" };

/**
 * Reads the features into lookup tables, refusing two features that claim the same command name,
 * flow name, effect type or job name: the second would silently win.
 */
export function buildRegistry(features: readonly Feature[]): Registry {
  const commands: Command[] = [];
  const flows = new Map<string, Flow<unknown>>();
  const commandByName = new Map<string, Command>();
  const handlers = new Map<string, EffectHandler<any>>();
  const jobs: Job[] = [];
  const addFlow = (flow: Flow<any>, feature: Feature) => {
    const had = flows.get(flow.name);
    if (had && had !== flow) throw new Error(`feature ${feature.name}: flow name ${flow.name} is taken`);
    flows.set(flow.name, flow);
  };
  for (const feature of features) {
    for (const command of feature.commands ?? []) {
      for (const name of command.names) {
        if (commandByName.has(name)) throw new Error(`feature ${feature.name}: command /${name} is taken`);
        commandByName.set(name, command);
      }
      commands.push(command);
      addFlow(command.flow, feature);
    }
    for (const flow of feature.flows ?? []) addFlow(flow, feature);
    for (const [type, handler] of Object.entries(feature.effects ?? {})) {
      if (handlers.has(type)) throw new Error(`feature ${feature.name}: effect ${type} is taken`);
      handlers.set(type, handler as EffectHandler<any>);
    }
    for (const job of feature.jobs ?? []) {
      if (jobs.some((j) => j.name === job.name)) throw new Error(`feature ${feature.name}: job ${job.name} is taken`);
      jobs.push(job);
    }
  }
  const suggestions = features.flatMap((f) => f.suggestions ?? []).sort((a, b) => a.rank - b.rank);
  const extensions: ExtensionsOf = (point) => features.flatMap((f) => (f.provides?.[point] ? [f.provides[point]!] : []));
  return {
    extensions,
    features,
    jobs,
    commands,
    flows,
    commandByName,
    handlers,
    queriesOn: (db, ctx) => Object.assign({}, ...features.map((f) => f.queries?.(db, ctx, extensions) ?? {})) as Queries,
    suggest: (person) => [...suggestions.filter((s) => s.for(person)).map((s) => s.button), HELP_BUTTON],
  };
}

/** Applies an effect through the feature that declared its type. */
export function applyEffect(registry: Registry, tx: Tx, effect: Effect, person: PersonView, now: Date, ctx: EffectContext): Promise<EffectOutcome> {
  const handler = registry.handlers.get(effect.type);
  if (!handler) throw new Error(`no feature applies the effect ${effect.type}`);
  return handler(tx, effect, person, now, ctx);
}
