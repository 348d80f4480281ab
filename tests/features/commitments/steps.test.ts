import { describe, expect, it } from "vitest";
import { commitmentsFlow, CommitmentData, type CommitmentData as Data } from "../../../features/commitments/commitments-flow.ts";
import { householdNo } from "../../../features/commitments/household-no.ts";
import type { InboundContent } from "../../../src/engine/types.ts";

const steps = commitmentsFlow.steps;
const text = (t: string): InboundContent => ({ kind: "text", text: t });
const tap = (value: string): InboundContent => ({ kind: "choice", value });

const A = { id: 1, name: "Khu phố Nguyễn Trãi", households: 150, total: 140 };
const B = { id: 2, name: "Khu phố Lê Lợi", households: 80, total: 80 };
const base: Data = { today: "2026-11-21", units: [A], unitId: 1 };

describe("the commitments flow's steps", () => {
  it("takes a count as typed, in digits or words, and refuses zero with what to type", () => {
    expect(steps.count!.reply(text("3"), base)).toMatchObject({ kind: "next", step: "date", data: { count: 3 } });
    expect(steps.count!.reply(text("mười"), base)).toMatchObject({ kind: "next", step: "date", data: { count: 10 } });
    expect(steps.count!.reply(text("0"), base)).toEqual({ kind: "invalid", say: [{ key: "camket-count-zero" }] });
    expect(steps.count!.reply(text("vài hộ"), base)).toMatchObject({ kind: "invalid" });
  });

  it("refuses more than the unit's households, saying its household count and what is left", () => {
    expect(steps.count!.reply(text("11"), base)).toEqual({
      kind: "invalid",
      say: [{ key: "camket-over-cap", args: { unit: A.name, households: 150, total: 140, room: 10 } }],
    });
    // A unit whose household count is not set (0) has no cap.
    const open = { ...base, units: [{ ...A, households: 0 }] };
    expect(steps.count!.reply(text("500"), open)).toMatchObject({ kind: "next", step: "date", data: { count: 500 } });
  });

  it("asks before taking a hedged count, and the cap still holds after the yes", () => {
    const t = steps.count!.reply(text("hơn 12"), base);
    expect(t).toMatchObject({ kind: "next", step: "check", data: { asking: 12 } });
    const asking = (t as { data: Data }).data;
    expect(steps.check!.reply(tap("yes"), asking)).toMatchObject({ kind: "invalid", say: [{ key: "camket-over-cap" }] });
    expect(steps.check!.reply(tap("no"), asking)).toMatchObject({ kind: "next", step: "count" });
    expect(steps.check!.reply(text("4"), asking)).toMatchObject({ kind: "next", step: "date", data: { count: 4 } });
  });

  it("reads the day from the buttons and as typed, refusing days to come and words it cannot read", () => {
    const d = { ...base, count: 3 };
    expect(steps.date!.reply(tap("today"), d)).toMatchObject({ kind: "next", step: "confirm", data: { signedOn: "2026-11-21" } });
    expect(steps.date!.reply(tap("yesterday"), d)).toMatchObject({ data: { signedOn: "2026-11-20" } });
    expect(steps.date!.reply(text("hôm qua"), d)).toMatchObject({ data: { signedOn: "2026-11-20" } });
    expect(steps.date!.reply(text("12/11"), d)).toMatchObject({ data: { signedOn: "2026-11-12" } });
    expect(steps.date!.reply(text("3/2/2026"), d)).toMatchObject({ data: { signedOn: "2026-02-03" } });
    expect(steps.date!.reply(text("25/11/2026"), d)).toEqual({ kind: "invalid", say: [{ key: "camket-future-date", args: { date: "25/11/2026" } }] });
    expect(steps.date!.reply(text("tuần trước"), d)).toEqual({ kind: "invalid", say: [{ key: "camket-bad-date" }] });
    expect(steps.date!.reply({ kind: "sticker" }, d)).toEqual({ kind: "invalid", say: [{ key: "camket-bad-date" }] });
  });

  it("asks one household's number only when one household signed", () => {
    expect(steps.date!.reply(tap("today"), { ...base, count: 1 })).toMatchObject({ kind: "next", step: "household" });
    expect(steps.date!.reply(tap("today"), { ...base, count: 2 })).toMatchObject({ kind: "next", step: "confirm" });
  });

  it("keeps a house number, skips on Bỏ qua, and refuses a name kindly", () => {
    const d = { ...base, count: 1, signedOn: "2026-11-20" };
    expect(steps.household!.reply(text("số nhà 45B"), d)).toMatchObject({ kind: "next", step: "confirm", data: { householdNo: "số nhà 45B" } });
    expect(steps.household!.reply(tap("skip"), d)).toMatchObject({ kind: "next", step: "confirm", data: { householdNo: null } });
    expect(steps.household!.reply(text("Nguyễn Văn Ba"), d)).toEqual({ kind: "invalid", say: [{ key: "camket-household-name" }] });
    expect(steps.household!.reply(text("hộ ông Tư 12"), d)).toEqual({ kind: "invalid", say: [{ key: "camket-household-name" }] });
  });

  it("records on yes with the effect, and records nothing on no", () => {
    const d = { ...base, count: 1, signedOn: "2026-11-20", householdNo: "12" };
    expect(steps.confirm!.ask(d).say).toEqual([
      { key: "camket-confirm-household", args: { unit: A.name, count: 1, date: "20/11/2026", householdNo: { key: "camket-household-number", args: { no: "12" } } } },
    ]);
    expect(steps.confirm!.reply(tap("yes"), d)).toEqual({
      kind: "done",
      effects: [{ type: "commitment.record", unitId: 1, households: 1, signedOn: "2026-11-20", householdNo: "12" }],
    });
    expect(steps.confirm!.reply(text("không"), d)).toEqual({ kind: "done", say: [{ key: "camket-cancelled" }] });
    expect(steps.confirm!.reply(text("hmm"), d)).toMatchObject({ kind: "invalid" });
  });

  it("picks a unit by button or typed name, and refuses a unit already full", () => {
    const d: Data = { today: "2026-11-21", units: [A, B] };
    expect(steps.unit!.ask(d).choices?.map((c) => c.value)).toEqual(["unit:1", "unit:2"]);
    expect(steps.unit!.reply(tap("unit:1"), d)).toMatchObject({ kind: "next", step: "count", data: { unitId: 1 } });
    expect(steps.unit!.reply(text("nguyen trai"), d)).toMatchObject({ kind: "next", step: "count", data: { unitId: 1 } });
    expect(steps.unit!.reply(tap("unit:2"), d)).toEqual({ kind: "invalid", say: [{ key: "camket-full", args: { unit: B.name, households: 80 } }] });
    expect(steps.unit!.reply(text("tất cả"), d)).toEqual({ kind: "invalid", say: [{ key: "unit-expected" }] });
  });

  it("declares the shape of its saved data, refusing data of another shape", () => {
    expect(CommitmentData.safeParse(JSON.parse(JSON.stringify({ ...base, count: 2, householdNo: null }))).success).toBe(true);
    expect(CommitmentData.safeParse({ today: "2026-11-21", unitId: 1 }).success).toBe(false);
  });
});

describe("a household's number", () => {
  it("is numbers and the words people put before them, never a name", () => {
    for (const ok of ["12", "45B", "12/3", "số 7", "Số nhà 12A", "hẻm 5 số 12", "12 A"]) expect(householdNo(ok), ok).toBe(ok);
    for (const no of ["Nguyễn Văn A", "bà Tư", "nhà ông Ba", "12 Nguyễn Trãi", "số", "x".repeat(40)]) expect(householdNo(no), no).toBeUndefined();
  });
});
