import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { understandChoice, type ChoiceOption } from "../../../src/domain/understand/choice.ts";
import { understandCount } from "../../../src/domain/understand/count.ts";
import { understandDate } from "../../../src/domain/understand/dates.ts";
import { understandIntent, type IntentEntry } from "../../../src/domain/understand/intent.ts";
import { normalize } from "../../../src/domain/understand/normalize.ts";
import { isNothing } from "../../../src/domain/understand/nothing.ts";
import { understandYesNo } from "../../../src/domain/understand/yesno.ts";
import { categoryChoices, identityChoices } from "../../../features/tips/tip-flow.ts";
import { reportFieldOptions } from "../../../features/report/report-flow.ts";
import { optionsOf } from "../../../src/engine/typed.ts";
/** The choices as the flows offer them: their labels in both languages and their synonyms. */
const flowOptions = { category: optionsOf(categoryChoices), identity: optionsOf(identityChoices) };
import * as corpus from "./corpus.ts";

/** The intents as the command table gives them (features/index.ts builds the real one). */
const INTENTS: IntentEntry[] = [
  { command: "report", says: ["report", "baocao", "bao cao", "lam bao cao", "bao cao thang"] },
  { command: "checkin", says: ["checkin", "xacnhan", "xac nhan", "xac nhan lien he"] },
  { command: "tip", says: ["tip", "tobao", "to bao", "to giac", "bao tin", "gui tin bao"] },
  { command: "help", says: ["help", "trogiup", "tro giup", "giup do"] },
  { command: "cancel", says: ["cancel", "huy", "thoat"] },
  { command: "summary", says: ["summary", "tonghop", "tong hop"] },
  { command: "tips", says: ["tips", "tinbao", "tin bao"] },
  { command: "join", says: ["join", "thamgia", "tham gia"] },
  { command: "lang", says: ["lang", "ngon ngu"] },
  { command: "subscribe", says: ["subscribe", "dangky", "dang ky"] },
];

const choiceTable = (name: string, options: ChoiceOption[], answers: [string, string][]) =>
  describe(name, () => {
    it.each(answers)("%s → %s", (typed, meant) => {
      const got = understandChoice(typed, options);
      expect(got.kind === "match" ? got.value : got.kind).toBe(meant);
    });
  });

describe("counts as people type them", () => {
  it.each(corpus.COUNTS)("%s → %i", (typed, value) => expect(understandCount(typed)).toEqual({ kind: "value", value }));
  it.each(corpus.COUNTS_TO_CONFIRM)("%s → asks back about %i", (typed, value) => expect(understandCount(typed)).toEqual({ kind: "confirm", value }));
  it.each(corpus.COUNTS_REFUSED)("%s → refused (%s)", (typed, reason) => expect(understandCount(typed)).toEqual({ kind: "refuse", reason }));
});

describe("nothing, at an optional question", () => {
  it.each([
    ["bỏ qua", true], ["bo qua", true], ["skip", true], ["-", true], ["qua ạ", true], ["dạ bỏ qua", true],
    ["không có kiến nghị gì ạ", true], ["ko co", true],
    // answers that only sound like skipping: a time ("tối qua": last night), a place
    ["tối qua", false], ["toi qua", false], ["đêm qua", false], ["hôm qua", false], ["đi qua cầu", false],
  ] as const)("%s → %s", (typed, nothing) => expect(isNothing(typed)).toBe(nothing));
});

describe("yes and no", () => {
  it.each(corpus.YES)("%s → yes", (typed) => expect(understandYesNo(typed)).toEqual({ value: true }));
  it.each(corpus.NO)("%s → no (edit: %s)", (typed, edit) => expect(understandYesNo(typed)).toEqual(edit ? { value: false, edit: true } : { value: false }));
  it.each(corpus.YES_NO_UNCLEAR)("%s → asked again", (typed) => expect(understandYesNo(typed)).toBeUndefined());
});

