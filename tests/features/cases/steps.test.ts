import { describe, expect, it } from "vitest";
import type { PersonView } from "../../../src/domain/person.ts";
import type { UnitInfo } from "../../../src/domain/units.ts";
import type { FlowContext, Queries, Transition } from "../../../src/engine/flow.ts";
import type { InboundContent, Msg } from "../../../src/engine/types.ts";
import {
  caseFlow,
  caseInviteFlow,
  casesFlow,
  casesMessages,
  caseStatusFlow,
  CaseStatusData,
  newCaseFlow,
  NewCaseData,
  readStatus,
} from "../../../features/cases/cases-flow.ts";
import type { CaseHistory, CaseInfo, CaseWeek } from "../../../features/cases/queries.ts";

/**
 * The officers' case flows, called directly: each step's answers and each command's start, with
 * an in-memory stand-in for what the flows read. No server, no database.
 */

const text = (t: string): InboundContent => ({ kind: "text", text: t });
const tap = (value: string): InboundContent => ({ kind: "choice", value });
const keys = (msgs: Msg[] | undefined) => (msgs ?? []).map((m) => m.key);

function next<D>(schema: { safeParse(v: unknown): { success: boolean } }, t: Transition<D>, step: string): D {
  if (t.kind !== "next") throw new Error(`expected next, got ${JSON.stringify(t)}`);
  expect(t.step).toBe(step);
  // What is saved between messages must be read back by the flow's own schema.
  expect(schema.safeParse(JSON.parse(JSON.stringify(t.data))).success).toBe(true);
  return t.data;
}
function refused<D>(t: Transition<D>): Msg[] {
  if (t.kind !== "invalid") throw new Error(`expected invalid, got ${JSON.stringify(t)}`);
  return t.say;
}

const officer: PersonView = { id: 1, role: "officer", unitId: null, lang: "vi", grants: [{ role: "officer", unitId: null }], headOf: [] };
const head: PersonView = { id: 2, role: "head", unitId: 10, lang: "vi", grants: [{ role: "head", unitId: 10 }], headOf: [10] };
const mentor: PersonView = { id: 3, role: "mentor", unitId: 10, lang: "vi", grants: [{ role: "mentor", unitId: 10 }], headOf: [] };

const unitA: UnitInfo = { id: 10, name: "Khu phố Nguyễn Trãi", households: 150, classification: "priority" };
const unitB: UnitInfo = { id: 11, name: "Khu phố Chí Linh", households: 100, classification: "has_cases" };
const info = (code: string, over: Partial<CaseInfo> = {}): CaseInfo => ({
  id: 1, code, unitId: 10, unitName: unitA.name, status: "active", startDate: "2026-09-01", endDate: null, hasName: false, mentors: 1, ...over,
});

interface CaseInputs {
  cases?: CaseInfo[];
  units?: UnitInfo[];
  week?: CaseWeek[];
  history?: (code: string, options: { withName: boolean; limit: number }) => CaseHistory | null;
}

/** Wednesday 25/11/2026 10:00 in Hà Nội: week of Monday 23/11. */
function ctx(person: PersonView, inputs: CaseInputs = {}): FlowContext {
  const units = inputs.units ?? [unitA, unitB];
  const q = {
    cases: async () => inputs.cases ?? [],
    units: async () => units,
    unitByName: async (name: string) => units.find((u) => u.name.toLowerCase() === name.trim().toLowerCase()) ?? null,
    casesOfWeek: async () => inputs.week ?? [],
    caseHistory: async (code: string, options: { withName: boolean; limit: number }) => inputs.history?.(code, options) ?? null,
  };
  return { person, now: new Date("2026-11-25T03:00:00Z"), timeZone: "Asia/Ho_Chi_Minh", q: q as unknown as Queries };
}

