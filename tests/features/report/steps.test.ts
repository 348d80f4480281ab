import { describe, expect, it } from "vitest";
import type { ReportValues } from "../../../src/domain/report.ts";
import type { UnitInfo } from "../../../src/domain/units.ts";
import type { ReportSuggestion, StoredReport } from "../../../features/report/queries.ts";
import { reportFlow, type ReportData } from "../../../features/report/report-flow.ts";
import { lockFlow, unlockFlow, MAX_UNLOCK_REASON } from "../../../features/report/lock-flow.ts";
import { summaryFlow } from "../../../features/report/summary-flow.ts";
import {
  ask,
  contextWith,
  expectConversation,
  expectDone,
  expectInvalid,
  expectNext,
  headOf,
  keys,
  officer,
  reply,
  resident,
  sticker,
  tap,
  text,
} from "../../support/step-kit.ts";

/**
 * The monthly report's steps, without a server: each answer a head may type or tap, and what the
 * step does with it. The chat suite (tests/flows/report.test.ts) covers the same flow end to end.
 */

const unit: UnitInfo = { id: 1, name: "Khu phố Nguyễn Trãi", households: 150, classification: "priority" };
const other: UnitInfo = { id: 2, name: "Khu phố Chí Linh", households: 80, classification: "has_cases" };

const lastMonth: ReportValues = {
  addicts: 10,
  suspected: 4,
  newCases: 1,
  familyRehab: 2,
  compulsoryReferrals: 0,
  relapses: 1,
  householdsCommitted: 120,
  propagandaSessions: 2,
  incidents: 0,
  suspectedSpots: 1,
  notes: null,
};
const full: ReportValues = { ...lastMonth, addicts: 11, notes: "Đề nghị tăng cường tuần tra." };

const fresh = (extra: Partial<ReportData> = {}): ReportData => ({ unit, period: "2026-11", previous: lastMonth, existing: null, answers: {}, warnings: [], ...extra });

/** The queries the report's start reads, for the given units and stored reports ("unitId/period"). */
function reportQueries(opts: { units?: UnitInfo[]; reports?: Record<string, ReportValues>; locked?: string[]; suggestions?: ReportSuggestion[] } = {}) {
  const units = opts.units ?? [unit];
  return {
    isLocked: async (period: string) => (opts.locked ?? []).includes(period),
    unit: async (id: number) => units.find((u) => u.id === id) ?? null,
    report: async (unitId: number, period: string) => opts.reports?.[`${unitId}/${period}`] ?? null,
    reportSuggestions: async () => opts.suggestions ?? [],
  };
}

