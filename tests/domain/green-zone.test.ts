import { describe, expect, it } from "vitest";
import { greenState, greenStreak, isCleanCandidate, monthsBetween, type GreenState } from "../../src/domain/green-zone.ts";

const zero = { addicts: 0, suspected: 0, newCases: 0, relapses: 0, incidents: 0, suspectedSpots: 0 };

describe("the green zone of DOMAIN.md", () => {
  it("is green only for a filed report with nothing in it", () => {
    expect(greenState(zero, "priority")).toBe("green");
    expect(greenState(null, "clean")).toBe("unknown");
    expect(greenState({ ...zero, addicts: 1 }, "has_cases")).toBe("not-green");
    expect(greenState({ ...zero, suspected: 2 }, "clean")).toBe("not-green");
  });

  it("calls a clean unit at risk on a new case, an incident or a suspected spot", () => {
    for (const field of ["newCases", "incidents", "suspectedSpots"] as const) {
      expect(greenState({ ...zero, [field]: 1 }, "clean")).toBe("at-risk");
      expect(greenState({ ...zero, [field]: 1 }, "priority")).toBe("not-green");
    }
  });

  it("counts the streak back to the first month not green, unknown included", () => {
    const states: Record<string, GreenState> = { "2026-11": "green", "2026-10": "green", "2026-09": "unknown", "2026-08": "green" };
    expect(greenStreak("2026-11", (p) => states[p] ?? "unknown")).toBe(2);
    expect(greenStreak("2026-09", (p) => states[p] ?? "unknown")).toBe(0);
    const always = greenStreak("2026-11", () => "green", 14);
    expect(always).toBe(14);
  });

  it("proposes a unit as clean after six green months, unless it is clean already", () => {
    expect(isCleanCandidate(6, "has_cases")).toBe(true);
    expect(isCleanCandidate(5, "priority")).toBe(false);
    expect(isCleanCandidate(9, "clean")).toBe(false);
  });

  it("lists the months of a range across a year", () => {
    expect(monthsBetween("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });
});
