import { describe, expect, it } from "vitest";
import type { PersonView } from "../../../src/domain/person.ts";
import type { FlowContext, Queries, Transition } from "../../../src/engine/flow.ts";
import type { InboundContent, Msg } from "../../../src/engine/types.ts";
import { CheckinData, checkinFlow } from "../../../features/checkins/checkin-flow.ts";
import type { MentorCase } from "../../../features/checkins/queries.ts";

/**
 * A mentor's weekly check-in, step by step, called directly: no server, no database; the cases
 * the mentor follows are an in-memory stand-in for the flow's one query.
 */

const text = (t: string): InboundContent => ({ kind: "text", text: t });
const tap = (value: string): InboundContent => ({ kind: "choice", value });
const keys = (msgs: Msg[] | undefined) => (msgs ?? []).map((m) => m.key);
const steps = checkinFlow.steps;

/** A transition to `step`, whose data the flow's schema reads back once saved as JSON. */
function next(t: Transition<CheckinData>, step: string): CheckinData {
  if (t.kind !== "next") throw new Error(`expected next, got ${JSON.stringify(t)}`);
  expect(t.step).toBe(step);
  expect(CheckinData.safeParse(JSON.parse(JSON.stringify(t.data))).success).toBe(true);
  return t.data;
}
function refused(t: Transition<CheckinData>): Msg[] {
  if (t.kind !== "invalid") throw new Error(`expected invalid, got ${JSON.stringify(t)}`);
  return t.say;
}

const mentor: PersonView = { id: 5, role: "mentor", unitId: 10, lang: "vi", grants: [{ role: "mentor", unitId: 10 }], headOf: [] };
const head: PersonView = { id: 2, role: "head", unitId: 10, lang: "vi", grants: [{ role: "head", unitId: 10 }], headOf: [10] };

/** Wednesday 25/11/2026 10:00 in Hà Nội: the week of Monday 23/11. */
function ctx(person: PersonView, cases: MentorCase[], asked: unknown[] = []): FlowContext {
  const q = { mentorCases: async (personId: number, week: string) => (asked.push([personId, week]), cases) };
  return { person, now: new Date("2026-11-25T03:00:00Z"), timeZone: "Asia/Ho_Chi_Minh", q: q as unknown as Queries };
}

const WEEK = "2026-11-23";
const nt1 = { id: 1, code: "NT-01", checked: false };
const nt2 = { id: 2, code: "NT-02", checked: false };
const nt3 = { id: 3, code: "NT-03", checked: true };
const base: CheckinData = { week: WEEK, cases: [nt1, nt2, nt3], entries: [] };
const at = (current: CheckinData["current"], d: CheckinData = base): CheckinData => ({ ...d, current });

describe("starting /checkin", () => {
  it("is for mentors, of this week's cases, reading the week of Hà Nội time", async () => {
    const asked: unknown[] = [];
    expect(await checkinFlow.start(ctx(mentor, [], asked), "")).toEqual({ kind: "done", say: [{ key: "checkin-no-cases", args: { week: "23/11/2026" } }] });
    expect(asked).toEqual([[5, WEEK]]);
    expect(await checkinFlow.start(ctx(head, [nt1]), "")).toEqual({ kind: "done", say: [{ key: "checkin-not-mentor" }] });
  });

  it("goes straight to the only case, or to the case named, and asks which one otherwise", async () => {
    expect(await checkinFlow.start(ctx(mentor, [nt1]), "")).toEqual({
      kind: "conversation",
      step: "contacted",
      data: { week: WEEK, cases: [nt1], entries: [], current: { caseId: 1, code: "NT-01" } },
      say: [{ key: "checkin-case-intro", args: { code: "NT-01", week: "23/11/2026" } }],
    });
    const named = await checkinFlow.start(ctx(mentor, [nt1, nt2, nt3]), "nt-03");
    expect(named).toMatchObject({ kind: "conversation", step: "contacted", data: { current: { caseId: 3, code: "NT-03" } } });
    expect(named.kind === "conversation" && keys(named.say)).toEqual(["checkin-case-intro-again"]);
    expect(await checkinFlow.start(ctx(mentor, [nt1, nt2]), "")).toEqual({ kind: "conversation", step: "case", data: { week: WEEK, cases: [nt1, nt2], entries: [] } });
    expect(await checkinFlow.start(ctx(mentor, [nt1, nt2]), "NT-09")).toEqual({
      kind: "done",
      say: [{ key: "checkin-bad-case-start", args: { code: "NT-09", cases: "NT-01, NT-02" } }],
    });
  });
});