describe("report: the start", () => {
  it("refuses someone who reports for no unit", async () => {
    expect(expectDone(await reportFlow.start(contextWith(resident(), {}), "")).say).toEqual(["report-not-head"]);
    expect(expectDone(await reportFlow.start(contextWith(officer(), {}), "")).say).toEqual(["report-not-head"]);
  });

  it("asks the first count of this month, with last month kept for the rules", async () => {
    const ctx = contextWith(headOf(1), reportQueries({ reports: { "1/2026-10": lastMonth } }));
    const { data, say } = expectConversation(reportFlow, await reportFlow.start(ctx, ""), "addicts");
    expect(say).toEqual(["report-start"]);
    expect(data).toEqual({ unit, period: "2026-11", previous: lastMonth, existing: null, answers: {}, warnings: [] });
    expect(keys(ask(reportFlow, "addicts", data).say)).toEqual(["report-question"]);
    expect(ask(reportFlow, "addicts", data).choices).toBeUndefined();
  });

  it("takes last month, typed as people write it, and refuses any other", async () => {
    const ctx = contextWith(headOf(1), reportQueries());
    for (const typed of ["10/2026", "2026-10", " 10/2026 "]) {
      const { data } = expectConversation(reportFlow, await reportFlow.start(ctx, typed), "addicts");
      expect(data.period).toBe("2026-10");
    }
    for (const typed of ["09/2026", "12/2026", "13/2026", "tháng sau"]) {
      const done = expectDone(await reportFlow.start(ctx, typed));
      expect(done.say).toEqual(["report-bad-period"]);
    }
  });

  it("says a locked month cannot be sent, and a retired unit need not report", async () => {
    expect(expectDone(await reportFlow.start(contextWith(headOf(1), reportQueries({ locked: ["2026-11"] })), "")).say).toEqual(["report-locked"]);
    const retired = { ...unit, retiredPeriod: "2026-11" };
    expect(expectDone(await reportFlow.start(contextWith(headOf(1), reportQueries({ units: [retired] })), "")).say).toEqual(["report-unit-retired"]);
    // Its last month before retiring still can.
    expectConversation(reportFlow, await reportFlow.start(contextWith(headOf(1), reportQueries({ units: [retired] })), "10/2026"), "addicts");
  });

  it("shows a report sent already and asks what to change", async () => {
    const ctx = contextWith(headOf(1), reportQueries({ reports: { "1/2026-11": full, "1/2026-10": lastMonth } }));
    const { data, say } = expectConversation(reportFlow, await reportFlow.start(ctx, ""), "confirm");
    expect(say).toEqual(["report-start-correction"]);
    expect(data.existing).toEqual(full);
    expect(data.answers).toEqual(full);
  });

  it("offers what other features suggest, with its source and a button to keep it", async () => {
    const suggestion: ReportSuggestion = { field: "householdsCommitted", value: 97, source: { key: "commitments-source", args: { date: "12/11/2026" } } };
    const ctx = contextWith(headOf(1), reportQueries({ suggestions: [suggestion] }));
    const { data } = expectConversation(reportFlow, await reportFlow.start(ctx, ""), "addicts");
    expect(data.suggested).toEqual([suggestion]);
    const q = ask(reportFlow, "householdsCommitted", data);
    expect(q.say[1]).toEqual({ key: "report-question-suggested", args: { value: 97, source: suggestion.source } });
    expect(q.choices?.map((c) => c.value)).toEqual(["97"]);
    // Tapping it answers 97; another count may still be typed.
    const d = { ...data, answers: { ...full, householdsCommitted: undefined, propagandaSessions: undefined, incidents: undefined, suspectedSpots: undefined, notes: undefined } };
    expect(expectNext(reportFlow, reply(reportFlow, "householdsCommitted", tap("97"), d), "propagandaSessions").answers.householdsCommitted).toBe(97);
    expect(expectNext(reportFlow, reply(reportFlow, "householdsCommitted", text("100"), d), "propagandaSessions").answers.householdsCommitted).toBe(100);
  });

  it("asks a head of two units which one, by button or by the name typed without diacritics", async () => {
    const ctx = contextWith(headOf(1, 2), reportQueries({ units: [unit, other] }));
    const { data } = expectConversation(reportFlow, await reportFlow.start(ctx, ""), "unit");
    const q = ask(reportFlow, "unit", data);
    expect(keys(q.say)).toEqual(["report-pick-unit"]);
    expect(q.choices?.map((c) => c.value)).toEqual(["unit:0", "unit:1"]);

    const tapped = reply(reportFlow, "unit", tap("unit:1"), data);
    expect(keys(tapped.kind === "next" ? tapped.say : [])).toEqual(["report-start"]);
    expect(expectNext(reportFlow, tapped, "addicts").unit).toEqual(other);
    expect(expectNext(reportFlow, reply(reportFlow, "unit", text("chi linh"), data), "addicts").unit).toEqual(other);
    expect(expectNext(reportFlow, reply(reportFlow, "unit", text("Khu phố Nguyễn Trãi"), data), "addicts").unit).toEqual(unit);
    const wrong = reply(reportFlow, "unit", text("Khu phố 9"), data);
    expect(expectInvalid(wrong)).toEqual(["report-pick-unit-invalid"]);
    expect(wrong.kind === "invalid" && wrong.say[0]!.args).toEqual({ units: "Khu phố Nguyễn Trãi, Khu phố Chí Linh" });
  });

  it("goes straight to the one unit left when the other cannot report this month", async () => {
    const ctx = contextWith(headOf(1, 2), reportQueries({ units: [unit, { ...other, retiredPeriod: "2026-10" }] }));
    expect(expectConversation(reportFlow, await reportFlow.start(ctx, ""), "addicts").data.unit).toEqual(unit);
  });
});