describe("reading a case status", () => {
  it("reads the English value, the Vietnamese words with or without diacritics, or a tapped button", () => {
    expect(readStatus(text("Hoàn thành."))).toBe("completed");
    expect(readStatus(text("tai nghien"))).toBe("relapsed");
    expect(readStatus("Cai nghiện bắt buộc")).toBe("compulsory");
    expect(readStatus(text("ĐANG GIÚP ĐỠ"))).toBe("active");
    expect(readStatus(tap("completed"))).toBe("completed");
    expect(readStatus(tap("hoàn thành"))).toBeUndefined();
    expect(readStatus(text("đã xong"))).toBeUndefined();
    expect(readStatus({ kind: "sticker" })).toBeUndefined();
  });
});

describe("/casestatus", () => {
  const steps = caseStatusFlow.steps;
  const cases = [info("NT-01"), info("NT-02", { id: 2 })];

  it("changes at once when the code and the status are given, and asks what is missing otherwise", async () => {
    expect(await caseStatusFlow.start(ctx(officer, { cases }), "nt-01 tái nghiện")).toEqual({ kind: "done", effects: [{ type: "case.status", code: "NT-01", status: "relapsed" }] });
    expect(await caseStatusFlow.start(ctx(officer, { cases }), "")).toEqual({ kind: "conversation", step: "code", data: { codes: ["NT-01", "NT-02"] } });
    expect(await caseStatusFlow.start(ctx(officer, { cases }), "NT-02")).toEqual({ kind: "conversation", step: "status", data: { codes: ["NT-01", "NT-02"], code: "NT-02" } });
    expect(await caseStatusFlow.start(ctx(officer, { cases }), "NT-09 completed")).toEqual({ kind: "done", say: [{ key: "case-unknown", args: { code: "NT-09" } }] });
    expect(await caseStatusFlow.start(ctx(officer, { cases }), "NT-01 đã xong")).toEqual({ kind: "done", say: [{ key: "case-status-bad" }, { key: "case-status-usage" }] });
    expect(await caseStatusFlow.start(ctx(officer), "")).toEqual({ kind: "done", say: [{ key: "case-none-yet" }] });
    expect(await caseStatusFlow.start(ctx(head, { cases }), "NT-01 completed")).toEqual({ kind: "done", say: [{ key: "not-allowed" }] });
  });

  it("asks which case with a button each, however many (the channel renders what does not fit)", () => {
    const few = steps.code!.ask({ codes: ["NT-01", "NT-02"] });
    expect(few.say).toEqual([{ key: "case-status-ask-code", args: { cases: "NT-01, NT-02" } }]);
    expect(few.choices!.map((c) => c.value)).toEqual(["NT-01", "NT-02"]);
    expect(steps.code!.ask({ codes: ["A-1", "A-2", "A-3", "A-4", "A-5", "A-6"] }).choices).toHaveLength(6);
  });

  it("takes a code tapped or typed in any case, and names the codes when it is not one of them", () => {
    const d: CaseStatusData = { codes: ["NT-01", "NT-02"] };
    expect(next(CaseStatusData, steps.code!.reply(tap("NT-02"), d), "status")).toEqual({ ...d, code: "NT-02" });
    expect(next(CaseStatusData, steps.code!.reply(text(" nt-01 "), d), "status").code).toBe("NT-01");
    expect(refused(steps.code!.reply(text("NT-07"), d))).toEqual([{ key: "case-unknown-list", args: { code: "NT-07", cases: "NT-01, NT-02" } }]);
  });

  it("offers every status as a button and changes to the one chosen", () => {
    const d: CaseStatusData = { codes: ["NT-01"], code: "NT-01" };
    const ask = steps.status!.ask(d);
    expect(ask.say).toEqual([{ key: "case-status-ask", args: { code: "NT-01" } }]);
    expect(ask.choices!.map((c) => c.value)).toEqual(["active", "completed", "relapsed", "compulsory"]);
    expect(steps.status!.reply(text("cai nghien bat buoc"), d)).toEqual({ kind: "done", effects: [{ type: "case.status", code: "NT-01", status: "compulsory" }] });
    expect(steps.status!.reply(tap("completed"), d)).toEqual({ kind: "done", effects: [{ type: "case.status", code: "NT-01", status: "completed" }] });
    expect(keys(refused(steps.status!.reply(text("khỏi"), d)))).toEqual(["case-status-bad"]);
  });

  it("does not read a status change saved without its list of codes", () => {
    expect(CaseStatusData.safeParse({ codes: ["NT-01"], code: "NT-01" }).success).toBe(true);
    expect(CaseStatusData.safeParse({ code: "NT-01" }).success).toBe(false);
  });
});