describe("choosing the case", () => {
  it("offers the unchecked cases first, a button each however many, and 'Xong' once one is confirmed", () => {
    const first = steps.case!.ask(base);
    expect(keys(first.say)).toEqual(["checkin-ask-case"]);
    expect(first.choices!.map((c) => c.value)).toEqual(["case:1", "case:2", "case:3"]);
    const entry = { caseId: 1, code: "NT-01", contacted: true, method: "phone" as const, state: "stable" as const, note: null };
    const later = steps.case!.ask({ ...base, entries: [entry] });
    expect(keys(later.say)).toEqual(["checkin-ask-next"]);
    expect(later.choices!.map((c) => c.value)).toEqual(["case:2", "case:1", "case:3", "finish"]);
    const many = { ...base, cases: Array.from({ length: 6 }, (_, i) => ({ id: i + 1, code: `NT-0${i + 1}`, checked: false })) };
    const typed = steps.case!.ask(many);
    expect(keys(typed.say)).toEqual(["checkin-ask-case"]);
    expect(typed.choices).toHaveLength(6);
    expect(keys(steps.case!.ask({ ...base, cases: [nt3] }).say)).toEqual(["checkin-ask-case-all-checked"]);
  });

  it("takes a tapped case or a code typed in any case, or 'có' for the next unchecked one", () => {
    expect(next(steps.case!.reply(tap("case:2"), base), "contacted").current).toEqual({ caseId: 2, code: "NT-02" });
    expect(next(steps.case!.reply(text(" nt-03 "), base), "contacted").current).toEqual({ caseId: 3, code: "NT-03" });
    const yes = steps.case!.reply(text("có"), base);
    expect(next(yes, "contacted").current).toEqual({ caseId: 1, code: "NT-01" });
    expect(yes.kind === "next" && yes.say).toEqual([{ key: "checkin-case-intro", args: { code: "NT-01", week: "23/11/2026" } }]);
  });

  it("finishes on 'Xong', 'xong', 'không', saying how many were stored, or that none was", () => {
    const entry = { caseId: 1, code: "NT-01", contacted: true, method: "phone" as const, state: "stable" as const, note: null };
    const withOne = { ...base, entries: [entry] };
    for (const done of [tap("finish"), text("Xong."), text("kết thúc"), text("không")]) {
      expect(steps.case!.reply(done, withOne)).toEqual({ kind: "done", say: [{ key: "checkin-closed", args: { count: 1, week: "23/11/2026" } }] });
    }
    expect(steps.case!.reply(text("xong"), base)).toEqual({ kind: "done", say: [{ key: "checkin-nothing" }] });
  });

  it("names the codes when the answer is none of them", () => {
    expect(refused(steps.case!.reply(text("Anh Tư"), base))).toEqual([{ key: "checkin-bad-case", args: { code: "Anh Tư", cases: "NT-01, NT-02, NT-03" } }]);
    expect(refused(steps.case!.reply(tap("case:99"), base))).toEqual([{ key: "checkin-case-expected" }]);
    expect(refused(steps.case!.reply({ kind: "sticker" }, base))).toEqual([{ key: "checkin-case-expected" }]);
  });
});

describe("answering for one case", () => {
  const fresh = at({ caseId: 1, code: "NT-01" });

  it("asks whether the person was reached; a yes asks how, a no skips to the state", () => {
    const ask = steps.contacted!.ask(fresh);
    expect(ask.say).toEqual([{ key: "checkin-ask-contacted", args: { code: "NT-01" } }]);
    expect(ask.choices!.map((c) => c.value)).toEqual(["yes", "no"]);
    expect(ask.pick).toBe(true);
    for (const yes of [tap("yes"), text("có"), text("co")]) expect(next(steps.contacted!.reply(yes, fresh), "method").current).toEqual({ caseId: 1, code: "NT-01", contacted: true });
    for (const no of [tap("no"), text("không"), text("khong")]) {
      expect(next(steps.contacted!.reply(no, fresh), "state").current).toEqual({ caseId: 1, code: "NT-01", contacted: false, method: null });
    }
    expect(keys(refused(steps.contacted!.reply(text("mai gặp"), fresh)))).toEqual(["err-yes-no"]);
  });

  it("takes how, by a tap, the words with or without diacritics, or the number in the list", () => {
    const d = at({ caseId: 1, code: "NT-01", contacted: true });
    const method = (input: InboundContent) => next(steps.method!.reply(input, d), "state").current!.method;
    expect(method(tap("family_visit"))).toBe("family_visit");
    expect(method(text("Gặp trực tiếp"))).toBe("in_person");
    expect(method(text("goi dien"))).toBe("phone");
    expect(method(text("2"))).toBe("phone");
    expect(method(text("thăm gia đình."))).toBe("family_visit");
    const bad = refused(steps.method!.reply(text("4"), d));
    expect(keys(bad)).toEqual(["checkin-bad-choice"]);
    expect(((bad[0]!.args!.options as Msg).args!.options as Msg[]).map((o) => o.args!.n)).toEqual([1, 2, 3]);
    expect(keys(refused(steps.method!.reply(tap("stable"), d)))).toEqual(["checkin-bad-choice"]);
  });

  it("offers 'stable' only when the person was reached, and 'could not reach' only when not", () => {
    const reached = at({ caseId: 1, code: "NT-01", contacted: true, method: "phone" });
    const unreached = at({ caseId: 1, code: "NT-01", contacted: false, method: null });
    expect(steps.state!.ask(reached).choices!.map((c) => c.value)).toEqual(["stable", "worrying", "suspected_relapse"]);
    expect(keys(steps.state!.ask(reached).say)).toEqual(["checkin-ask-state"]);
    expect(steps.state!.ask(unreached).choices!.map((c) => c.value)).toEqual(["unreachable", "suspected_relapse"]);
    expect(keys(steps.state!.ask(unreached).say)).toEqual(["checkin-ask-state-unreached"]);

    const state = (input: InboundContent, d: CheckinData) => next(steps.state!.reply(input, d), "note").current!.state;
    expect(state(text("Ổn định"), reached)).toBe("stable");
    expect(state(text("co dau hieu dang lo"), reached)).toBe("worrying");
    expect(state(text("3"), reached)).toBe("suspected_relapse");
    expect(state(text("1"), unreached)).toBe("unreachable");
    expect(state(text("nghi tái nghiện"), unreached)).toBe("suspected_relapse");
    expect(keys(refused(steps.state!.reply(text("on dinh"), unreached)))).toEqual(["checkin-bad-choice"]);
    expect(keys(refused(steps.state!.reply(tap("unreachable"), reached)))).toEqual(["checkin-bad-choice"]);
  });

  it("takes an optional note of up to 500 characters", () => {
    const d = at({ caseId: 1, code: "NT-01", contacted: true, method: "phone", state: "stable" });
    expect(next(steps.note!.reply(text(" Đã đi làm lại "), d), "confirm").current!.note).toBe("Đã đi làm lại");
    expect(next(steps.note!.reply(tap("skip"), d), "confirm").current!.note).toBeNull();
    expect(next(steps.note!.reply(text("không có"), d), "confirm").current!.note).toBeNull();
    expect(refused(steps.note!.reply(text("x".repeat(501)), d))).toEqual([{ key: "err-too-long", args: { max: 500 } }]);
  });
});

