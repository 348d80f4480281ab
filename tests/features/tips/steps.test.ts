import { describe, expect, it } from "vitest";
import type { PersonView } from "../../../src/domain/person.ts";
import type { TipQueries, TipView } from "../../../src/domain/tips.ts";
import type { FlowContext, Queries, Transition } from "../../../src/engine/flow.ts";
import type { InboundContent, Msg } from "../../../src/engine/types.ts";
import { tipAskFlow, tipBlockFlow, tipRewardFlow, tipsListFlow, tipStatusFlow, tipVerifyFlow } from "../../../features/tips/officer-flows.ts";
import { TipDraft, tipFlow, tipReplyFlow } from "../../../features/tips/tip-flow.ts";

/**
 * The tip flows' steps, called directly: what each answer leads to, without a server or a
 * database. The queries are an in-memory stand-in for what the flows read (their inputs).
 */

const text = (t: string): InboundContent => ({ kind: "text", text: t });
const tap = (value: string): InboundContent => ({ kind: "choice", value });
const keys = (msgs: Msg[] | undefined) => (msgs ?? []).map((m) => m.key);
const steps = tipFlow.steps;

/** A transition to `step`; its data must fit the flow's schema once saved (JSON) and read back. */
function next(t: Transition<TipDraft>, step: string): TipDraft {
  if (t.kind !== "next") throw new Error(`expected next, got ${JSON.stringify(t)}`);
  expect(t.step).toBe(step);
  expect(TipDraft.safeParse(JSON.parse(JSON.stringify(t.data))).success).toBe(true);
  return t.data;
}

/** The message keys of a refusal (the same question is asked again). */
function refused(t: Transition<TipDraft>): string[] {
  if (t.kind !== "invalid") throw new Error(`expected invalid, got ${JSON.stringify(t)}`);
  return keys(t.say);
}

const resident: PersonView = { id: 7, role: "resident", unitId: null, lang: "vi", grants: [], headOf: [] };
const officer: PersonView = { id: 1, role: "officer", unitId: null, lang: "vi", grants: [{ role: "officer", unitId: null }], headOf: [] };

const noTips: TipQueries = {
  mine: async () => null,
  refusal: async () => null,
  openQuestion: async () => null,
  open: async () => [],
  get: async () => null,
};

const UNITS = [
  { id: 1, name: "Khu phố Nguyễn Trãi" },
  { id: 2, name: "Khu phố Đồng Khởi" },
];

function ctx(person: PersonView, tips: Partial<TipQueries> = {}, units = UNITS): FlowContext {
  return {
    person,
    now: new Date("2026-11-25T03:00:00Z"),
    timeZone: "Asia/Ho_Chi_Minh",
    q: { tips: { ...noTips, ...tips }, units: async () => units.map((u) => ({ ...u, households: 100, classification: "class1" })) } as unknown as Queries,
  };
}

const view = (over: Partial<TipView> = {}): TipView => ({
  id: 1,
  code: "TB-ABC234",
  category: "dealing",
  description: "Có người bán ma túy ở quán nước đầu ngõ",
  placeText: null,
  location: null,
  whenText: null,
  hasPhoto: false,
  anonymous: true,
  contact: null,
  status: "new",
  createdAt: new Date("2026-11-25T01:00:00Z"),
  rewarded: false,
  ...over,
} as TipView);