describe("/newcase", () => {
  const steps = newCaseFlow.steps;
  const start: NewCaseData = { taken: ["NT-01"], units: [{ id: 10, name: unitA.name }, { id: 11, name: unitB.name }], today: "2026-11-25" };

  it("starts with the codes taken, the units and today's date, for officers only, and only once there is a unit", async () => {
    expect(await newCaseFlow.start(ctx(officer, { cases: [info("NT-01")] }), "")).toEqual({ kind: "conversation", step: "code", data: start });
    expect(await newCaseFlow.start(ctx(officer, { units: [] }), "")).toEqual({ kind: "done", say: [{ key: "case-no-units" }] });
    expect(await newCaseFlow.start(ctx(mentor), "")).toEqual({ kind: "done", say: [{ key: "not-allowed" }] });
  });

  it("takes a new code, normalised, and refuses a taken one, a name and a code without a digit", () => {
    expect(next(NewCaseData, steps.code!.reply(text("nt-05"), start), "unit")).toEqual({ ...start, code: "NT-05" });
    expect(refused(steps.code!.reply(text("NT-01"), start))).toEqual([{ key: "case-exists", args: { code: "NT-01" } }]);
    for (const bad of ["Nguyễn Văn A", "ABC", "-12", "x".repeat(21) + "1"]) expect(keys(refused(steps.code!.reply(text(bad), start)))).toEqual(["case-bad-code"]);
    expect(keys(refused(steps.code!.reply({ kind: "sticker" }, start)))).toEqual(["expect-text"]);
  });

  it("asks the unit with a button each, takes a tap or the name typed, and refuses 'every unit' or an unknown one", () => {
    const d = { ...start, code: "NT-05" };
    const ask = steps.unit!.ask(d);
    expect(keys(ask.say)).toEqual(["case-ask-unit-buttons"]);
    expect(ask.choices!.map((c) => c.value)).toEqual(["unit:10", "unit:11"]);
    const many = { ...d, units: Array.from({ length: 6 }, (_, i) => ({ id: i + 1, name: `Khu phố ${i + 1}` })) };
    expect(steps.unit!.ask(many).choices).toHaveLength(6);

    expect(next(NewCaseData, steps.unit!.reply(tap("unit:11"), d), "start").unitId).toBe(11);
    expect(next(NewCaseData, steps.unit!.reply(text("khu pho chi linh"), d), "start").unitId).toBe(11);
    expect(refused(steps.unit!.reply(text("tất cả"), d))).toEqual([{ key: "unit-expected" }]);
    expect(refused(steps.unit!.reply(text("Khu phố Hòa Bình"), d))).toEqual([{ key: "unit-unknown", args: { unit: "Khu phố Hòa Bình", units: `${unitA.name}, ${unitB.name}` } }]);
    expect(refused(steps.unit!.reply(tap("unit:99"), d))).toEqual([{ key: "unit-expected" }]);
  });

  it("takes the start date as 'today', typed dates, or words ('hôm qua', 'ngày 1 tháng 9')", () => {
    const d = { ...start, code: "NT-05", unitId: 10 };
    expect(steps.start!.ask(d).choices!.map((c) => c.value)).toEqual(["today"]);
    const startOn = (input: InboundContent) => next(NewCaseData, steps.start!.reply(input, d), "end").startDate;
    expect(startOn(tap("today"))).toBe("2026-11-25");
    expect(startOn(text("Hôm nay"))).toBe("2026-11-25");
    expect(startOn(text("hom qua"))).toBe("2026-11-24");
    expect(startOn(text("01/09/2026"))).toBe("2026-09-01");
    expect(startOn(text("2026-09-01"))).toBe("2026-09-01");
    expect(startOn(text("ngày 1 tháng 9"))).toBe("2026-09-01");
    // A day without its year is the latest one: December is last year's.
    expect(startOn(text("28/12"))).toBe("2025-12-28");
    for (const bad of ["31/02/2026", "sớm thôi", ""]) expect(refused(steps.start!.reply(text(bad), d))).toEqual([{ key: "case-bad-date" }]);
  });

  it("takes an optional end date not before the start", () => {
    const d = { ...start, code: "NT-05", unitId: 10, startDate: "2026-09-01" };
    expect(next(NewCaseData, steps.end!.reply(text("01/03/2027"), d), "confirm").endDate).toBe("2027-03-01");
    expect(next(NewCaseData, steps.end!.reply(tap("skip"), d), "confirm").endDate).toBeNull();
    expect(next(NewCaseData, steps.end!.reply(text("bỏ qua"), d), "confirm").endDate).toBeNull();
    expect(refused(steps.end!.reply(text("01/08/2026"), d))).toEqual([{ key: "case-end-before-start", args: { start: "01/09/2026" } }]);
    expect(refused(steps.end!.reply(text("năm sau"), d))).toEqual([{ key: "case-bad-date" }]);
  });

  const told: NewCaseData = { ...start, code: "NT-05", unitId: 11, startDate: "2026-09-01", endDate: null };

  it("shows the case before opening it, and opens nothing on a no", () => {
    const ask = steps.confirm!.ask(told);
    expect(ask.say[0]).toEqual({ key: "case-open-summary", args: { code: "NT-05", unit: unitB.name, start: "01/09/2026", end: { key: "case-end-none" } } });
    expect(ask.choices!.map((c) => c.value)).toEqual(["yes", "no"]);
    expect(next(NewCaseData, steps.confirm!.reply(text("đúng"), told), "name")).toEqual(told);
    expect(steps.confirm!.reply(text("khong"), told)).toEqual({ kind: "done", say: [{ key: "case-open-cancelled" }] });
    expect(keys(refused(steps.confirm!.reply(text("để xem"), told)))).toEqual(["err-yes-no"]);
  });

  it("asks the name last and puts it only in the effect, never in the saved data", () => {
    expect(steps.name!.ask(told)).toMatchObject({ say: [{ key: "case-ask-name", args: { max: 100 } }] });
    expect(steps.name!.reply(text(" Nguyễn Văn A "), told)).toEqual({
      kind: "done",
      effects: [{ type: "case.open", code: "NT-05", unitId: 11, startDate: "2026-09-01", endDate: null, name: "Nguyễn Văn A" }],
    });
    const skipped = steps.name!.reply(text("bo qua"), told);
    expect(skipped.kind === "done" && skipped.effects![0]).toMatchObject({ type: "case.open", name: null });
    expect(keys(refused(steps.name!.reply(text("x".repeat(101)), told)))).toEqual(["err-too-long"]);
  });

  it("does not read a new case saved without the codes taken, or with a date that is no date", () => {
    expect(NewCaseData.safeParse(told).success).toBe(true);
    const { taken: _, ...older } = told;
    expect(NewCaseData.safeParse(older).success).toBe(false);
    expect(NewCaseData.safeParse({ ...told, startDate: "01/09/2026" }).success).toBe(false);
  });
});