describe("report: a count question", () => {
  it("takes digits, number words with or without diacritics, a noun after it, and 'không có' for zero", () => {
    const cases: [string, number][] = [["12", 12], ["mười hai", 12], ["muoi hai", 12], ["12 người", 12], ["không có", 0], ["khong co ai", 0], ["0", 0]];
    for (const [typed, value] of cases) {
      const d = expectNext(reportFlow, reply(reportFlow, "addicts", text(typed), fresh({ previous: null })), "suspected");
      expect(d.answers).toEqual({ addicts: value });
    }
  });

  it("says what to type for anything that is not one count", () => {
    const d = fresh();
    expect(expectInvalid(reply(reportFlow, "addicts", text("không biết"), d))).toEqual(["err-count-not-a-number"]);
    expect(expectInvalid(reply(reportFlow, "addicts", text("vài người"), d))).toEqual(["err-count-vague"]);
    expect(expectInvalid(reply(reportFlow, "addicts", text("3-4"), d))).toEqual(["err-count-range"]);
    expect(expectInvalid(reply(reportFlow, "addicts", text("-2"), d))).toEqual(["err-count-negative"]);
    expect(expectInvalid(reply(reportFlow, "addicts", text("2.5"), d))).toEqual(["err-count-not-whole"]);
    expect(expectInvalid(reply(reportFlow, "addicts", sticker, d))).toEqual(["expect-text-not-media"]);
  });

  it("asks back a hedged count, and takes it on 'có', the number typed, or asks again on 'không'", () => {
    const d = fresh({ previous: null });
    const asking = expectNext(reportFlow, reply(reportFlow, "addicts", text("hơn 3"), d), "check");
    expect(asking.asking).toEqual({ field: "addicts", value: 3 });
    expect(ask(reportFlow, "check", asking).say).toEqual([{ key: "count-confirm", args: { value: 3 } }]);

    const yes = expectNext(reportFlow, reply(reportFlow, "check", text("có"), asking), "suspected");
    expect(yes.answers).toEqual({ addicts: 3 });
    expect(yes.asking).toBeUndefined();
    expect(expectNext(reportFlow, reply(reportFlow, "check", tap("yes"), asking), "suspected").answers).toEqual({ addicts: 3 });
    expect(expectNext(reportFlow, reply(reportFlow, "check", text("4"), asking), "suspected").answers).toEqual({ addicts: 4 });
    const no = expectNext(reportFlow, reply(reportFlow, "check", text("khong"), asking), "addicts");
    expect(no.answers).toEqual({});
    expect(no.asking).toBeUndefined();
    expect(expectInvalid(reply(reportFlow, "check", text("hả"), asking))).toEqual(["err-yes-no"]);
  });

  it("refuses a count above the people with a record, and households above the unit's", () => {
    const d = fresh({ previous: null, answers: { addicts: 3, suspected: 1 } });
    const broken = reply(reportFlow, "newCases", text("4"), d);
    expect(expectInvalid(broken)).toEqual(["rule-exceeds-addicts"]);
    expect(broken.kind === "invalid" && broken.say[0]!.args).toEqual({ label: { key: "field-newCases" }, value: 4, addicts: 3 });
    expect(expectInvalid(reply(reportFlow, "familyRehab", text("bốn"), d))).toEqual(["rule-exceeds-addicts"]);
    expect(expectNext(reportFlow, reply(reportFlow, "newCases", text("3"), d), "familyRehab").answers.newCases).toBe(3);
    expect(expectInvalid(reply(reportFlow, "householdsCommitted", text("151"), fresh()))).toEqual(["rule-exceeds-households"]);
    expect(expectNext(reportFlow, reply(reportFlow, "householdsCommitted", text("150 hộ"), fresh()), "propagandaSessions").answers.householdsCommitted).toBe(150);
  });

  it("asks to confirm a big change from last month, keeping the warning once confirmed", () => {
    const pending = expectNext(reportFlow, reply(reportFlow, "addicts", text("30"), fresh()), "warning");
    expect(pending.pending).toEqual({ field: "addicts", value: 30, warnings: [{ rule: "big-change", field: "addicts", previous: 10, value: 30 }] });
    expect(pending.answers).toEqual({});
    expect(keys(ask(reportFlow, "warning", pending).say)).toEqual(["warn-big-change", "warn-confirm"]);

    const confirmed = expectNext(reportFlow, reply(reportFlow, "warning", text("đúng rồi"), pending), "suspected");
    expect(confirmed.answers).toEqual({ addicts: 30 });
    expect(confirmed.warnings).toEqual(pending.pending!.warnings);
    expect(confirmed.pending).toBeUndefined();

    const again = expectNext(reportFlow, reply(reportFlow, "warning", text("không"), pending), "addicts");
    expect(again.answers).toEqual({});
    expect(again.warnings).toEqual([]);
    expect(again.pending).toBeUndefined();
    expect(expectInvalid(reply(reportFlow, "warning", text("để xem"), pending))).toEqual(["err-yes-no"]);
  });

  it("warns of new cases in a clean unit even without last month", () => {
    const d = fresh({ unit: { ...unit, classification: "clean" }, previous: null, answers: { addicts: 2, suspected: 0 } });
    const pending = expectNext(reportFlow, reply(reportFlow, "newCases", text("một"), d), "warning");
    expect(pending.pending?.warnings).toEqual([{ rule: "new-cases-in-clean-unit", field: "newCases", value: 1 }]);
    expect(expectNext(reportFlow, reply(reportFlow, "newCases", text("0"), d), "familyRehab").pending).toBeUndefined();
  });

  it("keeps the value sent before on 'giữ nguyên' (typed with or without diacritics, or tapped), in a correction", () => {
    const d = fresh({ existing: full, answers: { ...full }, editing: true });
    const q = ask(reportFlow, "suspected", d);
    expect(q.say[1]).toEqual({ key: "report-question-current", args: { value: 4 } });
    expect(q.choices?.map((c) => c.value)).toEqual(["4"]);
    for (const input of [text("giữ nguyên"), text("giu nguyen"), text("Giữ nguyên ạ"), tap("4")]) {
      expect(expectNext(reportFlow, reply(reportFlow, "suspected", input, d), "confirm").answers.suspected).toBe(4);
    }
    // Nothing to keep in a new report.
    expect(expectInvalid(reply(reportFlow, "suspected", text("giữ nguyên"), fresh()))).toEqual(["err-count-not-a-number"]);
  });
});