describe("the tip steps", () => {
  it("asks the category with a button each, and reads a tap, the words with or without diacritics", () => {
    const ask = steps.category!.ask({});
    expect(keys(ask.say)).toEqual(["tip-q-category"]);
    expect(ask.choices!.map((c) => c.value)).toEqual(["dealing", "using", "spot", "person", "other"]);
    expect(ask.pick).toBe(true);
    expect(next(steps.category!.reply(tap("spot"), {}), "description")).toEqual({ category: "spot" });
    expect(next(steps.category!.reply(text("Mua bán"), {}), "description").category).toBe("dealing");
    expect(next(steps.category!.reply(text("su dung"), {}), "description").category).toBe("using");
    expect(next(steps.category!.reply(text("ĐỐI TƯỢNG KHẢ NGHI"), {}), "description").category).toBe("person");
    expect(next(steps.category!.reply(text("khác"), {}), "description").category).toBe("other");
    expect(refused(steps.category!.reply(text("hôm qua"), {}))).toEqual(["tip-err-choice"]);
    expect(refused(steps.category!.reply({ kind: "sticker" }, {}))).toEqual(["tip-err-choice"]);
  });

  it("takes a description of 5 to 2000 characters, trimmed, and says the limit otherwise", () => {
    const d = { category: "dealing" as const };
    expect(next(steps.description!.reply(text("  Có người lạ bán hàng  "), d), "place")).toEqual({ ...d, description: "Có người lạ bán hàng" });
    const short = steps.description!.reply(text("abc"), d);
    expect(refused(short)).toEqual(["tip-err-desc-short"]);
    expect(short.kind === "invalid" && short.say[0]!.args).toEqual({ min: 5 });
    expect(refused(steps.description!.reply(text("x".repeat(2001)), d))).toEqual(["err-too-long"]);
    expect(refused(steps.description!.reply(text("   "), d))).toEqual(["expect-text"]);
    expect(refused(steps.description!.reply({ kind: "sticker" }, d))).toEqual(["expect-text-not-media"]);
  });

  it("takes a place typed or shared, or none, and forgets the other kind when it changes", () => {
    const d = { category: "dealing" as const, description: "Có người bán" };
    expect(next(steps.place!.reply(text("Ngõ 5, Khu phố Nguyễn Trãi"), d), "when")).toEqual({ ...d, placeText: "Ngõ 5, Khu phố Nguyễn Trãi", location: null });
    expect(next(steps.place!.reply({ kind: "location", latitude: 10.77, longitude: 106.7 }, { ...d, placeText: "cũ" }), "when")).toEqual({
      ...d,
      location: { latitude: 10.77, longitude: 106.7 },
      placeText: null,
    });
    for (const skip of ["bỏ qua", "bo qua", "không có", "skip"]) expect(next(steps.place!.reply(text(skip), d), "when").placeText).toBeNull();
    expect(next(steps.place!.reply(tap("skip"), d), "when").placeText).toBeNull();
    expect(refused(steps.place!.reply(text("  "), d))).toEqual(["tip-err-place"]);
    expect(refused(steps.place!.reply(text("x".repeat(301)), d))).toEqual(["err-too-long"]);
    expect(steps.place!.ask(d).choices!.map((c) => c.value)).toEqual(["skip"]);
    // With units to name, the unit question comes next.
    expect(next(steps.place!.reply(text("Ngõ 5"), { ...d, units: UNITS }), "unit").placeText).toBe("Ngõ 5");
    expect(next(steps.place!.reply({ kind: "location", latitude: 10.77, longitude: 106.7 }, { ...d, units: UNITS }), "unit").placeText).toBeNull();
    expect(next(steps.place!.reply(tap("skip"), { ...d, units: [] }), "when").placeText).toBeNull();
  });

  it("asks the neighbourhood where it happened: a button per unit and one for not known, the name typed any way, or skipped", () => {
    const d: TipDraft = { category: "dealing", description: "Có người bán", placeText: "Ngõ 5", location: null, units: UNITS };
    const ask = steps.unit!.ask(d);
    expect(keys(ask.say)).toEqual(["tip-q-unit"]);
    expect(ask.choices!.map((c) => c.value)).toEqual(["unit:1", "unit:2", "skip"]);
    expect(ask.choices!.map((c) => c.label.key)).toEqual(["unit-button", "unit-button", "btn-tip-unit-unknown"]);
    expect(next(steps.unit!.reply(tap("unit:2"), d), "when").unit).toEqual(UNITS[1]);
    expect(next(steps.unit!.reply(text("khu pho dong khoi"), d), "when").unit).toEqual(UNITS[1]);
    expect(next(steps.unit!.reply(text("Nguyễn Trãi"), d), "when").unit).toEqual(UNITS[0]);
    for (const skip of [tap("skip"), text("không rõ"), text("khong ro"), text("bỏ qua"), text("Không biết")]) {
      expect(next(steps.unit!.reply(skip, d), "when").unit).toBeNull();
    }
    const unknown = steps.unit!.reply(text("Khu phố Lê Lợi"), d);
    expect(refused(unknown)).toEqual(["tip-err-unit-unknown"]);
    expect(unknown.kind === "invalid" && unknown.say[0]!.args).toEqual({ unit: "Khu phố Lê Lợi", units: "Khu phố Nguyễn Trãi, Khu phố Đồng Khởi" });
    // "Tất cả" names no one place; a button of a unit that is not offered is no answer either.
    expect(refused(steps.unit!.reply(text("tất cả"), d))).toEqual(["tip-err-unit"]);
    expect(refused(steps.unit!.reply(tap("unit:9"), d))).toEqual(["tip-err-unit"]);
    expect(refused(steps.unit!.reply({ kind: "sticker" }, d))).toEqual(["tip-err-unit"]);
  });

  it("takes when it happened, or none", () => {
    expect(next(steps.when!.reply(text("tối qua khoảng 9 giờ"), {}), "photo")).toEqual({ whenText: "tối qua khoảng 9 giờ" });
    expect(next(steps.when!.reply(tap("skip"), {}), "photo")).toEqual({ whenText: null });
    expect(refused(steps.when!.reply(text("x".repeat(101)), {}))).toEqual(["err-too-long"]);
  });

  it("takes a photo up to 10 MB, or none, and says what to send otherwise", () => {
    const ref = { channel: "telegram" as const, fileId: "AgAC-1" };
    expect(next(steps.photo!.reply({ kind: "photo", ref, size: 1000 }, {}), "identity")).toEqual({ photo: ref });
    expect(next(steps.photo!.reply({ kind: "photo", ref: { channel: "zalo", fileId: "https://x/y.jpg" } }, {}), "identity").photo).toEqual({ channel: "zalo", fileId: "https://x/y.jpg" });
    const big = steps.photo!.reply({ kind: "photo", ref, size: 11 * 1024 * 1024 }, {});
    expect(refused(big)).toEqual(["tip-err-photo-large"]);
    expect(big.kind === "invalid" && big.say[0]!.args).toEqual({ mb: 10 });
    expect(next(steps.photo!.reply(text("Bỏ qua"), {}), "identity")).toEqual({ photo: null });
    expect(refused(steps.photo!.reply(text("ảnh đây"), {}))).toEqual(["tip-err-photo"]);
    expect(refused(steps.photo!.reply({ kind: "sticker" }, {}))).toEqual(["tip-err-photo"]);
  });

  it("keeps the tipster anonymous unless they choose to leave a name, then asks how to reach them", () => {
    expect(next(steps.identity!.reply(tap("anonymous"), {}), "confirm")).toEqual({ anonymous: true, contact: null });
    expect(next(steps.identity!.reply(text("Ẩn danh"), {}), "confirm").anonymous).toBe(true);
    expect(next(steps.identity!.reply(text("giu kin"), {}), "confirm").anonymous).toBe(true);
    expect(next(steps.identity!.reply(tap("named"), {}), "contact")).toEqual({ anonymous: false });
    expect(next(steps.identity!.reply(text("Để lại tên"), {}), "contact").anonymous).toBe(false);
    expect(refused(steps.identity!.reply(text("có lẽ"), {}))).toEqual(["tip-err-choice"]);
    expect(steps.identity!.ask({}).choices!.map((c) => c.value)).toEqual(["anonymous", "named"]);

    expect(next(steps.contact!.reply(text(" Anh Ba, 0912 345 678 "), { anonymous: false }), "confirm")).toEqual({ anonymous: false, contact: "Anh Ba, 0912 345 678" });
    expect(refused(steps.contact!.reply(text(""), { anonymous: false }))).toEqual(["expect-text"]);
    expect(refused(steps.contact!.reply(text("x".repeat(201)), { anonymous: false }))).toEqual(["err-too-long"]);
  });

  const told: TipDraft = { category: "dealing", description: "Có người bán ma túy", placeText: "Ngõ 5", location: null, whenText: null, photo: null, anonymous: true, contact: null };

  it("shows the tip before sending, and sends it only on a yes", () => {
    const ask = steps.confirm!.ask(told);
    expect(keys(ask.say)).toEqual(["tip-summary", "lines", "tip-confirm"]);
    expect(keys(ask.say[1]!.args!.lines as Msg[])).toEqual(["tip-line-category", "tip-line-description", "tip-line-place", "tip-line-when", "tip-line-anonymous"]);
    expect(ask.choices!.map((c) => c.value)).toEqual(["yes", "no"]);
    // Where units were offered, the summary says which one was chosen, or that it is not known.
    const inUnit = steps.confirm!.ask({ ...told, units: UNITS, unit: UNITS[0] }).say[1]!.args!.lines as Msg[];
    expect(keys(inUnit)).toEqual(["tip-line-category", "tip-line-description", "tip-line-place", "tip-line-unit", "tip-line-when", "tip-line-anonymous"]);
    expect(inUnit[3]!.args).toEqual({ value: "Khu phố Nguyễn Trãi" });
    expect((steps.confirm!.ask({ ...told, units: UNITS, unit: null }).say[1]!.args!.lines as Msg[])[3]!.args).toEqual({ value: { key: "notes-none" } });

    for (const yes of [tap("yes"), text("có"), text("co"), text("Đúng rồi")]) {
      const t = steps.confirm!.reply(yes, told);
      expect(t).toEqual({ kind: "done", effects: [{ type: "tip.create", tip: { ...told, unitId: null } }] });
    }
    const sent = steps.confirm!.reply(text("có"), { ...told, units: UNITS, unit: UNITS[1] });
    expect(sent.kind === "done" && sent.effects).toEqual([{ type: "tip.create", tip: { ...told, unitId: 2 } }]);
    for (const no of [tap("no"), text("không"), text("khong")]) {
      expect(steps.confirm!.reply(no, told)).toEqual({ kind: "done", say: [{ key: "tip-not-sent" }] });
    }
    expect(refused(steps.confirm!.reply(text("để mai"), told))).toEqual(["err-yes-no"]);
  });

  it("sends a named tip with its contact and photo, and an anonymous one when the choice was never made", () => {
    const named = { ...told, anonymous: false, contact: "0912", photo: { channel: "telegram" as const, fileId: "F" } };
    expect(keys(steps.confirm!.ask(named).say[1]!.args!.lines as Msg[])).toContain("tip-line-named");
    const t = steps.confirm!.reply(text("có"), named);
    expect(t.kind === "done" && t.effects).toEqual([{ type: "tip.create", tip: { ...named, unitId: null } }]);
    const { anonymous: _, contact: __, ...unchosen } = told;
    const d = steps.confirm!.reply(text("có"), unchosen);
    expect(d.kind === "done" && d.effects).toEqual([{ type: "tip.create", tip: { ...told, anonymous: true, contact: null, unitId: null } }]);
  });

  it("takes the tipster's answer to an officer's question, for the tip they asked about", () => {
    expect(keys(steps.answer!.ask({ code: "TB-ABC234" }).say)).toEqual(["tip-q-answer"]);
    expect(steps.answer!.reply(text("Ở quán nước số 12"), { code: "TB-ABC234" })).toEqual({
      kind: "done",
      effects: [{ type: "tip.answer", code: "TB-ABC234", text: "Ở quán nước số 12" }],
    });
    expect(refused(steps.answer!.reply(text("x".repeat(1001)), { code: "TB-ABC234" }))).toEqual(["err-too-long"]);
  });

  it("keeps an older draft's shape out: a key it does not know, a category that is not one", () => {
    expect(TipDraft.safeParse({}).success).toBe(true);
    expect(TipDraft.safeParse(told).success).toBe(true);
    expect(TipDraft.safeParse({ ...told, units: UNITS, unit: null }).success).toBe(true);
    expect(TipDraft.safeParse({ ...told, details: "old name" }).success).toBe(false);
    expect(TipDraft.safeParse({ ...told, category: "drugs" }).success).toBe(false);
  });
});

