import { z } from "zod";
import { isMentor } from "../../src/domain/access.ts";
import {
  CHECKIN_METHODS,
  CheckinMethod,
  checkinMethodMsg,
  checkinStateMsg,
  MAX_CHECKIN_NOTE,
  normalizeCaseCode,
  statesFor,
  CheckinState,
  IsoDate,
  type CheckinEntry,
} from "../../src/domain/cases.ts";
import { fold, parseYesNo } from "../../src/domain/text.ts";
import { displayDate, weekOf } from "../../src/domain/time.ts";
import { answerText, type Flow, type Step, type Transition } from "../../src/engine/flow.ts";
import { skipChoice, textAnswer, yesNoAnswer, yesNoChoices } from "../../src/engine/steps.ts";
import type { ChoiceMsg, InboundContent, Msg } from "../../src/engine/types.ts";

/**
 * `/checkin` (`/xacnhan`): a mentor's weekly check-in (DOMAIN.md, "Rehab support check-ins").
 *
 * The mentor picks a case by its code (never a name), then answers: contacted or not; how (only
 * when contacted); the person's state; an optional note; and confirms the case's answers. When
 * not contacted, the state is asked with fewer options: "could not reach" or "suspected relapse"
 * (heard from the family), since "stable" cannot be vouched for unseen and a relapse must still
 * reach the officers. Each case is stored as soon as it is confirmed (a relapse alert goes out
 * at once); then the next unchecked one is offered, until none is left or the mentor taps "Xong";
 * together, and the officers alerted. `/huy` at any point stores nothing of the conversation.
 */

/** A case the mentor may check in this week. */
export const CaseRef = z.object({
  id: z.number(),
  code: z.string(),
  /** already checked in this week, before this conversation (checking it again replaces it) */
  checked: z.boolean(),
});
export type CaseRef = z.infer<typeof CaseRef>;

/** The case being answered. */
const Current = z.object({
  caseId: z.number(),
  code: z.string(),
  contacted: z.boolean().optional(),
  method: CheckinMethod.nullable().optional(),
  state: CheckinState.optional(),
  note: z.string().nullable().optional(),
});

/** One case's answers, confirmed in this conversation (the domain's `CheckinEntry`). */
const Entry = z.object({
  caseId: z.number(),
  code: z.string(),
  contacted: z.boolean(),
  method: CheckinMethod.nullable(),
  state: CheckinState,
  note: z.string().nullable(),
}) satisfies z.ZodType<CheckinEntry>;

/** A mentor's check-in conversation, as saved between messages. */
export const CheckinData = z.strictObject({
  /** the week being confirmed: the one the conversation started in */
  week: IsoDate,
  cases: z.array(CaseRef),
  /** cases confirmed in this conversation (each stored as it was confirmed) */
  entries: z.array(Entry),
  current: Current.optional(),
});
export type CheckinData = z.infer<typeof CheckinData>;

const FINISH = "finish";
const caseValue = (id: number) => `case:${id}`;

// What people type for each choice besides its button's text, folded (no diacritics, lower case).
const METHOD_WORDS: Record<string, CheckinMethod> = {
  "gap truc tiep": "in_person",
  "truc tiep": "in_person",
  gap: "in_person",
  "met in person": "in_person",
  "in person": "in_person",
  in_person: "in_person",
  "dien thoai": "phone",
  "goi dien": "phone",
  "goi dien thoai": "phone",
  phone: "phone",
  "phone call": "phone",
  call: "phone",
  "tham gia dinh": "family_visit",
  "gia dinh": "family_visit",
  "visited the family": "family_visit",
  "family visit": "family_visit",
  family: "family_visit",
  family_visit: "family_visit",
};

const STATE_WORDS: Record<string, CheckinState> = {
  "on dinh": "stable",
  stable: "stable",
  "co dau hieu dang lo": "worrying",
  "dau hieu dang lo": "worrying",
  "dang lo": "worrying",
  "worrying signs": "worrying",
  worrying: "worrying",
  "nghi tai nghien": "suspected_relapse",
  "tai nghien": "suspected_relapse",
  "suspected relapse": "suspected_relapse",
  relapse: "suspected_relapse",
  suspected_relapse: "suspected_relapse",
  "khong lien lac duoc": "unreachable",
  "khong lien lac": "unreachable",
  "could not reach": "unreachable",
  unreachable: "unreachable",
};

