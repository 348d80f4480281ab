import { describe, expect, it } from "vitest";
import type { UnitInfo } from "../../../src/domain/units.ts";
import { readTyped } from "../../../src/engine/typed.ts";
import { broadcastFlow, type BroadcastData } from "../../../features/announcements/broadcast-flow.ts";
import type { AudienceSizes } from "../../../features/announcements/queries.ts";
import { subscribeFlow, unsubscribeFlow } from "../../../features/announcements/subscribe-flow.ts";
import { MAX_BROADCAST_LENGTH } from "../../../src/domain/broadcast.ts";
import { ask, contextWith, expectConversation, expectDone, expectInvalid, expectNext, headOf, keys, officer, personWith, reply, resident, sticker, tap, text } from "../../support/step-kit.ts";

/**
 * The announcements' steps without a server: /thongbao (who, which unit, the text, the summary)
 * and /dangky. The chat suites (tests/flows/broadcast.test.ts, subscribe.test.ts) cover them end to end.
 */

const units: UnitInfo[] = [
  { id: 3, name: "Khu phố Nguyễn Trãi", households: 150, classification: "priority" },
  { id: 4, name: "Khu phố Chí Linh", households: 80, classification: "clean" },
];
const refs = units.map(({ id, name }) => ({ id, name }));
const sizes: AudienceSizes = {
  heads: { all: 2, byUnit: { "3": 1, "4": 1 } },
  mentors: { all: 1, byUnit: { "3": 1, "4": 0 } },
  residents: { all: 5, byUnit: { "3": 3, "4": 0 } },
};
const start: BroadcastData = { units: refs, sizes };

describe("/thongbao", () => {
  it("is for officers, and reads the units and how many each audience reaches", async () => {
    expect(expectDone(await broadcastFlow.start(contextWith(headOf(3), {}), "")).say).toEqual(["not-allowed"]);
    const ctx = contextWith(officer(), { units: async () => units, audienceSizes: async () => sizes });
    const { data } = expectConversation(broadcastFlow, await broadcastFlow.start(ctx, ""), "audience");
    expect(data).toEqual(start);
    const q = ask(broadcastFlow, "audience", data);
    expect(q.pick).toBe(true);
    expect(q.choices?.map((c) => c.value)).toEqual(["heads", "mentors", "residents"]);
  });

  it("takes the audience tapped or typed, in Vietnamese with or without diacritics, or in English", () => {
    const cases: [string, string][] = [["trưởng khu phố", "heads"], ["truong", "heads"], ["Người giúp đỡ", "mentors"], ["nguoi dan", "residents"], ["residents.", "residents"]];
    for (const [typed, audience] of cases) expect(expectNext(broadcastFlow, reply(broadcastFlow, "audience", text(typed), start), "unit").audience).toBe(audience);
    expect(expectNext(broadcastFlow, reply(broadcastFlow, "audience", tap("mentors"), start), "unit")).toEqual({ ...start, audience: "mentors" });
    expect(expectInvalid(reply(broadcastFlow, "audience", text("tất cả mọi người"), start))).toEqual(["broadcast-bad-audience"]);
    expect(expectInvalid(reply(broadcastFlow, "audience", sticker, start))).toEqual(["broadcast-bad-audience"]);
  });

  it("reads the audience's number or another way of saying it as the tap (as the engine reads a typed answer)", () => {
    const q = ask(broadcastFlow, "audience", start);
    expect(readTyped(text("3"), q)).toEqual({ kind: "content", content: tap("residents") });
    expect(readTyped(text("bà con"), q)).toEqual({ kind: "content", content: tap("residents") });
    expect(readTyped(text("to truong"), q)).toEqual({ kind: "content", content: tap("heads") });
  });

  it("asks which unit, and stops at once when nobody there would read it", () => {
    const toResidents = { ...start, audience: "residents" as const };
    expect(ask(broadcastFlow, "unit", toResidents).choices?.map((c) => c.value)).toEqual(["unit:3", "unit:4", "all"]);
    expect(expectNext(broadcastFlow, reply(broadcastFlow, "unit", tap("unit:3"), toResidents), "text").unitId).toBe(3);
    expect(expectNext(broadcastFlow, reply(broadcastFlow, "unit", text("tat ca"), toResidents), "text").unitId).toBeNull();
    expect(expectNext(broadcastFlow, reply(broadcastFlow, "unit", text("nguyen trai"), toResidents), "text").unitId).toBe(3);
    const nobody = expectDone(reply(broadcastFlow, "unit", text("Chí Linh"), toResidents));
    expect(nobody).toEqual({ say: ["broadcast-nobody"], effects: [] });
    expect(expectInvalid(reply(broadcastFlow, "unit", text("Hòa Bình"), toResidents))).toEqual(["unit-unknown"]);
    expect(expectInvalid(reply(broadcastFlow, "unit", sticker, toResidents))).toEqual(["unit-expected"]);
  });

  it("takes the text, trimmed, up to its length", () => {
    const d: BroadcastData = { ...start, audience: "heads", unitId: null };
    expect(ask(broadcastFlow, "text", d).say).toEqual([{ key: "broadcast-ask-text", args: { max: MAX_BROADCAST_LENGTH } }]);
    expect(expectNext(broadcastFlow, reply(broadcastFlow, "text", text("  Họp tổ dân phố tối thứ Bảy. "), d), "confirm").text).toBe("Họp tổ dân phố tối thứ Bảy.");
    expect(expectInvalid(reply(broadcastFlow, "text", text("x".repeat(MAX_BROADCAST_LENGTH + 1)), d))).toEqual(["err-too-long"]);
    expect(expectInvalid(reply(broadcastFlow, "text", sticker, d))).toEqual(["expect-text-not-media"]);
  });

  it("shows how many it reaches and the text, sends on 'có', and sends nothing on 'không'", () => {
    const d: BroadcastData = { ...start, audience: "residents", unitId: 3, text: "Họp tổ dân phố tối thứ Bảy." };
    const q = ask(broadcastFlow, "confirm", d);
    expect(keys(q.say)).toEqual(["broadcast-summary", "broadcast-message", "broadcast-confirm"]);
    expect(q.say[0]!.args).toEqual({ count: 3, audience: { key: "audience-residents" }, unit: "Khu phố Nguyễn Trãi" });
    expect(ask(broadcastFlow, "confirm", { ...d, unitId: null }).say[0]!.args).toEqual({ count: 5, audience: { key: "audience-residents" }, unit: { key: "audience-all-units" } });
    for (const yes of [text("có"), text("co"), tap("yes")]) {
      expect(expectDone(reply(broadcastFlow, "confirm", yes, d)).effects).toEqual([{ type: "broadcast.send", audience: "residents", unitId: 3, text: d.text }]);
    }
    expect(expectDone(reply(broadcastFlow, "confirm", text("không gửi"), d))).toEqual({ say: ["broadcast-not-sent"], effects: [] });
    expect(expectInvalid(reply(broadcastFlow, "confirm", text("gửi lúc 8 giờ"), d))).toEqual(["err-yes-no"]);
  });
});

