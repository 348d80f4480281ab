import { describe, expect, it } from "vitest";
import { checkHardRules, checkWarnings, COUNT_FIELDS, type ReportValues } from "../../src/domain/report.ts";
import { understandCount } from "../../src/domain/understand/count.ts";
import { fold, isSkip, parseYesNo } from "../../src/domain/text.ts";
import { periodOf, previousPeriod } from "../../src/domain/period.ts";
import type { UnitInfo } from "../../src/domain/units.ts";

const unit: UnitInfo = { id: 1, name: "Khu phố Nguyễn Trãi", households: 150, classification: "priority" };
const clean: UnitInfo = { ...unit, classification: "clean" };
const last: ReportValues = {
  addicts: 10, suspected: 4, newCases: 1, familyRehab: 3, compulsoryReferrals: 0, relapses: 0,
  householdsCommitted: 100, propagandaSessions: 2, incidents: 0, suspectedSpots: 1, notes: null,
};

describe("monthly report hard rules", () => {
  it("refuses new cases, family rehab and relapses above the addicts", () => {
    for (const field of ["newCases", "familyRehab", "relapses"] as const) {
      expect(checkHardRules(field, 6, { addicts: 5 }, unit)).toEqual({ rule: "exceeds-addicts", field, value: 6, addicts: 5 });
      expect(checkHardRules(field, 5, { addicts: 5 }, unit)).toBeUndefined();
    }
  });
  it("refuses more committed households than the unit has", () => {
    expect(checkHardRules("householdsCommitted", 151, {}, unit)?.rule).toBe("exceeds-households");
    expect(checkHardRules("householdsCommitted", 150, {}, unit)).toBeUndefined();
  });
  it("does not bound committed households when the unit's count was never set", () => {
    expect(checkHardRules("householdsCommitted", 40, {}, { ...unit, households: 0 })).toBeUndefined();
  });
  it("asks the fields in the order of DOMAIN.md", () => {
    expect(COUNT_FIELDS[0]).toBe("addicts");
    expect(COUNT_FIELDS.at(-1)).toBe("suspectedSpots");
  });
});

describe("monthly report warnings", () => {
  it("warns when a count moves by more than half against last month", () => {
    expect(checkWarnings("addicts", 16, last, unit)).toEqual([{ rule: "big-change", field: "addicts", previous: 10, value: 16 }]);
    expect(checkWarnings("addicts", 4, last, unit)).toHaveLength(1);
    expect(checkWarnings("addicts", 15, last, unit)).toEqual([]);
    expect(checkWarnings("addicts", 5, last, unit)).toEqual([]);
  });
  it("does not warn without last month's report", () => {
    expect(checkWarnings("addicts", 1000, undefined, unit)).toEqual([]);
  });
  it("warns about new cases in a clean unit", () => {
    expect(checkWarnings("newCases", 1, undefined, clean)).toEqual([{ rule: "new-cases-in-clean-unit", field: "newCases", value: 1 }]);
    expect(checkWarnings("newCases", 0, undefined, clean)).toEqual([]);
  });
});

describe("parsing what people type", () => {
  it("reads counts", () => {
    // Words too now (the corpus in tests/domain/understanding has the rest): "mười" is ten.
    expect(understandCount(" 12 ")).toEqual({ kind: "value", value: 12 });
    expect(understandCount("1.200")).toEqual({ kind: "value", value: 1200 });
    expect(understandCount("0")).toEqual({ kind: "value", value: 0 });
    expect(understandCount("-3")).toEqual({ kind: "refuse", reason: "negative" });
    expect(understandCount("mười")).toEqual({ kind: "value", value: 10 });
    expect(understandCount("2.5")).toEqual({ kind: "refuse", reason: "not-whole" });
    expect(understandCount("99999999999999999999")).toEqual({ kind: "refuse", reason: "too-large" });
    expect(understandCount("100001")).toEqual({ kind: "refuse", reason: "too-large" });
    expect(understandCount("")).toEqual({ kind: "refuse", reason: "not-a-number" });
  });
  it("folds Vietnamese with or without diacritics", () => {
    expect(fold("  Đồng Ý ")).toBe("dong y");
    expect(parseYesNo("Có")).toBe(true);
    expect(parseYesNo("dong y")).toBe(true);
    expect(parseYesNo("KHÔNG")).toBe(false);
    expect(parseYesNo("ko")).toBe(false);
    expect(parseYesNo("maybe")).toBeUndefined();
    expect(isSkip("Bỏ qua")).toBe(true);
    expect(isSkip("-")).toBe(true);
  });
});

describe("periods", () => {
  it("takes the month in the product's time zone", () => {
    // 17:30 UTC on 31 Jan is 00:30 on 1 Feb in Hanoi.
    expect(periodOf(new Date("2026-01-31T17:30:00Z"), "Asia/Ho_Chi_Minh")).toBe("2026-02");
    expect(periodOf(new Date("2026-01-31T16:30:00Z"), "Asia/Ho_Chi_Minh")).toBe("2026-01");
    expect(previousPeriod("2026-01")).toBe("2025-12");
    expect(previousPeriod("2026-11")).toBe("2026-10");
  });
});