describe("report: the notes", () => {
  const before = fresh({ previous: null, answers: { ...full, notes: undefined } });

  it("takes a note, or nothing on 'bỏ qua', 'không có' or the skip button, then shows the summary", () => {
    expect(expectNext(reportFlow, reply(reportFlow, "notes", text("  Cần thêm đèn đường.  "), before), "confirm").answers.notes).toBe("Cần thêm đèn đường.");
    for (const input of [text("bỏ qua"), text("bo qua"), text("không có kiến nghị gì"), tap("skip"), text("-")]) {
      expect(expectNext(reportFlow, reply(reportFlow, "notes", input, before), "confirm").answers.notes).toBeNull();
    }
    expect(ask(reportFlow, "notes", before).choices?.map((c) => c.value)).toEqual(["skip"]);
  });

  it("refuses a note that is too long, or a sticker", () => {
    const t = reply(reportFlow, "notes", text("x".repeat(1001)), before);
    expect(expectInvalid(t)).toEqual(["err-too-long"]);
    expect(expectInvalid(reply(reportFlow, "notes", sticker, before))).toEqual(["expect-text-not-media"]);
  });

  it("keeps the note sent before on its button", () => {
    const d = fresh({ existing: full, answers: { ...full, notes: undefined } });
    const q = ask(reportFlow, "notes", d);
    expect(q.choices?.map((c) => c.value)).toEqual(["keep", "skip"]);
    expect(expectNext(reportFlow, reply(reportFlow, "notes", tap("keep"), d), "confirm").answers.notes).toBe(full.notes);
  });
});