describe("/dangky and /huydangky", () => {
  const q = {
    units: async () => units,
    unitByName: async (name: string) => units.find((u) => u.name.toLowerCase().endsWith(name.trim().toLowerCase())) ?? null,
  };

  it("tells people with a role they need not subscribe", async () => {
    expect(expectDone(await subscribeFlow.start(contextWith(headOf(3), q), "")).say).toEqual(["subscribe-not-needed"]);
    expect(expectDone(await unsubscribeFlow.start(contextWith(personWith([{ role: "mentor", unitId: 3 }]), q), "")).say).toEqual(["unsubscribe-not-needed"]);
    expect(expectDone(await unsubscribeFlow.start(contextWith(resident(), {}), "")).effects).toEqual([{ type: "subscription.clear" }]);
  });

  it("subscribes at once to the unit typed after the command, or to every unit", async () => {
    expect(expectDone(await subscribeFlow.start(contextWith(resident(), q), "Chí Linh")).effects).toEqual([{ type: "subscription.set", unitId: 4 }]);
    expect(expectDone(await subscribeFlow.start(contextWith(resident(), q), "tất cả")).effects).toEqual([{ type: "subscription.set", unitId: null }]);
    // No unit to choose from: every unit is the only choice.
    expect(expectDone(await subscribeFlow.start(contextWith(resident(), { units: async () => [] }), "")).effects).toEqual([{ type: "subscription.set", unitId: null }]);
  });

  it("asks which unit, with a button each, when none or an unknown one was typed", async () => {
    const { data, say } = expectConversation(subscribeFlow, await subscribeFlow.start(contextWith(resident(), q), ""), "unit");
    expect(say).toEqual([]);
    expect(data).toEqual({ units: refs });
    const question = ask(subscribeFlow, "unit", data);
    expect(keys(question.say)).toEqual(["subscribe-ask-unit-buttons"]);
    expect(question.choices?.map((c) => c.value)).toEqual(["unit:3", "unit:4", "all"]);
    const unknown = expectConversation(subscribeFlow, await subscribeFlow.start(contextWith(resident(), q), "Hòa Bình"), "unit");
    expect(unknown.say).toEqual(["unit-unknown"]);
  });

  it("offers every unit however many there are: the channel renders what does not fit", () => {
    const many = { units: Array.from({ length: 8 }, (_, i) => ({ id: i + 1, name: `Tổ ${i + 1}` })) };
    const question = ask(subscribeFlow, "unit", many);
    expect(keys(question.say)).toEqual(["subscribe-ask-unit-buttons"]);
    expect(question.choices?.map((c) => c.value)).toEqual([...many.units.map((u) => `unit:${u.id}`), "all"]);
  });

  it("subscribes to the unit tapped or typed, and says what to do otherwise", () => {
    const d = { units: refs };
    expect(expectDone(reply(subscribeFlow, "unit", tap("unit:3"), d)).effects).toEqual([{ type: "subscription.set", unitId: 3 }]);
    expect(expectDone(reply(subscribeFlow, "unit", text("chi linh"), d)).effects).toEqual([{ type: "subscription.set", unitId: 4 }]);
    expect(expectDone(reply(subscribeFlow, "unit", tap("all"), d)).effects).toEqual([{ type: "subscription.set", unitId: null }]);
    expect(expectInvalid(reply(subscribeFlow, "unit", text("Hòa Bình"), d))).toEqual(["unit-unknown"]);
    expect(expectInvalid(reply(subscribeFlow, "unit", sticker, d))).toEqual(["unit-expected"]);
  });
});
