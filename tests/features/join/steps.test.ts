import { describe, expect, it } from "vitest";
import type { UnitInfo } from "../../../src/domain/units.ts";
import type { JoinPreview } from "../../../features/join/queries.ts";
import { inviteFlow } from "../../../features/join/invite-flow.ts";
import { joinFlow } from "../../../features/join/join-flow.ts";
import { contextWith, expectDone, headOf, officer, resident } from "../../support/step-kit.ts";

/**
 * `/join` and `/moi` answer at once (no steps): what they say and the effect they ask for. The
 * chat suites (tests/flows/join.test.ts, officer.test.ts) cover them end to end.
 */

const unit: UnitInfo = { id: 3, name: "Khu phố Nguyễn Trãi", households: 150, classification: "priority" };

describe("/join", () => {
  const previewing = (preview: JoinPreview | null) => ({ joinPreview: async () => preview });

  it("says how to use it without a code", async () => {
    expect(expectDone(await joinFlow.start(contextWith(resident(), {}), "  ")).say).toEqual(["join-usage"]);
  });

  it("redeems a code that asks nothing, and leaves a wrong one to the effect (which counts the guess)", async () => {
    for (const preview of [{ kind: "plain" } as const, null]) {
      expect(expectDone(await joinFlow.start(contextWith(resident(), previewing(preview)), "ABC123")).effects).toEqual([{ type: "invite.redeem", code: "ABC123", confirmed: false }]);
    }
  });

  it("keeps a code whose role is held already", async () => {
    const held = await joinFlow.start(contextWith(headOf(3), previewing({ kind: "held", role: "head", unit: unit.name })), "ABC123");
    expect(expectDone(held)).toEqual({ say: ["join-already-head"], effects: [] });
  });

  it("asks first when a head invite changes who reports, with yes/no buttons that carry the answer", async () => {
    const confirm: JoinPreview = { kind: "confirm", unit: unit.name, reporters: 1, ownUnits: ["Khu phố Chí Linh"] };
    const asked = await joinFlow.start(contextWith(headOf(4), previewing(confirm)), "ABC123");
    expect(expectDone(asked)).toEqual({ say: ["join-confirm-head"], effects: [] });
    expect(asked.kind === "done" && asked.choices?.map((c) => c.value)).toEqual(["/join ABC123 co", "/join ABC123 khong"]);
    for (const yes of ["ABC123 có", "ABC123 co", "ABC123 đồng ý", "ABC123 ok"]) {
      expect(expectDone(await joinFlow.start(contextWith(headOf(4), previewing(confirm)), yes)).effects).toEqual([{ type: "invite.redeem", code: "ABC123", confirmed: true }]);
    }
    for (const no of ["ABC123 không", "ABC123 khong", "ABC123 no"]) {
      expect(expectDone(await joinFlow.start(contextWith(headOf(4), {}), no))).toEqual({ say: ["join-confirm-no"], effects: [] });
    }
    // An answer it does not know is no answer: it asks again.
    expect(expectDone(await joinFlow.start(contextWith(headOf(4), previewing(confirm)), "ABC123 chắc vậy")).say).toEqual(["join-confirm-head"]);
  });
});

describe("/moi", () => {
  const q = {
    unitByName: async (name: string) => (name.toLowerCase() === "nguyen trai" || name === unit.name ? unit : null),
    units: async () => [unit],
  };

  it("is for officers, and says how to use it", async () => {
    expect(expectDone(await inviteFlow.start(contextWith(headOf(3), q), "truong nguyen trai")).say).toEqual(["not-allowed"]);
    for (const typed of ["", "trưởng", "bác sĩ Nguyen Trai"]) expect(expectDone(await inviteFlow.start(contextWith(officer(), q), typed)).say).toEqual(["invite-usage"]);
  });

  it("reads the role in one or two words, with or without diacritics, and the unit after it", async () => {
    const effect = (role: string, unitId: number | null) => [{ type: "invite.create", role, unitId }];
    expect(expectDone(await inviteFlow.start(contextWith(officer(), q), "trưởng Nguyen Trai")).effects).toEqual(effect("head", 3));
    expect(expectDone(await inviteFlow.start(contextWith(officer(), q), "head Khu phố Nguyễn Trãi")).effects).toEqual(effect("head", 3));
    expect(expectDone(await inviteFlow.start(contextWith(officer(), q), "giúp đỡ")).effects).toEqual(effect("mentor", null));
    expect(expectDone(await inviteFlow.start(contextWith(officer(), q), "giup do nguyen trai")).effects).toEqual(effect("mentor", 3));
    expect(expectDone(await inviteFlow.start(contextWith(officer(), q), "công an")).effects).toEqual(effect("officer", null));
    // An officer belongs to no unit: a unit typed after it is left out.
    expect(expectDone(await inviteFlow.start(contextWith(officer(), q), "can bo nguyen trai")).effects).toEqual(effect("officer", null));
  });

  it("names the units when the one typed does not exist", async () => {
    const unknown = await inviteFlow.start(contextWith(officer(), q), "trưởng Hòa Bình");
    expect(expectDone(unknown).say).toEqual(["invite-unknown-unit"]);
    expect(unknown.kind === "done" && unknown.say![0]!.args).toEqual({ unit: "Hòa Bình", units: "Khu phố Nguyễn Trãi" });
  });
});
