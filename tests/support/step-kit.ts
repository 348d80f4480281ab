import { expect } from "vitest";
import type { PersonView } from "../../src/domain/person.ts";
import { highestRole, type Grant } from "../../src/domain/roles.ts";
import type { Flow, FlowContext, Queries, Start, Transition } from "../../src/engine/flow.ts";
import type { InboundContent, Msg } from "../../src/engine/types.ts";

/**
 * What pure step tests need: a person, a `FlowContext` whose `q` answers only the queries a test
 * gives it (a fake of the flow's inputs, not of the store: any other query fails the test), the
 * inputs people send, and checks that a transition's data is what the engine can save and load.
 */

/** The clock of the chat suites: 21 November 2026, 10:00 in Vietnam. */
export const NOW = new Date("2026-11-21T03:00:00Z");
export const TIME_ZONE = "Asia/Ho_Chi_Minh";

/** A person holding `grants` (none: a resident), as the engine builds one. */
export function personWith(grants: Grant[], extra: Partial<PersonView> = {}): PersonView {
  const headOf = grants.filter((g) => g.role === "head" && g.unitId !== null).map((g) => g.unitId!).sort((a, b) => a - b);
  return { id: 1, role: highestRole(grants), unitId: null, lang: "vi", grants, headOf, ...extra };
}

export const officer = () => personWith([{ role: "officer", unitId: null }]);
export const resident = () => personWith([]);
export const headOf = (...unitIds: number[]) => personWith(unitIds.map((unitId) => ({ role: "head" as const, unitId })));

/** A flow's context; a query the test did not give throws, so a test also says what the flow reads. */
export function contextWith(person: PersonView, q: Partial<Queries>, now = NOW): FlowContext {
  const queries = new Proxy(q, {
    get(target, name) {
      if (typeof name === "string" && !(name in target)) throw new Error(`the flow asked the query ${name}, which this test does not give`);
      return Reflect.get(target, name);
    },
  });
  return { person, now, timeZone: TIME_ZONE, q: queries as Queries };
}

export const text = (t: string): InboundContent => ({ kind: "text", text: t });
export const tap = (value: string): InboundContent => ({ kind: "choice", value });
export const sticker: InboundContent = { kind: "sticker" };

/** The keys of what was said, in order. */
export const keys = (say: Msg[] | undefined): string[] => (say ?? []).map((m) => m.key);

/** What a saved conversation's data becomes once loaded: JSON, then checked with the flow's schema. */
export function reloaded<D>(flow: Flow<D>, data: D): D {
  const json: unknown = JSON.parse(JSON.stringify(data));
  const checked = flow.data!.safeParse(json);
  expect(checked.success, checked.success ? "" : JSON.stringify(checked.error.issues)).toBe(true);
  return json as D;
}

/** A step's answer, by the step's name (which must exist). */
export function reply<D>(flow: Flow<D>, step: string, input: InboundContent, data: D): Transition<D> {
  const s = flow.steps[step];
  if (!s) throw new Error(`${flow.name} has no step ${step}`);
  return s.reply(input, data);
}

/** A step's question, by the step's name. */
export function ask<D>(flow: Flow<D>, step: string, data: D) {
  const s = flow.steps[step];
  if (!s) throw new Error(`${flow.name} has no step ${step}`);
  return s.ask(data);
}

/**
 * Checks the transition goes on to `step` (which exists), and returns its data as the engine will
 * load it at the next message: saved as JSON and checked with the flow's schema.
 */
export function expectNext<D>(flow: Flow<D>, t: Transition<D>, step: string): D {
  expect(t.kind).toBe("next");
  if (t.kind !== "next") throw new Error("unreachable");
  expect(t.step).toBe(step);
  expect(flow.steps[step]).toBeDefined();
  return reloaded(flow, t.data);
}

/** Checks the answer was refused, and returns the keys of what was said. */
export function expectInvalid<D>(t: Transition<D>): string[] {
  expect(t.kind).toBe("invalid");
  return keys(t.say);
}

/** Checks the conversation ends, and returns what it says and asks for. */
export function expectDone<D>(t: Transition<D> | Start<D>) {
  expect(t.kind).toBe("done");
  if (t.kind !== "done") throw new Error("unreachable");
  return { say: keys(t.say), effects: t.effects ?? [] };
}

/** Checks a start opens a conversation at `step`, and returns its data as the engine will load it. */
export function expectConversation<D>(flow: Flow<D>, s: Start<D>, step: string): { data: D; say: string[] } {
  expect(s.kind).toBe("conversation");
  if (s.kind !== "conversation") throw new Error("unreachable");
  expect(s.step).toBe(step);
  expect(flow.steps[step]).toBeDefined();
  return { data: reloaded(flow, s.data), say: keys(s.say) };
}