describe("report: the summary and corrections", () => {
  const done = fresh({ answers: { ...full } });

  it("shows every field with the warnings and sends on 'có'", () => {
    const warned = { ...done, warnings: [{ rule: "big-change" as const, field: "addicts" as const, previous: 10, value: 30 }] };
    const q = ask(reportFlow, "confirm", warned);
    expect(keys(q.say)).toEqual(["report-summary-title", "lines", "lines", "report-confirm"]);
    expect((q.say[1]!.args!.lines as unknown[]).length).toBe(11);
    for (const input of [text("có"), text("co"), text("gửi đi"), tap("yes")]) {
      const sent = expectDone(reply(reportFlow, "confirm", input, warned));
      expect(sent.effects).toEqual([{ type: "report.submit", unitId: 1, period: "2026-11", values: full, warnings: warned.warnings }]);
    }
  });

  it("sends an empty note as none", () => {
    const { notes: _, ...counts } = full;
    const sent = expectDone(reply(reportFlow, "confirm", text("có"), fresh({ answers: counts })));
    expect(sent.effects[0]).toMatchObject({ values: { notes: null } });
  });

  it("goes to the field named or numbered, then back to the summary", () => {
    for (const typed of ["sửa mục 8", "8", "tám", "tuyen truyen", "Số buổi tuyên truyền"]) {
      const editing = expectNext(reportFlow, reply(reportFlow, "confirm", text(typed), done), "propagandaSessions");
      expect(editing.editing).toBe(true);
      const back = expectNext(reportFlow, reply(reportFlow, "propagandaSessions", text("3"), editing), "confirm");
      expect(back.answers.propagandaSessions).toBe(3);
      expect(back.editing).toBe(false);
    }
  });

  it("asks which field on 'không' or 'sửa', and goes back to the summary on 'thôi'", () => {
    const picking = expectNext(reportFlow, reply(reportFlow, "confirm", text("không"), done), "pick");
    expect(expectNext(reportFlow, reply(reportFlow, "confirm", text("sửa"), done), "pick")).toEqual(picking);
    expect(ask(reportFlow, "pick", picking).say).toEqual([{ key: "report-pick-field", args: { count: 11 } }]);
    expect(expectNext(reportFlow, reply(reportFlow, "pick", text("tái nghiện"), picking), "relapses").editing).toBe(true);
    expect(expectNext(reportFlow, reply(reportFlow, "pick", text("11"), picking), "notes").editing).toBe(true);
    expect(expectNext(reportFlow, reply(reportFlow, "pick", text("thôi"), picking), "confirm")).toEqual(picking);
    expect(expectInvalid(reply(reportFlow, "pick", text("mục 12"), picking))).toEqual(["report-pick-field-invalid"]);
  });

  it("asks only the choice again on an unclear answer, not the whole summary", () => {
    const t = reply(reportFlow, "confirm", text("để mai"), done);
    expect(expectInvalid(t)).toEqual(["report-confirm-unclear"]);
    expect(t.kind === "invalid" && t.ask).toEqual({ say: [], choices: [{ label: { key: "btn-yes" }, value: "yes" }, { label: { key: "btn-no" }, value: "no" }] });
  });

  it("asks a later field again when a correction breaks a rule with it", () => {
    const editing = expectNext(reportFlow, reply(reportFlow, "confirm", text("1"), { ...done, previous: null }), "addicts");
    // 11 people with a record, 1 new case and 2 in family rehab: down to 1 breaks family rehab.
    const t = reply(reportFlow, "addicts", text("1"), editing);
    const again = expectNext(reportFlow, t, "familyRehab");
    expect(keys(t.kind === "next" ? t.say : [])).toEqual(["rule-exceeds-addicts"]);
    expect(again.answers.addicts).toBe(1);
    expect(again.editing).toBe(true);
    expect(expectNext(reportFlow, reply(reportFlow, "familyRehab", text("1"), again), "confirm").editing).toBe(false);
  });
});

