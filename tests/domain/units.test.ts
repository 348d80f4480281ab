import { describe, expect, it } from "vitest";
import { activeIn, classIn, matchUnit, readClassification } from "../../src/domain/units.ts";

describe("a unit over time", () => {
  const changes = [
    { fromClass: "priority", toClass: "has_cases", period: "2026-03" },
    { fromClass: "has_cases", toClass: "clean", period: "2026-09" },
  ] as const;

  it("had, in each month, the class of its last change up to that month", () => {
    expect(classIn("clean", [...changes], "2026-01")).toBe("priority");
    expect(classIn("clean", [...changes], "2026-03")).toBe("has_cases");
    expect(classIn("clean", [...changes], "2026-08")).toBe("has_cases");
    expect(classIn("clean", [...changes].reverse(), "2026-11")).toBe("clean");
    expect(classIn("has_cases", [], "2020-01")).toBe("has_cases");
  });

  it("belongs to the months before it was retired", () => {
    expect(activeIn({ retiredPeriod: "2026-11" }, "2026-10")).toBe(true);
    expect(activeIn({ retiredPeriod: "2026-11" }, "2026-11")).toBe(false);
    expect(activeIn({}, "2030-01")).toBe(true);
  });

  it("reads the class as committees write it", () => {
    expect(readClassification("Trọng điểm")).toBe("priority");
    expect(readClassification("trong diem, phuc tap")).toBe("priority");
    expect(readClassification("Đã có người nghiện")).toBe("has_cases");
    expect(readClassification("có người nghiện")).toBe("has_cases");
    expect(readClassification("CHƯA CÓ")).toBe("clean");
    expect(readClassification("sạch")).toBe("clean");
    expect(readClassification("has_cases")).toBe("has_cases");
    expect(readClassification("xanh")).toBeUndefined();
  });
});

describe("a unit named as officers type it", () => {
  const units = [{ name: "Khu phố Lê Lai" }, { name: "Khu phố Nguyễn Trãi" }, { name: "Thôn Lê Lợi" }];
  it.each([
    ["Le Lai.", "Khu phố Lê Lai"],
    ["lê lai!", "Khu phố Lê Lai"],
    ["KP Le Lai", "Khu phố Lê Lai"],
    ["nguyen tria", "Khu phố Nguyễn Trãi"],
    ["Thôn Lê Lợi", "Thôn Lê Lợi"],
  ])("%s → %s", (typed, name) => expect(matchUnit(units, typed)?.name).toBe(name));
  it("finds none rather than guessing between two", () => expect(matchUnit(units, "Le L")).toBeNull());
});
