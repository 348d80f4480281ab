import { Lang, type Role } from "../domain/roles.ts";
import type { PersonView } from "../domain/person.ts";
import type { Tx } from "../store/client.ts";
import { endConversation, getConversation, saveConversation } from "../store/conversations.ts";
import { enqueue } from "../store/outbox.ts";
import { clearPendingFlow, markUnreachable, peopleWithRole, preferredAddress, setLang, takePendingFlow, touchIdentity, type Address } from "../store/people.ts";
import { unitById } from "../store/units.ts";
import { BUILTIN, parseCommand, type ParsedCommand } from "./commands.ts";
import { createGuessLimit, type GuessLimit } from "./guess-limit.ts";
import { DEFAULT_INVITE_TTL_DAYS } from "../store/invites.ts";
import { answerText, type Effect, type Flow, type FlowContext, type Step } from "./flow.ts";
import { applyEffect, type EffectContext, type Registry } from "./feature.ts";
import { renderPrompt } from "../i18n.ts";
import type { ChoiceMsg, Inbound, Msg, Prompt } from "./types.ts";
import { readTyped } from "./typed.ts";
import { understandIntent, type IntentEntry } from "../domain/understand/intent.ts";

/** What the engine needs to know that is not in the database. */
export interface EngineOptions {
  /** the features, read into tables (`buildRegistry` of `src/engine/feature.ts`) */
  registry: Registry;
  timeZone: string;
  /** DATA_KEY, for the fields kept encrypted (names of people in rehab, notes) */
  dataKey?: string;
  /**
   * Queues what someone who just took a role is owed at once (the month's report prompt, the
   * week's check-in prompt), after their welcome so it reads in that order. Wired by the
   * composition root to the scheduler, which knows what is due when.
   */
  onJoin?: (tx: Tx, joined: { personId: number; role: Role }, now: Date) => Promise<unknown>;
  /** INVITE_TTL_DAYS; 14 when absent */
  inviteTtlDays?: number;
  /** PUBLIC_URL, where `/web` links point; http://localhost:3000 when absent */
  publicUrl?: string;
  /** counts wrong codes per person; one per engine options when absent (src/engine/guess-limit.ts) */
  guesses?: GuessLimit;
}

// Engines built without a limiter (tests, benches) still limit guesses, one counter per options.
const defaultGuesses = new WeakMap<EngineOptions, GuessLimit>();
function guessesOf(options: EngineOptions): GuessLimit {
  if (options.guesses) return options.guesses;
  let g = defaultGuesses.get(options);
  if (!g) defaultGuesses.set(options, (g = createGuessLimit()));
  return g;
}

interface Active {
  flow: Flow<unknown>;
  step: Step<unknown>;
  stepId: string;
  data: unknown;
}

/**
 * Moves one person's conversation one step for one inbound message, inside `tx`: reads the
 * conversation, runs the flow, applies its effects, saves the new state and queues the replies.
 * Either all of that commits or none of it does.
 */