describe("confirming a case", () => {
  const answered = { caseId: 1, code: "NT-01", contacted: true, method: "in_person" as const, state: "worrying" as const, note: "Hay vắng nhà" };
  const entry = { caseId: 1, code: "NT-01", contacted: true, method: "in_person" as const, state: "worrying" as const, note: "Hay vắng nhà" };

  it("shows the answers, and on a yes stores the case at once and offers the next", () => {
    const ask = steps.confirm!.ask(at(answered));
    expect(ask.say[0]).toEqual({
      key: "checkin-summary",
      args: { code: "NT-01", week: "23/11/2026", contacted: { key: "btn-yes" }, method: { key: "checkin-method-in_person" }, state: { key: "checkin-state-worrying" }, note: "Hay vắng nhà" },
    });
    const t = steps.confirm!.reply(text("có"), at(answered));
    expect(next(t, "case")).toEqual({ ...base, entries: [entry] });
    expect(t.kind === "next" && t.effects).toEqual([{ type: "checkin.save", week: WEEK, entries: [entry], continuing: true }]);
  });

  it("ends with the last unchecked case, and stores a case answered again in place of its first answers", () => {
    const one: CheckinData = { week: WEEK, cases: [nt1], entries: [] };
    expect(steps.confirm!.reply(tap("yes"), at(answered, one))).toEqual({ kind: "done", effects: [{ type: "checkin.save", week: WEEK, entries: [entry], continuing: false }] });

    const earlier = { ...entry, state: "stable" as const, note: null };
    const again = steps.confirm!.reply(text("co"), at(answered, { ...base, entries: [earlier] }));
    expect(next(again, "case").entries).toEqual([entry]);
  });

  it("on a no, asks the same case again from its first question, keeping nothing of it", () => {
    const t = steps.confirm!.reply(text("không"), at(answered));
    expect(next(t, "contacted").current).toEqual({ caseId: 1, code: "NT-01" });
    expect(t.kind === "next" && t.say).toEqual([{ key: "checkin-redo", args: { code: "NT-01" } }]);
    expect(t.kind === "next" && t.effects).toBeUndefined();
    expect(keys(refused(steps.confirm!.reply(text("có lẽ"), at(answered))))).toEqual(["err-yes-no"]);
  });

  it("drops the method of a person not reached, whatever was answered before", () => {
    const unreached = { ...answered, contacted: false, method: "phone" as const, state: "unreachable" as const };
    expect(steps.confirm!.ask(at(unreached)).say[0]!.args!.method).toEqual({ key: "checkin-not-contacted" });
    const t = steps.confirm!.reply(text("có"), at(unreached));
    expect(t.kind === "next" && t.effects![0]).toMatchObject({ entries: [{ contacted: false, method: null, state: "unreachable" }] });
  });
});

describe("the saved check-in", () => {
  it("reads back what the steps save, and not an older shape or an unknown state", () => {
    expect(CheckinData.safeParse(at({ caseId: 1, code: "NT-01", contacted: true, method: null, note: null })).success).toBe(true);
    const { entries: _, ...older } = base;
    expect(CheckinData.safeParse(older).success).toBe(false);
    expect(CheckinData.safeParse(at({ caseId: 1, code: "NT-01", state: "fine" as never })).success).toBe(false);
    expect(CheckinData.safeParse({ ...base, week: "23/11/2026" }).success).toBe(false);
  });
});