const FINISH_WORDS = new Set(["xong", "ket thuc", "luu", "done", "finish", "stop", "dung"]);

const clean = (text: string) => fold(text).replace(/[.!]+$/, "");

/** A choice among `options`: its button, its text typed, or its number in the list (1, 2, 3…). */
function pick<T extends string>(input: InboundContent, options: readonly T[], words: Record<string, T>): T | undefined {
  if (input.kind === "choice") return options.find((o) => o === input.value);
  const text = answerText(input);
  if (text === undefined) return undefined;
  const folded = clean(text);
  const byNumber = /^\d$/.test(folded) ? options[Number(folded) - 1] : undefined;
  const found = byNumber ?? words[folded];
  return found && options.includes(found) ? found : undefined;
}

const optionsMsg = (msgs: Msg[]): Msg => ({ key: "checkin-options", args: { options: msgs.map((m, i) => ({ key: "checkin-option", args: { n: i + 1, label: m } })) } });

/** Cases not checked in this week and not confirmed in this conversation. */
function pending(d: CheckinData): CaseRef[] {
  const done = new Set(d.entries.map((e) => e.caseId));
  return d.cases.filter((c) => !c.checked && !done.has(c.id));
}

function caseLines(d: CheckinData): Msg[] {
  const recorded = new Set(d.entries.map((e) => e.caseId));
  return d.cases.map((c) => ({
    key: "checkin-case-line",
    args: { code: c.code, status: { key: recorded.has(c.id) ? "checkin-case-recorded" : c.checked ? "checkin-case-checked" : "checkin-case-todo" } },
  }));
}

/** Starts answering one case. */
function begin(d: CheckinData, c: CaseRef): Transition<CheckinData> {
  return { kind: "next", step: "contacted", data: { ...d, current: { caseId: c.id, code: c.code } }, say: [intro(d, c)] };
}

function intro(d: CheckinData, c: CaseRef): Msg {
  return { key: c.checked ? "checkin-case-intro-again" : "checkin-case-intro", args: { code: c.code, week: displayDate(d.week) } };
}

/** Ends the conversation: each confirmed case was stored as it was confirmed. */
function finish(d: CheckinData): Transition<CheckinData> {
  if (d.entries.length === 0) return { kind: "done", say: [{ key: "checkin-nothing" }] };
  return { kind: "done", say: [{ key: "checkin-closed", args: { count: d.entries.length, week: displayDate(d.week) } }] };
}

const caseStep: Step<CheckinData> = {
  ask(d) {
    const say: Msg[] =
      d.entries.length === 0
        ? [{ key: pending(d).length === 0 ? "checkin-ask-case-all-checked" : "checkin-ask-case", args: { week: displayDate(d.week), cases: caseLines(d) } }]
        : [{ key: "checkin-ask-next", args: { count: d.entries.length, cases: caseLines(d) } }];
    const finishButton: ChoiceMsg[] = d.entries.length > 0 ? [{ label: { key: "btn-checkin-finish" }, value: FINISH }] : [];
    // Unchecked cases first, a button each; a channel that shows fewer offers the rest to type.
    const ordered = [...pending(d), ...d.cases.filter((c) => !pending(d).includes(c))];
    const perCase = ordered.map((c) => ({ label: { key: "checkin-case-button", args: { code: c.code } }, value: caseValue(c.id) }));
    if (perCase.length === 0) say.push({ key: "checkin-type-code" });
    const choices = [...perCase, ...finishButton];
    return { say, ...(choices.length ? { choices } : {}) };
  },
  reply(input, d) {
    if (input.kind === "choice") {
      if (input.value === FINISH) return finish(d);
      const tapped = d.cases.find((c) => caseValue(c.id) === input.value);
      if (tapped) return begin(d, tapped);
      return { kind: "invalid", say: [{ key: "checkin-case-expected" }] };
    }
    const text = answerText(input);
    if (text === undefined || !text.trim()) return { kind: "invalid", say: [{ key: "checkin-case-expected" }] };
    const code = normalizeCaseCode(text);
    const found = d.cases.find((c) => c.code === code);
    if (found) return begin(d, found);
    if (FINISH_WORDS.has(clean(text))) return finish(d);
    // "Có" goes on with the next unchecked case; "Không" stops here.
    const yes = parseYesNo(text);
    const next = pending(d)[0];
    if (yes === true && next) return begin(d, next);
    if (yes === false) return finish(d);
    return { kind: "invalid", say: [{ key: "checkin-bad-case", args: { code: text.trim().slice(0, 40), cases: d.cases.map((c) => c.code).join(", ") } }] };
  },
};

