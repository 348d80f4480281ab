import { describe, expect, it } from "vitest";
import type { ClassChange, UnitInfo } from "../../../src/domain/units.ts";
import { ALL_UNITS, isAllUnits, unitAnswer, unitChoices, unknownUnitMsg } from "../../../features/units/choose-unit.ts";
import { unitAdminFlow, type UnitAdminData } from "../../../features/units/unit-admin-flow.ts";
import { ask, contextWith, expectConversation, expectDone, expectInvalid, expectNext, headOf, keys, officer, reply, sticker, tap, text } from "../../support/step-kit.ts";

/**
 * `/donvi`'s steps and the unit question shared by /dangky and /thongbao, without a server. The
 * chat suite (tests/flows/officer-units.test.ts) covers the same end to end.
 */

const unit: UnitInfo = { id: 3, name: "Khu phố Nguyễn Trãi", households: 150, classification: "priority" };
const units: UnitInfo[] = [unit, { id: 4, name: "Khu phố Chí Linh", households: 80, classification: "clean" }, { id: 5, name: "Thôn Đông", households: 40, classification: "has_cases" }];
const history: ClassChange[] = [{ fromClass: "has_cases", toClass: "priority", period: "2026-09" }];

const q = {
  units: async () => units,
  unitByName: async (name: string, options?: { retired?: boolean }) => [...units, { id: 9, name: "Khu phố Cũ", households: 0, classification: "clean" as const, retiredPeriod: "2026-06" }].find((u) => u.name.toLowerCase() === name.trim().toLowerCase() && (options?.retired || u.id !== 9)) ?? null,
  classChanges: async (unitId: number) => (unitId === 3 ? history : []),
};

const data: UnitAdminData = { unit: { id: 3, name: "Khu phố Nguyễn Trãi", households: 150, classification: "priority" }, period: "2026-11" };

describe("/donvi: the start", () => {
  it("is for officers", async () => {
    expect(expectDone(await unitAdminFlow.start(contextWith(headOf(3), q), "Khu phố Nguyễn Trãi")).say).toEqual(["not-allowed"]);
  });

  it("counts the units by class without a name, and says a name it does not know", async () => {
    const overview = await unitAdminFlow.start(contextWith(officer(), q), " ");
    expect(expectDone(overview).say).toEqual(["units-overview", "units-usage"]);
    expect(overview.kind === "done" && overview.say![0]!.args).toEqual({ total: 3, priority: 1, hasCases: 1, clean: 1 });
    expect(expectDone(await unitAdminFlow.start(contextWith(officer(), q), "Khu phố Hòa Bình")).say).toEqual(["units-unknown", "units-usage"]);
  });

  it("shows the unit's card with its class history, and asks what to change from this month", async () => {
    const started = await unitAdminFlow.start(contextWith(officer(), q), "khu phố nguyễn trãi");
    const { data: d, say } = expectConversation(unitAdminFlow, started, "action");
    expect(say).toEqual(["unit-card", "lines"]);
    expect(d).toEqual(data);
    const question = ask(unitAdminFlow, "action", d);
    expect(keys(question.say)).toEqual(["unit-ask-action"]);
    expect(question.choices?.map((c) => c.value)).toEqual(["rename", "households", "class", "retire"]);
  });

  it("only shows a retired unit: it is history", async () => {
    expect(expectDone(await unitAdminFlow.start(contextWith(officer(), q), "Khu phố Cũ")).say).toEqual(["unit-card", "unit-card-retired"]);
  });
});