export async function handleInbound(tx: Tx, options: EngineOptions, inbound: Inbound, now: Date): Promise<void> {
  if (inbound.content.kind === "unfollow") {
    // Leaving is not an interaction: mark the address dead, create nobody, answer nothing.
    await markUnreachable(tx, { channel: inbound.channel, chatId: inbound.chatId }, "unfollowed");
    return;
  }
  const { person, address, created } = await touchIdentity(tx, inbound, now);
  // Opening the chat keeps the channel's window open; there is nothing to answer.
  if (inbound.content.kind === "interaction") return;
  const { registry } = options;
  const { flows, commandByName } = registry;
  const { known, intents, bareWithArgs } = tablesOf(registry);

  const stored = await getConversation(tx, person.id);
  const flow = stored ? flows.get(stored.flow) : undefined;
  const step = stored && flow ? flow.steps[stored.step] : undefined;
  // A conversation saved by another version of its flow (a deploy changed its steps or its data)
  // is dropped, and the person is told, rather than a step failing on data it does not know.
  const current = stored && flow && step && (stored.version ?? 1) === (flow.version ?? 1) && (!flow.data || flow.data.safeParse(stored.data).success);
  let active: Active | undefined = current ? { flow: flow!, step: step!, stepId: stored!.step, data: stored!.data } : undefined;
  const restarted = Boolean(stored && !active);
  if (restarted) await endConversation(tx, person.id);

  let lang = person.lang;
  const say: Msg[] = restarted ? [{ key: "conversation-restarted" }] : [];
  const toOfficers: Msg[][] = [];
  let joined: Role | undefined;
  let prompt: Prompt | undefined;
  const reask = () => (active ? active.step.ask(active.data) : undefined);
  const effectCtx: EffectContext = {
    dataKey: options.dataKey,
    timeZone: options.timeZone,
    inviteTtlDays: options.inviteTtlDays ?? DEFAULT_INVITE_TTL_DAYS,
    guesses: guessesOf(options),
    publicUrl: options.publicUrl ?? "http://localhost:3000",
  };
  const ctx: FlowContext = { person, now, timeZone: options.timeZone, q: registry.queriesOn(tx, effectCtx) };

  const apply = async (effects: Effect[] | undefined) => {
    for (const effect of effects ?? []) {
      const outcome = await applyEffect(registry, tx, effect, person, now, effectCtx);
      say.push(...outcome.say);
      toOfficers.push(...outcome.toOfficers);
      joined = outcome.joined ?? joined;
    }
  };

  const command = commandOf(parseCommand(inbound, known, bareWithArgs));
  if (command) {
    const builtin = (names: readonly string[]) => names.includes(command.name);
    if (builtin(BUILTIN.cancel)) {
      if (active) await endConversation(tx, person.id);
      say.push({ key: active ? "cancel-done" : "cancel-nothing" });
      active = undefined;
    } else if (builtin(BUILTIN.help) || builtin(BUILTIN.start)) {
      say.push(await helpMsg(tx, registry, person));
      prompt = reask();
    } else if (builtin(BUILTIN.lang)) {
      const wanted = Lang.safeParse(command.args.trim().toLowerCase());
      if (wanted.success) {
        lang = wanted.data;
        await setLang(tx, person.id, lang);
      }
      say.push({ key: wanted.success ? "lang-set" : "lang-usage" });
      prompt = reask();
    } else {
      const found = commandByName.get(command.name);
      if (!found) {
        say.push({ key: "unknown-command", args: { command: `/${command.name}` } });
        prompt = reask();
      } else if (active && !found.flow.oneShot) {
        say.push({ key: "finish-first" });
        prompt = reask();
      } else {
        await startFlow(found.flow, command);
      }
    }
  } else if (inbound.content.kind === "greeting") {
    say.push(await helpMsg(tx, registry, person));
    prompt = reask();
  } else if (active) {
    const typed = readTyped(inbound.content, reask());
    const transition = typed.kind === "ambiguous" ? undefined : active.step.reply(typed.content, active.data);
    if (!transition) {
      // "ma tuy" at the category question: which one? Never a guess.
      const choices = typed.kind === "ambiguous" ? typed.choices : [];
      say.push({ key: "choice-ambiguous", args: { options: choices.map((c) => c.label) } });
      prompt = { say: [], choices, pick: true };
    } else if (transition.kind === "invalid") {
      say.push(...transition.say);
      prompt = transition.ask ?? reask();
    } else if (transition.kind === "next") {
      const next = active.flow.steps[transition.step];
      if (!next) throw new Error(`flow ${active.flow.name}: step ${active.stepId} went to unknown step ${transition.step}`);
      await saveConversation(tx, person.id, { flow: active.flow.name, step: transition.step, data: transition.data, version: active.flow.version }, now);
      say.push(...(transition.say ?? []));
      // A step may store what is complete before the conversation ends (one check-in of several).
      await apply(transition.effects);
      prompt = next.ask(transition.data);
    } else {
      await endConversation(tx, person.id);
      say.push(...(transition.say ?? []));
      await apply(transition.effects);
    }
  } else {
    // Any reply to a prompt ("time for the monthly report") starts what it asked for.
    const pending = await takePendingFlow(tx, person.id);
    const invited = (pending ? flows.get(pending) : undefined) ?? (inbound.content.kind === "text" ? await awaiting() : undefined);
    if (invited && inbound.content.kind !== "choice") {
      const reply = invited.takesReply ? (answerText(inbound.content) ?? "") : "";
      await startFlow(invited, { name: invited.name, args: reply });
    }
    // Someone's first message, whatever it says, is answered with the greeting.
    else if (created) say.push(await helpMsg(tx, registry, person));
    // A tap on a button of a finished conversation, or a message out of the blue: say what
    // they can do, with buttons.
    else {
      say.push({ key: inbound.content.kind === "choice" ? "question-expired" : notUnderstood(inbound.content.kind) });
      const choices = registry.suggest(person);
      if (choices.length) prompt = { say: [], choices };
    }
  }

  await reply(tx, address, person.id, lang, say, prompt, now);
  await notifyOfficers(tx, toOfficers, now);
  if (joined) await options.onJoin?.(tx, { personId: person.id, role: joined }, now);

  /**
   * The command a message asks for: typed with a slash, or said in words without one ("báo
   * cáo", "tôi muốn tố báo", "/báo cáo"). Words start a flow only outside a conversation, where
   * they cannot be an answer; cancel and help are heard everywhere.
   */
  function commandOf(parsed: ParsedCommand | undefined): ParsedCommand | undefined {
    const isKnown = (name: string) => commandByName.has(name) || Object.values(BUILTIN).some((n) => (n as readonly string[]).includes(name));
    if (parsed && isKnown(parsed.name)) return parsed;
    if (inbound.content.kind !== "text") return parsed;
    const said = understandIntent(inbound.content.text, intents);
    if (!said) return parsed;
    const builtinAlways = (BUILTIN.cancel as readonly string[]).includes(said) || (BUILTIN.help as readonly string[]).includes(said);
    if (active && !builtinAlways && !parsed) return undefined;
    return { name: said, args: "" };
  }

  async function awaiting(): Promise<Flow<unknown> | undefined> {
    for (const f of flows.values()) if (f.awaitsReply && (await f.awaitsReply(ctx))) return f;
    return undefined;
  }

  async function startFlow(f: Flow<unknown>, c: ParsedCommand) {
    const start = await f.start(ctx, c.args);
    if (start.kind === "done") {
      say.push(...(start.say ?? []));
      await apply(start.effects);
      prompt = reask() ?? (start.choices ? { say: [], choices: start.choices } : undefined);
      return;
    }
    const first = f.steps[start.step];
    if (!first) throw new Error(`flow ${f.name} started at unknown step ${start.step}`);
    await clearPendingFlow(tx, person.id);
    await saveConversation(tx, person.id, { flow: f.name, step: start.step, data: start.data, version: f.version }, now);
    say.push(...(start.say ?? []));
    prompt = first.ask(start.data);
  }
}