/** "Rồi", "liên hệ được", "gặp rồi": a mentor's yes; "chưa gặp": a no. */
const contactedChoices: ChoiceMsg[] = [
  { ...yesNoChoices[0]!, says: ["rồi", "liên hệ được", "có liên hệ", "gặp rồi", "đã gặp", "đã liên hệ", "gọi được", "liên lạc được", "có gặp"] },
  { ...yesNoChoices[1]!, says: ["chưa", "chưa gặp", "không liên hệ được", "chưa liên hệ được", "không gặp", "không liên lạc được", "chưa liên lạc"] },
];

const contactedStep: Step<CheckinData> = {
  ask: (d) => ({ say: [{ key: "checkin-ask-contacted", args: { code: d.current!.code } }], choices: contactedChoices, pick: true }),
  reply(input, d) {
    const yes = yesNoAnswer(input);
    if (!yes.ok) return { kind: "invalid", say: [yes.error] };
    const current = { caseId: d.current!.caseId, code: d.current!.code, contacted: yes.value };
    if (!yes.value) return { kind: "next", step: "state", data: { ...d, current: { ...current, method: null } } };
    return { kind: "next", step: "method", data: { ...d, current } };
  },
};

/** How mentors say how they reached the person ("zalo", "nhắn tin", "đến nhà"). */
const METHOD_SAYS: Record<string, string[]> = {
  in_person: ["gặp trực tiếp", "gặp", "trực tiếp", "gặp mặt", "đến gặp", "gặp ngoài đường"],
  phone: ["điện thoại", "gọi điện", "gọi", "zalo", "nhắn tin", "nhắn", "tin nhắn", "nhắn zalo", "gọi zalo"],
  family_visit: ["thăm gia đình", "đến nhà", "tới nhà", "thăm nhà", "qua nhà", "gặp gia đình", "về nhà"],
};
const methodChoices: ChoiceMsg[] = CHECKIN_METHODS.map((m) => ({ label: checkinMethodMsg(m), value: m, says: METHOD_SAYS[m] ?? [] }));

/** How mentors describe the person ("ổn", "bình thường", "vẫn ổn"). */
const STATE_SAYS: Record<string, string[]> = {
  stable: ["ổn", "ổn định", "bình thường", "tốt", "vẫn ổn", "khỏe", "không sao", "ok"],
  worrying: ["đáng lo", "có dấu hiệu", "lo", "không ổn", "có vấn đề", "dấu hiệu lạ"],
  suspected_relapse: ["tái nghiện", "nghi tái nghiện", "tái sử dụng", "nghi tái", "dùng lại"],
  unreachable: ["không liên lạc được", "mất liên lạc", "không gặp được", "không tìm được"],
};

const methodStep: Step<CheckinData> = {
  ask: (d) => ({ say: [{ key: "checkin-ask-method", args: { code: d.current!.code } }], choices: methodChoices, pick: true }),
  reply(input, d) {
    const method = pick(input, CHECKIN_METHODS, METHOD_WORDS);
    if (!method) return { kind: "invalid", say: [{ key: "checkin-bad-choice", args: { options: optionsMsg(CHECKIN_METHODS.map(checkinMethodMsg)) } }] };
    return { kind: "next", step: "state", data: { ...d, current: { ...d.current!, method } } };
  },
};

const stateStep: Step<CheckinData> = {
  ask(d) {
    const options = statesFor(d.current!.contacted ?? true);
    return {
      say: [{ key: d.current!.contacted ? "checkin-ask-state" : "checkin-ask-state-unreached", args: { code: d.current!.code } }],
      choices: options.map((s) => ({ label: checkinStateMsg(s), value: s, says: STATE_SAYS[s] ?? [] })),
      pick: true,
    };
  },
  reply(input, d) {
    const options = statesFor(d.current!.contacted ?? true);
    const state = pick(input, options, STATE_WORDS);
    if (!state) return { kind: "invalid", say: [{ key: "checkin-bad-choice", args: { options: optionsMsg(options.map(checkinStateMsg)) } }] };
    return { kind: "next", step: "note", data: { ...d, current: { ...d.current!, state } } };
  },
};