describe("unlock", () => {
  const q = { isLocked: async (period: string) => period === "2026-10" };

  it("is for officers, and says how to use it", async () => {
    expect(expectDone(await unlockFlow.start(contextWith(headOf(1), q), "10/2026 lý do")).say).toEqual(["not-allowed"]);
    expect(expectDone(await unlockFlow.start(contextWith(officer(), q), "")).say).toEqual(["unlock-usage"]);
    expect(expectDone(await unlockFlow.start(contextWith(officer(), q), "09/2026")).say).toEqual(["unlock-not-locked"]);
  });

  it("reopens at once with the reason after the month, and asks for it otherwise", async () => {
    const at = expectDone(await unlockFlow.start(contextWith(officer(), q), "10/2026  Khu phố Chí Linh nhập sai"));
    expect(at.effects).toEqual([{ type: "period.unlock", period: "2026-10", reason: "Khu phố Chí Linh nhập sai" }]);
    expect(expectDone(await unlockFlow.start(contextWith(officer(), q), `10/2026 ${"x".repeat(MAX_UNLOCK_REASON + 1)}`)).say).toEqual(["err-too-long"]);

    const { data } = expectConversation(unlockFlow, await unlockFlow.start(contextWith(officer(), q), "2026-10"), "reason");
    expect(data).toEqual({ period: "2026-10" });
    expect(ask(unlockFlow, "reason", data).say).toEqual([{ key: "unlock-ask-reason", args: { period: "10/2026" } }]);
    expect(expectDone(reply(unlockFlow, "reason", text("Nhập sai số hộ"), data)).effects).toEqual([{ type: "period.unlock", period: "2026-10", reason: "Nhập sai số hộ" }]);
    expect(expectInvalid(reply(unlockFlow, "reason", text("   "), data))).toEqual(["unlock-reason-expected"]);
    expect(expectInvalid(reply(unlockFlow, "reason", sticker, data))).toEqual(["unlock-reason-expected"]);
    expect(expectInvalid(reply(unlockFlow, "reason", text("x".repeat(MAX_UNLOCK_REASON + 1)), data))).toEqual(["unlock-reason-expected"]);
  });
});

describe("lock", () => {
  it("locks a month that has ended, and says why not otherwise", async () => {
    expect(expectDone(await lockFlow.start(contextWith(headOf(1), {}), "10/2026")).say).toEqual(["not-allowed"]);
    expect(expectDone(await lockFlow.start(contextWith(officer(), {}), "10/2026")).effects).toEqual([{ type: "period.lock", period: "2026-10" }]);
    expect(expectDone(await lockFlow.start(contextWith(officer(), {}), "11/2026")).say).toEqual(["lock-not-ended"]);
    expect(expectDone(await lockFlow.start(contextWith(officer(), {}), "")).say).toEqual(["lock-usage"]);
  });
});

describe("summary", () => {
  const stored = (unitId: number, values: ReportValues): StoredReport => ({ unitId, values, warnings: [], submittedAt: new Date("2026-11-05T02:00:00Z") });
  const q = {
    unitByName: async (name: string) => [unit, other].find((u) => u.name.toLowerCase().endsWith(name.toLowerCase())) ?? null,
    storedReport: async (unitId: number, period: string) => (unitId === 1 && period === "2026-11" ? stored(1, full) : null),
    unitIdsWithHead: async () => [1, 2],
    unitsActiveIn: async () => [unit, other],
    reports: async (period: string) => (period === "2026-11" ? [stored(1, full)] : [stored(1, lastMonth)]),
    isLocked: async () => false,
  };

  it("is for officers, and refuses a month that is not one", async () => {
    expect(expectDone(await summaryFlow.start(contextWith(headOf(1), q), "")).say).toEqual(["not-allowed"]);
    expect(expectDone(await summaryFlow.start(contextWith(officer(), q), "13/2026")).say).toEqual(["summary-usage"]);
    // A unit's name cannot end in something that looks like a month: that is a mistyped month.
    expect(expectDone(await summaryFlow.start(contextWith(officer(), q), "Khu phố 9")).say).toEqual(["summary-usage"]);
  });

  it("gives the month in X of N with who is missing, or one unit's figures", async () => {
    const month = expectDone(await summaryFlow.start(contextWith(officer(), q), ""));
    expect(month.say).toEqual(["summary-title", "summary-count", "lines", "summary-missing", "summary-unit-hint"]);
    const one = expectDone(await summaryFlow.start(contextWith(officer(), q), "Nguyễn Trãi 11/2026"));
    expect(one.say).toEqual(["summary-unit-title", "summary-unit-info", "lines"]);
    expect(expectDone(await summaryFlow.start(contextWith(officer(), q), "Chí Linh")).say).toEqual(["summary-unit-title", "summary-unit-info", "summary-unit-missing"]);
    expect(expectDone(await summaryFlow.start(contextWith(officer(), q), "Khu phố Hòa Bình")).say).toEqual(["summary-unknown-unit", "summary-usage"]);
  });
});