describe("starting /tip", () => {
  it("starts an empty tip, unless the sender sent too many this hour or is blocked", async () => {
    expect(await tipFlow.start(ctx(resident), "")).toEqual({ kind: "conversation", step: "category", data: { units: UNITS }, say: [{ key: "tip-start" }] });
    // A head's own unit is never assumed as the place: the tip starts with no unit chosen.
    const head: PersonView = { ...resident, role: "head", unitId: 1, headOf: [1] };
    expect(await tipFlow.start(ctx(head), "")).toEqual({ kind: "conversation", step: "category", data: { units: UNITS }, say: [{ key: "tip-start" }] });
    expect(await tipFlow.start(ctx(resident, {}, []), "")).toEqual({ kind: "conversation", step: "category", data: { units: [] }, say: [{ key: "tip-start" }] });
    expect(await tipFlow.start(ctx(resident, { refusal: async () => "too-many" }), " ")).toEqual({ kind: "done", say: [{ key: "tip-refused-too-many", args: { max: 3 } }] });
    expect(await tipFlow.start(ctx(resident, { refusal: async () => "blocked" }), "")).toMatchObject({ kind: "done", say: [{ key: "tip-refused-blocked" }] });
  });

  it("shows a tipster their own tip's status by its code, typed any way, and opens the answer to a waiting question", async () => {
    const asked: string[] = [];
    const mine = async (code: string) => (asked.push(code), code === "TB-ABC234" ? { status: "checking" as const, question: null } : null);
    expect(await tipFlow.start(ctx(resident, { mine }), "tb abc234")).toEqual({
      kind: "done",
      say: [{ key: "tip-mine", args: { code: "TB-ABC234", status: { key: "tip-status-checking" } } }],
    });
    expect(asked).toEqual(["TB-ABC234"]);
    expect(await tipFlow.start(ctx(resident, { mine }), "TB-XYZ789")).toEqual({ kind: "done", say: [{ key: "tip-not-found", args: { code: "TB-XYZ789" } }] });
    expect(await tipFlow.start(ctx(resident), "12345")).toEqual({ kind: "done", say: [{ key: "tip-usage" }] });

    const questioned = await tipFlow.start(ctx(resident, { mine: async () => ({ status: "new", question: "Mấy giờ?" }) }), "TB-ABC234");
    expect(questioned).toMatchObject({ kind: "conversation", step: "answer", data: { code: "TB-ABC234" } });
    expect(questioned.kind === "conversation" && keys(questioned.say)).toEqual(["tip-mine", "tip-mine-question"]);
  });

  it("shows an officer the tip itself, with the exchange, and never looks up whose it is", async () => {
    const got = await tipFlow.start(
      ctx(officer, {
        mine: async () => { throw new Error("an officer's view does not ask whose tip it is"); },
        get: async () => ({ view: view({ rewarded: true }), messages: [{ kind: "question", text: "Mấy giờ?", createdAt: new Date() }] }),
      }),
      "TB-ABC234",
    );
    expect(got.kind === "done" && keys(got.say)).toEqual(["tip-officer-title", "lines", "lines", "tip-is-rewarded", "tip-officer-actions"]);
    expect(await tipFlow.start(ctx(officer), "TB-ABC234")).toEqual({ kind: "done", say: [{ key: "tip-not-found", args: { code: "TB-ABC234" } }] });
  });
});