const noteStep: Step<CheckinData> = {
  ask: () => ({ say: [{ key: "checkin-ask-note", args: { max: MAX_CHECKIN_NOTE } }], choices: [skipChoice] }),
  reply(input, d) {
    const parsed = textAnswer(input, { max: MAX_CHECKIN_NOTE, optional: true });
    if (!parsed.ok) return { kind: "invalid", say: [parsed.error] };
    return { kind: "next", step: "confirm", data: { ...d, current: { ...d.current!, note: parsed.value } } };
  },
};

const confirmStep: Step<CheckinData> = {
  ask(d) {
    const c = d.current!;
    return {
      say: [
        {
          key: "checkin-summary",
          args: {
            code: c.code,
            week: displayDate(d.week),
            contacted: { key: c.contacted ? "btn-yes" : "btn-no" },
            method: c.contacted && c.method ? checkinMethodMsg(c.method) : { key: "checkin-not-contacted" },
            state: checkinStateMsg(c.state!),
            note: c.note ?? { key: "notes-none" },
          },
        },
        { key: "checkin-confirm" },
      ],
      choices: yesNoChoices,
    };
  },
  reply(input, d) {
    const yes = yesNoAnswer(input);
    if (!yes.ok) return { kind: "invalid", say: [yes.error] };
    const c = d.current!;
    if (!yes.value) {
      // Answer this case again from the first question.
      return { kind: "next", step: "contacted", data: { ...d, current: { caseId: c.caseId, code: c.code } }, say: [{ key: "checkin-redo", args: { code: c.code } }] };
    }
    const entry: CheckinEntry = { caseId: c.caseId, code: c.code, contacted: c.contacted!, method: c.contacted ? (c.method ?? null) : null, state: c.state!, note: c.note ?? null };
    const { current: _, ...rest } = d;
    const next: CheckinData = { ...rest, entries: [...d.entries.filter((e) => e.caseId !== c.caseId), entry] };
    // Stored now, so a relapse reaches the officers at once and nothing confirmed is lost if
    // the mentor stops here.
    const continuing = pending(next).length > 0;
    const save = { type: "checkin.save" as const, week: d.week, entries: [entry], continuing };
    if (!continuing) return { kind: "done", effects: [save] };
    return { kind: "next", step: "case", data: next, effects: [save] };
  },
};

/** The check-in flow's name: a mentor's reply to the week's prompt starts it (`pendingFlow`). */
export const CHECKIN_FLOW = "checkin" as const;

export const checkinFlow: Flow<CheckinData> = {
  name: CHECKIN_FLOW,
  data: CheckinData,
  async start(ctx, args) {
    if (!isMentor(ctx.person)) return { kind: "done", say: [{ key: "checkin-not-mentor" }] };
    const week = weekOf(ctx.now, ctx.timeZone);
    const cases: CaseRef[] = (await ctx.q.mentorCases(ctx.person.id, week)).map((c) => ({ id: c.id, code: c.code, checked: c.checked }));
    if (cases.length === 0) return { kind: "done", say: [{ key: "checkin-no-cases", args: { week: displayDate(week) } }] };
    const data: CheckinData = { week, cases, entries: [] };
    // `/checkin CODE` goes straight to that case; a mentor of one case needs no choice.
    const wanted = args.trim() ? cases.find((c) => c.code === normalizeCaseCode(args)) : cases.length === 1 ? cases[0] : undefined;
    if (args.trim() && !wanted) {
      return { kind: "done", say: [{ key: "checkin-bad-case-start", args: { code: args.trim().slice(0, 40), cases: cases.map((c) => c.code).join(", ") } }] };
    }
    if (wanted) return { kind: "conversation", step: "contacted", data: { ...data, current: { caseId: wanted.id, code: wanted.code } }, say: [intro(data, wanted)] };
    return { kind: "conversation", step: "case", data };
  },
  steps: { case: caseStep, contacted: contactedStep, method: methodStep, state: stateStep, note: noteStep, confirm: confirmStep },
};