describe("the officers' one-shot case commands", () => {
  const week: CaseWeek[] = [
    { code: "NT-01", unitName: unitA.name, mentors: 1, thisWeek: null, lastWeek: null, dueLastWeek: true },
    { code: "NT-02", unitName: unitA.name, mentors: 0, thisWeek: { state: "worrying", contacted: true }, lastWeek: null, dueLastWeek: false },
    { code: "CL-01", unitName: unitB.name, mentors: 1, thisWeek: { state: "stable", contacted: true }, lastWeek: null, dueLastWeek: false },
  ];

  it("lists the week's cases: due, overdue, needing attention; of one unit when named", async () => {
    const all = await casesFlow.start(ctx(officer, { week }), "");
    if (all.kind !== "done") throw new Error("expected done");
    expect(all.say![0]).toEqual({ key: "cases-title", args: { week: "23/11/2026", count: 3, done: 2 } });
    expect(keys(all.say)).toEqual(["cases-title", "lines", "lines", "lines", "cases-hint"]);
    const heads = all.say!.slice(1, 4).map((m) => (m.args!.lines as Msg[])[0]!.key);
    expect(heads).toEqual(["cases-due", "cases-overdue", "cases-attention"]);

    const one = await casesFlow.start(ctx(officer, { week }), "Khu phố Chí Linh");
    expect(one.kind === "done" && one.say![0]).toEqual({ key: "cases-title", args: { week: "23/11/2026", count: 1, done: 1 } });
    expect(await casesFlow.start(ctx(officer, { week }), "Khu phố Hòa Bình")).toEqual({
      kind: "done",
      say: [{ key: "unit-unknown", args: { unit: "Khu phố Hòa Bình", units: `${unitA.name}, ${unitB.name}` } }],
    });
    expect(await casesFlow.start(ctx(head, { week }), "")).toEqual({ kind: "done", say: [{ key: "not-allowed" }] });
  });

  it("says so when no case is due, and counts those beyond thirty", () => {
    expect(keys(casesMessages("2026-11-23", []))).toEqual(["cases-title", "cases-none"]);
    const many = Array.from({ length: 32 }, (_, i): CaseWeek => ({ code: `NT-${i + 10}`, unitName: unitA.name, mentors: 1, thisWeek: null, lastWeek: null, dueLastWeek: false }));
    const due = casesMessages("2026-11-23", many)[1]!.args!.lines as Msg[];
    expect(due).toHaveLength(1 + 30 + 1);
    expect(due.at(-1)).toEqual({ key: "cases-more", args: { count: 2 } });
  });

  it("shows one case with its name only when it may be read, and its check-ins", async () => {
    const asked: boolean[] = [];
    const history = (code: string, options: { withName: boolean; limit: number }): CaseHistory | null => {
      asked.push(options.withName);
      return code === "NT-01"
        ? { info: info("NT-01"), name: "Nguyễn Văn A", nameUnreadable: false, checkins: [{ week: "2026-11-16", contacted: false, method: null, state: "unreachable", note: null }] }
        : null;
    };
    const shown = await caseFlow.start(ctx(officer, { history }), "nt-01");
    expect(asked).toEqual([true]);
    if (shown.kind !== "done") throw new Error("expected done");
    expect(keys(shown.say)).toEqual(["case-title", "case-name", "case-period", "lines"]);
    expect(shown.say![1]).toEqual({ key: "case-name", args: { name: "Nguyễn Văn A" } });
    const line = ((shown.say![3]!.args!.lines as Msg[])[1]!.args!.item as Msg);
    expect(line).toEqual({ key: "case-history-line", args: { week: "16/11/2026", state: { key: "checkin-state-unreachable" }, method: { key: "checkin-not-contacted" } } });

    expect(await caseFlow.start(ctx(officer, { history }), "NT-09")).toEqual({ kind: "done", say: [{ key: "case-unknown", args: { code: "NT-09" } }] });
    expect(await caseFlow.start(ctx(officer, { history }), " ")).toEqual({ kind: "done", say: [{ key: "case-usage" }] });
    expect(await caseFlow.start(ctx(mentor, { history }), "NT-01")).toEqual({ kind: "done", say: [{ key: "not-allowed" }] });
    expect(asked).toEqual([true, true]);
  });

  it("makes one more mentor invite for a case", async () => {
    expect(await caseInviteFlow.start(ctx(officer), "nt-02")).toEqual({ kind: "done", effects: [{ type: "case.invite", code: "NT-02" }] });
    expect(await caseInviteFlow.start(ctx(officer), "")).toEqual({ kind: "done", say: [{ key: "case-invite-usage" }] });
    expect(await caseInviteFlow.start(ctx(head), "NT-02")).toEqual({ kind: "done", say: [{ key: "not-allowed" }] });
  });
});
