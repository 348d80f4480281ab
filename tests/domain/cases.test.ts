import { describe, expect, it } from "vitest";
import { canCheckIn, canManageCases, canSeeCaseNames } from "../../src/domain/access.ts";
import {
  CaseCode,
  checkinAlerts,
  inCaseWindow,
  isDueInWeek,
  normalizeCaseCode,
  parseDateText,
  statesFor,
  statusAt,
  weekOfDate,
  weeksOfMonth,
  type WeekCheckins,
} from "../../src/domain/cases.ts";
import { weekOf } from "../../src/domain/time.ts";

const TZ = "Asia/Ho_Chi_Minh";

describe("the check-in week", () => {
  it("is the Monday of the week in Hà Nội time: Sunday 23:59 and Monday 00:00 fall in different weeks", () => {
    expect(weekOf(new Date("2026-11-29T16:59:59Z"), TZ)).toBe("2026-11-23"); // Sunday 23:59:59
    expect(weekOf(new Date("2026-11-29T17:00:00Z"), TZ)).toBe("2026-11-30"); // Monday 00:00
    // UTC would say otherwise: it is still Sunday there.
    expect(weekOf(new Date("2026-11-29T17:00:00Z"), "UTC")).toBe("2026-11-23");
    // Across a year end.
    expect(weekOf(new Date("2027-01-01T03:00:00Z"), TZ)).toBe("2026-12-28");
  });

  it("of a calendar date is its Monday", () => {
    expect(weekOfDate("2026-11-23")).toBe("2026-11-23");
    expect(weekOfDate("2026-11-29")).toBe("2026-11-23");
    expect(weekOfDate("2026-11-30")).toBe("2026-11-30");
    expect(weekOfDate("2027-01-03")).toBe("2026-12-28");
    expect(weekOfDate("2024-03-03")).toBe("2024-02-26");
  });

  it("belongs to the month of its Monday", () => {
    expect(weeksOfMonth("2025-01")).toEqual(["2025-01-06", "2025-01-13", "2025-01-20", "2025-01-27"]);
    expect(weeksOfMonth("2026-06")).toEqual(["2026-06-01", "2026-06-08", "2026-06-15", "2026-06-22", "2026-06-29"]);
    expect(weeksOfMonth("2024-02")).toEqual(["2024-02-05", "2024-02-12", "2024-02-19", "2024-02-26"]);
  });
});

describe("a case's due weeks", () => {
  const c = { status: "active", startDate: "2026-11-25", endDate: "2026-12-06" };
  it("run from the week of its start to the week of its planned end, both included", () => {
    expect(isDueInWeek(c, "2026-11-16")).toBe(false);
    expect(isDueInWeek(c, "2026-11-23")).toBe(true); // opened on the Wednesday
    expect(isDueInWeek(c, "2026-11-30")).toBe(true); // ends on the Sunday
    expect(isDueInWeek(c, "2026-12-07")).toBe(false);
    expect(isDueInWeek({ ...c, endDate: null }, "2030-01-07")).toBe(true);
  });
  it("are none once the case is no longer active", () => {
    for (const status of ["completed", "relapsed", "compulsory"]) expect(isDueInWeek({ ...c, status }, "2026-11-30")).toBe(false);
    expect(inCaseWindow(c, "2026-11-30")).toBe(true);
  });
  it("use the status the case had at the time", () => {
    const changes = [
      { fromStatus: "active", toStatus: "relapsed", at: new Date("2026-11-25T00:00:00Z") },
      { fromStatus: "relapsed", toStatus: "active", at: new Date("2026-12-10T00:00:00Z") },
    ];
    expect(statusAt("active", changes, new Date("2026-11-20T00:00:00Z"))).toBe("active");
    expect(statusAt("active", changes, new Date("2026-12-01T00:00:00Z"))).toBe("relapsed");
    expect(statusAt("active", changes, new Date("2026-12-11T00:00:00Z"))).toBe("active");
    expect(statusAt("completed", [], new Date("2026-12-11T00:00:00Z"))).toBe("completed");
  });
});