interface CommandTables {
  known: Set<string>;
  /** names that stay commands typed without a slash when words follow (`/join CODE`) */
  bareWithArgs: Set<string>;
  /** every command with the words that ask for it without a slash */
  intents: IntentEntry[];
}

/** How people ask for what the engine answers itself. */
const BUILTIN_SAYS: Record<keyof typeof BUILTIN, string[]> = {
  start: ["bat dau"],
  help: ["tro giup", "giup do", "huong dan", "giup"],
  cancel: ["huy", "huy bo", "thoat", "dung lai", "thoi huy"],
  lang: ["ngon ngu", "doi ngon ngu"],
};

/** A sticker, a voice note or a photo out of the blue gets a kinder word than "not understood". */
function notUnderstood(kind: string): string {
  return kind === "text" ? "not-understood" : kind === "other" || kind === "sticker" ? "not-understood-media" : "not-understood";
}

// Built once per registry, not for every message.
const tables = new WeakMap<Registry, CommandTables>();

function tablesOf(registry: Registry): CommandTables {
  let t = tables.get(registry);
  if (!t) {
    const { commands, commandByName } = registry;
    t = {
      bareWithArgs: new Set(commands.filter((c) => c.bareWithArgs).flatMap((c) => c.names)),
      known: new Set<string>([...commandByName.keys(), ...Object.values(BUILTIN).flat()]),
      intents: [
        ...commands.filter((c) => c.names.length > 0).map((c) => ({ command: c.names[0]!, says: [...c.names, ...(c.says ?? [])] })),
        ...Object.entries(BUILTIN).map(([k, names]) => ({ command: names[0], says: [...names, ...BUILTIN_SAYS[k as keyof typeof BUILTIN]] })),
      ],
    };
    tables.set(registry, t);
  }
  return t;
}

/** What the engine answers itself, in /help, after the features' lines. */
const BUILTIN_HELP: Msg[] = [{ key: "help-line-cancel" }, { key: "help-line-lang" }];

/**
 * The greeting of the highest role held, then a line for every command this person may use,
 * from the command table: roles add up, so a head who is also a mentor sees both.
 */
async function helpMsg(tx: Tx, registry: Registry, person: PersonView): Promise<Msg> {
  const units = async (ids: number[]) => (await Promise.all(ids.map((id) => unitById(tx, id)))).map((u) => u?.name ?? "").join(", ");
  const hello: Msg = person.role === "head" ? { key: "help-hello-head", args: { unit: await units(person.headOf) } } : { key: `help-hello-${person.role}` };
  const lines = registry.commands
    .filter((c) => c.help && (c.help.for?.(person) ?? true))
    .sort((a, b) => a.help!.rank - b.help!.rank)
    .map((c): Msg => ({ key: `help-line-${c.names[0]}` }));
  return { key: "help", args: { hello, lines: [...lines, ...BUILTIN_HELP] } };
}

async function reply(tx: Tx, to: Address, personId: number, lang: Lang, say: Msg[], prompt: Prompt | undefined, now: Date) {
  if (say.length === 0 && !prompt) return;
  const payload = renderPrompt(lang, prompt ?? { say: [] }, say);
  await enqueue(tx, { channel: to.channel, chatId: to.chatId, personId, payload }, now);
}

/**
 * Queues each alert for every officer, in the officer's own language, where they last wrote.
 * Exported for the console, whose actions apply the same effects as chat and alert the same way.
 */
export async function notifyOfficers(tx: Tx, alerts: Msg[][], now: Date) {
  if (alerts.length === 0) return;
  for (const officer of await peopleWithRole(tx, "officer")) {
    const to = await preferredAddress(tx, officer.id, now);
    if (!to) continue;
    for (const alert of alerts) {
      await enqueue(tx, { channel: to.channel, chatId: to.chatId, personId: officer.id, payload: renderPrompt(officer.lang, { say: alert }) }, now);
    }
  }
}