describe("the tipster's free reply to an officer's question", () => {
  const open = { openQuestion: async () => ({ code: "TB-ABC234" }) };

  it("waits for a reply only while a question is open, and takes it as the answer", async () => {
    expect(await tipReplyFlow.awaitsReply!(ctx(resident, open))).toBe(true);
    expect(await tipReplyFlow.awaitsReply!(ctx(resident))).toBe(false);
    expect(await tipReplyFlow.start(ctx(resident, open), "  ở quán nước  ")).toEqual({ kind: "done", effects: [{ type: "tip.answer", code: "TB-ABC234", text: "ở quán nước" }] });
  });

  it("says it did not understand with no question open or nothing said, and the limit when too long", async () => {
    expect(await tipReplyFlow.start(ctx(resident), "ở quán nước")).toEqual({ kind: "done", say: [{ key: "not-understood" }] });
    expect(await tipReplyFlow.start(ctx(resident, open), "   ")).toEqual({ kind: "done", say: [{ key: "not-understood" }] });
    expect(await tipReplyFlow.start(ctx(resident, open), "x".repeat(1001))).toEqual({ kind: "done", say: [{ key: "err-too-long", args: { max: 1000 } }] });
  });
});

describe("the officers' tip commands", () => {
  it("are for officers only", async () => {
    for (const flow of [tipStatusFlow, tipAskFlow, tipBlockFlow, tipRewardFlow, tipVerifyFlow, tipsListFlow]) {
      expect(await flow.start(ctx(resident), "TB-ABC234 handled")).toEqual({ kind: "done", say: [{ key: "not-allowed" }] });
    }
  });

  it("moves a tip on by the status's English or Vietnamese words, with or without diacritics", async () => {
    const moved = async (args: string) => tipStatusFlow.start(ctx(officer), args);
    expect(await moved("tb-abc234 đã xử lý")).toEqual({ kind: "done", effects: [{ type: "tip.move", code: "TB-ABC234", to: "handled" }] });
    expect(await moved("TBABC234 dang xac minh")).toEqual({ kind: "done", effects: [{ type: "tip.move", code: "TB-ABC234", to: "checking" }] });
    expect(await moved("TB-ABC234 Không có cơ sở")).toEqual({ kind: "done", effects: [{ type: "tip.move", code: "TB-ABC234", to: "unfounded" }] });
    for (const bad of ["TB-ABC234 đóng", "TB-ABC234", "", "ABC234 handled"]) expect(await moved(bad)).toEqual({ kind: "done", say: [{ key: "tip-move-usage" }] });
  });

  it("asks the tipster a question of 2 to 1000 characters, blocks, rewards and verifies by code", async () => {
    expect(await tipAskFlow.start(ctx(officer), "TB-ABC234 Quán số mấy?")).toEqual({ kind: "done", effects: [{ type: "tip.ask", code: "TB-ABC234", text: "Quán số mấy?" }] });
    expect(await tipAskFlow.start(ctx(officer), "TB-ABC234 ?")).toEqual({ kind: "done", say: [{ key: "tip-ask-usage" }] });
    expect(await tipBlockFlow.start(ctx(officer), "tb-abc234")).toEqual({ kind: "done", effects: [{ type: "tip.block", code: "TB-ABC234" }] });
    expect(await tipRewardFlow.start(ctx(officer), "TB-ABC234")).toEqual({ kind: "done", effects: [{ type: "tip.reward", code: "TB-ABC234" }] });
    expect(await tipRewardFlow.start(ctx(officer), "ABC")).toEqual({ kind: "done", say: [{ key: "tip-code-usage" }] });
    expect(await tipVerifyFlow.start(ctx(officer), "TB-ABC234 K7M2P9QX")).toEqual({ kind: "done", effects: [{ type: "tip.verify", code: "TB-ABC234", secret: "K7M2P9QX" }] });
    expect(await tipVerifyFlow.start(ctx(officer), "TB-ABC234")).toEqual({ kind: "done", say: [{ key: "tip-verify-usage" }] });
  });

  it("lists the open tips with a short excerpt, or says there are none", async () => {
    expect(await tipsListFlow.start(ctx(officer), "")).toEqual({ kind: "done", say: [{ key: "tips-none" }] });
    const long = "Một đoạn mô tả rất dài về việc mua bán ma túy ở đầu ngõ, kéo dài quá sáu mươi ký tự";
    const listed = await tipsListFlow.start(ctx(officer, { open: async () => [view(), view({ code: "TB-XYZ789", description: long })] }), "");
    if (listed.kind !== "done") throw new Error("expected done");
    expect(keys(listed.say)).toEqual(["tips-title", "lines", "tips-hint"]);
    expect(listed.say![0]!.args).toEqual({ count: 2 });
    const lines = listed.say![1]!.args!.lines as Msg[];
    expect(lines.map((l) => l.args!.code)).toEqual(["TB-ABC234", "TB-XYZ789"]);
    expect(lines[1]!.args!.excerpt).toBe(`${long.slice(0, 60)}…`);
    expect(lines[0]!.args!.date).toBe("08:00 25/11/2026");
  });
});