choiceTable("tip categories", flowOptions.category, corpus.TIP_CATEGORY_ANSWERS);
choiceTable("staying anonymous", flowOptions.identity, corpus.TIP_IDENTITY_ANSWERS);
choiceTable("check-in: contacted", corpus.CHECKIN_CONTACT, corpus.CHECKIN_CONTACT_ANSWERS);
choiceTable("check-in: how", corpus.CHECKIN_METHOD, corpus.CHECKIN_METHOD_ANSWERS);
choiceTable("check-in: the person's state", corpus.CHECKIN_STATE, corpus.CHECKIN_STATE_ANSWERS);
choiceTable("announcement audience", corpus.AUDIENCES, corpus.AUDIENCE_ANSWERS);
choiceTable("which report field to correct", reportFieldOptions, corpus.REPORT_FIELD_ANSWERS);

describe("commands without a slash", () => {
  it.each(corpus.COMMANDS)("%s → %s", (typed, command) => expect(understandIntent(typed, INTENTS)).toBe(command));
});

describe("dates", () => {
  const today = { year: 2026, month: 11, day: 28 };
  it.each(corpus.DATES)("%s → %s", (typed, meant) => {
    const got = understandDate(typed, today);
    expect(got.kind === "date" ? got.iso : got.kind).toBe(meant);
  });
});

describe("the corpus itself", () => {
  it("holds at least 400 phrasings, at least 50 of them asked back or refused", () => {
    const choiceAnswers = [
      corpus.TIP_CATEGORY_ANSWERS, corpus.TIP_IDENTITY_ANSWERS, corpus.CHECKIN_CONTACT_ANSWERS, corpus.CHECKIN_METHOD_ANSWERS,
      corpus.CHECKIN_STATE_ANSWERS, corpus.AUDIENCE_ANSWERS, corpus.REPORT_FIELD_ANSWERS,
    ].flat();
    const total =
      corpus.COUNTS.length + corpus.COUNTS_TO_CONFIRM.length + corpus.COUNTS_REFUSED.length + corpus.YES.length + corpus.NO.length +
      corpus.YES_NO_UNCLEAR.length + choiceAnswers.length + corpus.COMMANDS.length + corpus.DATES.length;
    const notTaken =
      corpus.COUNTS_TO_CONFIRM.length + corpus.COUNTS_REFUSED.length + corpus.YES_NO_UNCLEAR.length +
      choiceAnswers.filter(([, v]) => v === "ambiguous" || v === "none").length + corpus.DATES.filter(([, v]) => v === "refuse").length;
    expect(total).toBeGreaterThanOrEqual(400);
    expect(notTaken).toBeGreaterThanOrEqual(50);
  });
});

describe("properties", () => {
  it("normalisation and every reader never throw, whatever is typed", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (s) => {
        normalize(s);
        understandCount(s);
        understandYesNo(s);
        understandChoice(s, flowOptions.category);
        understandIntent(s, INTENTS);
        understandDate(s, { year: 2026, month: 11, day: 28 });
      }),
      { numRuns: 2000 },
    );
  });

  it("digits always win over words", () => {
    const numberWords = ["mười hai", "hai", "ba mươi tư", "một trăm linh năm", "không", "năm", "tám mươi"];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), fc.constantFrom(...numberWords), fc.constantFrom("", " người", " hộ", " ạ"), (n, w, noun) => {
        const got = understandCount(`${n} ${w}${noun}`);
        expect(got).toEqual({ kind: "value", value: n });
        expect(understandCount(`${w} ${n}${noun}`)).toEqual({ kind: "value", value: n });
      }),
    );
  });

  it("reads back every number it could be told in words, up to a thousand", () => {
    const units = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];
    const say = (n: number): string => {
      if (n < 10) return units[n]!;
      if (n < 20) return `mười${n % 10 ? ` ${n % 10 === 5 ? "lăm" : units[n % 10]}` : ""}`;
      if (n < 100) return `${units[Math.floor(n / 10)]} mươi${n % 10 ? ` ${n % 10 === 1 ? "mốt" : n % 10 === 5 ? "lăm" : n % 10 === 4 ? "tư" : units[n % 10]}` : ""}`;
      if (n < 1000) {
        const rest = n % 100;
        return `${units[Math.floor(n / 100)]} trăm${rest === 0 ? "" : rest < 10 ? ` linh ${units[rest]}` : ` ${say(rest)}`}`;
      }
      return "một nghìn";
    };
    for (let n = 0; n <= 1000; n++) expect(understandCount(say(n)), say(n)).toEqual({ kind: "value", value: n });
  });
});
