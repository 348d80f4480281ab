import { describe, expect, it } from "vitest";
import type { UnitInfo } from "../../../src/domain/units.ts";
import type { ListedHolder } from "../../../features/people/queries.ts";
import { peopleFlow, removeRoleFlow } from "../../../features/people/people-flow.ts";
import { contextWith, expectDone, headOf, officer } from "../../support/step-kit.ts";

/**
 * `/nguoi` and `/boquyen` answer at once (no steps): what they say and the effect they ask for, for
 * the arguments officers type. The chat suite (tests/flows/roles.test.ts) covers them end to end.
 */

const unit: UnitInfo = { id: 3, name: "Khu phố Nguyễn Trãi", households: 150, classification: "priority" };
const holders: ListedHolder[] = [
  { personId: 11, role: "officer", unitId: null, channels: ["telegram"] },
  { personId: 12, role: "officer", unitId: null, channels: [] },
  { personId: 21, role: "head", unitId: 3, channels: ["zalo", "telegram"] },
  { personId: 22, role: "head", unitId: 3, channels: ["zalo"] },
];
const q = {
  unitByName: async (name: string) => (["nguyen trai", "khu phố nguyễn trãi", "nguyễn trãi"].includes(name.toLowerCase()) ? unit : null),
  holders: async (unitId?: number) => holders.filter((h) => (unitId === undefined ? true : h.unitId === unitId)),
};

describe("/nguoi", () => {
  it("is for officers", async () => {
    expect(expectDone(await peopleFlow.start(contextWith(headOf(3), q), "")).say).toEqual(["not-allowed"]);
  });

  it("numbers the officers without a unit, and a unit's people with one (typed without diacritics)", async () => {
    const officers = await peopleFlow.start(contextWith(officer(), q), "");
    expect(expectDone(officers).say).toEqual(["people-list-officers"]);
    const lines = officers.kind === "done" ? (officers.say![0]!.args!.lines as { args: Record<string, unknown> }[]) : [];
    expect(lines.map((l) => [l.args.n, l.args.id, l.args.channels])).toEqual([[1, 11, "telegram"], [2, 12, "—"]]);

    const inUnit = await peopleFlow.start(contextWith(officer(), q), "  Nguyen Trai ");
    expect(expectDone(inUnit).say).toEqual(["people-list"]);
    const args = inUnit.kind === "done" ? inUnit.say![0]!.args! : {};
    expect(args.unit).toBe("Khu phố Nguyễn Trãi");
    expect((args.lines as { args: Record<string, unknown> }[]).map((l) => [l.args.n, l.args.id, l.args.role, l.args.channels])).toEqual([
      [1, 21, { key: "role-head" }, "zalo, telegram"],
      [2, 22, { key: "role-head" }, "zalo"],
    ]);
  });

  it("says a unit it does not know, and a unit where nobody holds a role", async () => {
    expect(expectDone(await peopleFlow.start(contextWith(officer(), q), "Hòa Bình")).say).toEqual(["people-unit-unknown"]);
    const empty = contextWith(officer(), { ...q, holders: async () => [] });
    expect(expectDone(await peopleFlow.start(empty, "nguyễn trãi")).say).toEqual(["people-none"]);
  });
});

describe("/boquyen", () => {
  it("is for officers, and says how to use it without a number", async () => {
    expect(expectDone(await removeRoleFlow.start(contextWith(headOf(3), q), "1")).say).toEqual(["not-allowed"]);
    for (const typed of ["", "nguyen trai", "nguyen trai 0", "nguyen trai 1.5", "hai"]) {
      expect(expectDone(await removeRoleFlow.start(contextWith(officer(), q), typed)).say).toEqual(["roles-remove-usage"]);
    }
  });

  it("removes the role numbered in /nguoi's list of the same unit, or of the officers", async () => {
    expect(expectDone(await removeRoleFlow.start(contextWith(officer(), q), "Nguyen Trai 2")).effects).toEqual([{ type: "role.remove", personId: 22, role: "head", unitId: 3 }]);
    expect(expectDone(await removeRoleFlow.start(contextWith(officer(), q), "1")).effects).toEqual([{ type: "role.remove", personId: 11, role: "officer", unitId: null }]);
  });

  it("says a number past the list, and a unit it does not know", async () => {
    const past = await removeRoleFlow.start(contextWith(officer(), q), "nguyen trai 3");
    expect(expectDone(past).say).toEqual(["roles-remove-bad-number"]);
    expect(past.kind === "done" && past.say![0]!.args).toEqual({ n: 3, count: 2 });
    expect(expectDone(await removeRoleFlow.start(contextWith(officer(), q), "Hòa Bình 1")).say).toEqual(["people-unit-unknown"]);
  });
});