describe("codes, dates and states", () => {
  it("reads a code in any case, with or without diacritics, and never takes a name for one", () => {
    expect(normalizeCaseCode(" nt-01 ")).toBe("NT-01");
    expect(CaseCode.parse("đt-2026-1")).toBe("DT-2026-1");
    for (const bad of ["", "NT 01", "-NT1", "NT1-", "Nguyễn Văn An", "NguyenVanAn", "A".repeat(20) + "1", "NT_01"]) {
      expect(CaseCode.safeParse(bad).success).toBe(false);
    }
  });
  it("reads dates as Vietnamese write them, or ISO, and refuses days that do not exist", () => {
    expect(parseDateText("25/11/2026")).toBe("2026-11-25");
    expect(parseDateText("1/2/2027")).toBe("2027-02-01");
    expect(parseDateText("01.02.2027")).toBe("2027-02-01");
    expect(parseDateText("2027-02-01")).toBe("2027-02-01");
    expect(parseDateText("29/02/2028")).toBe("2028-02-29");
    for (const bad of ["29/02/2027", "31/04/2026", "2026-13-01", "mai", "11/2026", ""]) expect(parseDateText(bad)).toBeUndefined();
  });
  it("offers fewer states when the person was not reached", () => {
    expect(statesFor(true)).toEqual(["stable", "worrying", "suspected_relapse"]);
    expect(statesFor(false)).toEqual(["unreachable", "suspected_relapse"]);
  });
});

describe("alerts of a check-in", () => {
  const reached: WeekCheckins = { contacted: true, state: "stable", mentorId: 1 };
  const missed: WeekCheckins = { contacted: false, state: "unreachable", mentorId: 1 };
  const base = { own: null, before: [], after: [missed], previous: [missed] };

  it("tell of a suspected relapse once per mentor and week", () => {
    const entry = { contacted: true, state: "suspected_relapse" as const };
    expect(checkinAlerts({ ...base, entry, after: [{ ...reached, state: "suspected_relapse" }] })).toEqual([{ kind: "suspected-relapse" }]);
    expect(checkinAlerts({ ...base, entry, own: { ...reached, state: "suspected_relapse" }, after: [reached] })).toEqual([]);
  });
  it("tell of a person nobody reached two weeks in a row, once", () => {
    const entry = { contacted: false, state: "unreachable" as const };
    expect(checkinAlerts({ ...base, entry })).toEqual([{ kind: "unreached-twice" }]);
    // Already so before this check-in (another mentor said so first): not again.
    expect(checkinAlerts({ ...base, entry, before: [{ ...missed, mentorId: 2 }], after: [{ ...missed, mentorId: 2 }, missed] })).toEqual([]);
    // Someone reached the person this week, or last week, or nobody checked in last week.
    expect(checkinAlerts({ ...base, entry, after: [missed, { ...reached, mentorId: 2 }] })).toEqual([]);
    expect(checkinAlerts({ ...base, entry, previous: [missed, { ...reached, mentorId: 2 }] })).toEqual([]);
    expect(checkinAlerts({ ...base, entry, previous: [] })).toEqual([]);
    // Unreached and a relapse heard of: both.
    expect(checkinAlerts({ ...base, entry: { contacted: false, state: "suspected_relapse" } }).map((a) => a.kind)).toEqual(["suspected-relapse", "unreached-twice"]);
  });
});

describe("access to cases", () => {
  it("lets only a case's mentor check in, and only officers manage cases and see names", () => {
    const as = (role: "head" | "officer" | "mentor" | null) => ({ grants: role ? [{ role, unitId: role === "officer" ? null : 1 }] : [] });
    expect(canCheckIn(as("mentor"), true)).toBe(true);
    expect(canCheckIn(as("mentor"), false)).toBe(false);
    for (const role of ["head", "officer", null] as const) {
      expect(canCheckIn(as(role), true)).toBe(false);
      expect(canSeeCaseNames(as(role))).toBe(role === "officer");
      expect(canManageCases(as(role))).toBe(role === "officer");
    }
    expect(canSeeCaseNames(as("mentor"))).toBe(false);
    // Roles add up: a head who also mentors the case checks it in.
    expect(canCheckIn({ grants: [{ role: "head", unitId: 1 }, { role: "mentor", unitId: 1 }] }, true)).toBe(true);
  });
});