describe("/donvi: the steps", () => {
  it("reads the action tapped, or typed in Vietnamese with or without diacritics, or in English", () => {
    const cases: [string, string][] = [["rename", "rename"], ["đổi tên", "rename"], ["Doi ten", "rename"], ["số hộ", "households"], ["phân loại", "class"], ["reclassify", "class"], ["ngừng theo dõi", "retire"], ["sáp nhập.", "retire"]];
    for (const [typed, step] of cases) expect(expectNext(unitAdminFlow, reply(unitAdminFlow, "action", text(typed), data), step)).toEqual(data);
    expect(expectNext(unitAdminFlow, reply(unitAdminFlow, "action", tap("class"), data), "class")).toEqual(data);
    expect(expectInvalid(reply(unitAdminFlow, "action", text("xóa"), data))).toEqual(["unit-action-expected"]);
    expect(expectInvalid(reply(unitAdminFlow, "action", sticker, data))).toEqual(["unit-action-expected"]);
  });

  it("renames to a new name, tidied, and refuses the same name, an empty one or a long one", () => {
    expect(expectDone(reply(unitAdminFlow, "rename", text("  Khu phố   Lê Lợi "), data)).effects).toEqual([{ type: "unit.rename", unitId: 3, name: "Khu phố Lê Lợi" }]);
    expect(expectInvalid(reply(unitAdminFlow, "rename", text("Khu phố Nguyễn Trãi"), data))).toEqual(["unit-name-same"]);
    expect(expectInvalid(reply(unitAdminFlow, "rename", text("   "), data))).toEqual(["expect-text"]);
    expect(expectInvalid(reply(unitAdminFlow, "rename", text("x".repeat(81)), data))).toEqual(["err-too-long"]);
    expect(expectInvalid(reply(unitAdminFlow, "rename", sticker, data))).toEqual(["expect-text-not-media"]);
  });

  it("sets the households as a count, typed in digits or words, within 0 to 100,000", () => {
    expect(ask(unitAdminFlow, "households", data).say).toEqual([{ key: "unit-ask-households", args: { unit: "Khu phố Nguyễn Trãi", households: 150 } }]);
    expect(expectDone(reply(unitAdminFlow, "households", text("160 hộ"), data)).effects).toEqual([{ type: "unit.households", unitId: 3, households: 160 }]);
    expect(expectDone(reply(unitAdminFlow, "households", text("hai trăm"), data)).effects).toEqual([{ type: "unit.households", unitId: 3, households: 200 }]);
    expect(expectInvalid(reply(unitAdminFlow, "households", text("nhiều"), data))).toEqual(["err-count-vague"]);
    expect(expectInvalid(reply(unitAdminFlow, "households", text("-5"), data))).toEqual(["err-count-negative"]);
  });

  it("reclassifies from this month, the class tapped or typed without diacritics", () => {
    expect(ask(unitAdminFlow, "class", data).choices?.map((c) => c.value)).toEqual(["priority", "has_cases", "clean"]);
    const effect = (cls: string) => [{ type: "unit.reclassify", unitId: 3, classification: cls, period: "2026-11" }];
    expect(expectDone(reply(unitAdminFlow, "class", tap("clean"), data)).effects).toEqual(effect("clean"));
    expect(expectDone(reply(unitAdminFlow, "class", text("chua co nguoi nghien"), data)).effects).toEqual(effect("clean"));
    expect(expectDone(reply(unitAdminFlow, "class", text("Đã có người nghiện"), data)).effects).toEqual(effect("has_cases"));
    expect(expectInvalid(reply(unitAdminFlow, "class", text("tốt"), data))).toEqual(["unit-class-expected"]);
  });

  it("retires from this month on 'có', and changes nothing on 'không'", () => {
    expect(expectDone(reply(unitAdminFlow, "retire", text("có"), data)).effects).toEqual([{ type: "unit.retire", unitId: 3, period: "2026-11" }]);
    const kept = expectDone(reply(unitAdminFlow, "retire", text("thôi"), data));
    expect(kept).toEqual({ say: ["unit-retire-kept"], effects: [] });
    expect(expectInvalid(reply(unitAdminFlow, "retire", text("để sau nhé bạn"), data))).toEqual(["err-yes-no"]);
  });
});

describe("the unit question of /dangky and /thongbao", () => {
  const refs = units.map(({ id, name }) => ({ id, name }));

  it("offers a choice per unit however many there are (the channel renders the overflow), and one for every unit", () => {
    expect(unitChoices(refs, { key: "btn-all" }).map((c) => c.value)).toEqual(["unit:3", "unit:4", "unit:5", ALL_UNITS]);
    const many = Array.from({ length: 30 }, (_, i) => ({ id: i + 1, name: `Tổ ${i + 1}` }));
    expect(unitChoices(many, { key: "btn-all" })).toHaveLength(31);
  });

  it("reads a tap, a name typed with or without diacritics or its prefix, and 'tất cả'", () => {
    expect(unitAnswer(tap("unit:4"), refs)).toEqual({ ok: true, unit: refs[1] });
    expect(unitAnswer(tap(ALL_UNITS), refs)).toEqual({ ok: true, unit: null });
    expect(unitAnswer(text("chi linh"), refs)).toEqual({ ok: true, unit: refs[1] });
    expect(unitAnswer(text("Thôn Đông"), refs)).toEqual({ ok: true, unit: refs[2] });
    expect(unitAnswer(text("Nguyen Tria"), refs)).toEqual({ ok: true, unit: refs[0] });
    for (const all of ["tất cả", "tat ca khu pho", "Toàn bộ.", "all"]) expect(isAllUnits(all)).toBe(true);
    expect(unitAnswer(text("Tất cả"), refs)).toEqual({ ok: true, unit: null });
  });

  it("says which names there are for one it does not know, and asks to tap for anything else", () => {
    expect(unitAnswer(text("Hòa Bình"), refs)).toEqual({ ok: false, reason: "unknown", typed: "Hòa Bình" });
    expect(unknownUnitMsg("Hòa Bình", refs)).toEqual({ key: "unit-unknown", args: { unit: "Hòa Bình", units: "Khu phố Nguyễn Trãi, Khu phố Chí Linh, Thôn Đông" } });
    expect(unitAnswer(tap("unit:99"), refs)).toEqual({ ok: false, reason: "not-text" });
    expect(unitAnswer(sticker, refs)).toEqual({ ok: false, reason: "not-text" });
    expect(unitAnswer(text("  "), refs)).toEqual({ ok: false, reason: "not-text" });
  });
});
