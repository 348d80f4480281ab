import { z } from "zod";
import { isOfficer } from "../../src/domain/access.ts";
import { Channel } from "../../src/domain/roles.ts";
import { fold, isSkip } from "../../src/domain/text.ts";
import { normalizeTipCode, TIP_LIMITS, TipCategory } from "../../src/domain/tips.ts";
import { answerText, type Flow, type Step, type Transition } from "../../src/engine/flow.ts";
import { textAnswer, yesNoAnswer, yesNoChoices, skipChoice } from "../../src/engine/steps.ts";
import type { ChoiceMsg, InboundContent, Msg } from "../../src/engine/types.ts";
import { unitAnswer, UnitRef } from "../units/choose-unit.ts";
import { officerTipView } from "./officer-flows.ts";
import { tipLines } from "./tip-lines.ts";

/**
 * A tip as it is being told: each answer kept until the tipster confirms; `code` alone when the
 * tipster is answering an officer's question about their tip. Every key may be absent (the tip
 * starts empty), so the object is strict: a key this version does not know means another shape.
 */
export const TipDraft = z.strictObject({
  category: TipCategory.optional(),
  description: z.string().optional(),
  placeText: z.string().nullable().optional(),
  location: z.object({ latitude: z.number(), longitude: z.number() }).nullable().optional(),
  whenText: z.string().nullable().optional(),
  photo: z.object({ channel: Channel, fileId: z.string() }).nullable().optional(),
  anonymous: z.boolean().optional(),
  contact: z.string().nullable().optional(),
  code: z.string().optional(),
  /** the units to choose from, loaded when the tip starts; empty: the unit question is not asked */
  units: z.array(UnitRef).optional(),
  /** the neighbourhood where it happened, as the tipster chose it; null: not known or skipped */
  unit: UnitRef.nullable().optional(),
});
export type TipDraft = z.infer<typeof TipDraft>;

/** How residents name each category, beside the buttons' words ("hút chích", "bán ma túy"). */
const CATEGORY_SAYS: Record<TipCategory, string[]> = {
  dealing: ["mua bán", "buôn bán", "bán ma túy", "mua bán ma túy", "bán", "buôn"],
  using: ["sử dụng", "sử dụng ma túy", "tụ tập", "nghiện", "hút chích", "chích", "hút", "chơi ma túy"],
  spot: ["điểm nghi", "điểm nghi vấn", "địa điểm", "tụ điểm", "ổ"],
  person: ["đối tượng", "đối tượng khả nghi", "người lạ", "khả nghi", "người khả nghi"],
  other: ["khác", "cái khác", "việc khác"],
};
export const categoryChoices: ChoiceMsg[] = TipCategory.options.map((c) => ({ label: { key: `tip-cat-${c}` }, value: c, says: CATEGORY_SAYS[c] }));
const CATEGORY_WORDS: Record<string, TipCategory> = {
  "mua ban": "dealing", "ban": "dealing", dealing: "dealing",
  "su dung, tu tap": "using", "su dung": "using", "tu tap": "using", using: "using",
  "diem nghi": "spot", spot: "spot",
  "doi tuong kha nghi": "person", "doi tuong": "person", person: "person",
  khac: "other", other: "other",
};
export const identityChoices: ChoiceMsg[] = [
  { label: { key: "btn-anonymous" }, value: "anonymous", says: ["giấu tên", "ẩn danh", "giữ kín", "không để tên", "không cần tên", "không ghi tên", "bí mật"] },
  { label: { key: "btn-named" }, value: "named", says: ["để lại tên", "có tên", "để tên", "ghi tên", "cho tên"] },
];

const invalid = (key: string, args?: Msg["args"]): Transition<TipDraft> => ({ kind: "invalid", say: [{ key, ...(args ? { args } : {}) }] });

const categoryStep: Step<TipDraft> = {
  ask: () => ({ say: [{ key: "tip-q-category" }], choices: categoryChoices, pick: true }),
  reply(input, d) {
    const text = answerText(input);
    const category = text === undefined ? undefined : TipCategory.safeParse(text).success ? (text as TipCategory) : CATEGORY_WORDS[fold(text)];
    if (!category) return invalid("tip-err-choice");
    return { kind: "next", step: "description", data: { ...d, category } };
  },
};

const descriptionStep: Step<TipDraft> = {
  ask: () => ({ say: [{ key: "tip-q-description" }] }),
  reply(input, d) {
    const parsed = textAnswer(input, { max: TIP_LIMITS.descriptionMax, optional: false });
    if (!parsed.ok) return { kind: "invalid", say: [parsed.error] };
    if (parsed.value!.length < TIP_LIMITS.descriptionMin) return invalid("tip-err-desc-short", { min: TIP_LIMITS.descriptionMin });
    return { kind: "next", step: "place", data: { ...d, description: parsed.value! } };
  },
};

/** After the place, the unit question, unless there is no unit to name. */
const afterPlace = (d: TipDraft) => (d.units?.length ? "unit" : "when");

const placeStep: Step<TipDraft> = {
  ask: () => ({ say: [{ key: "tip-q-place" }], choices: [skipChoice] }),
  reply(input, d) {
    if (input.kind === "location") {
      return { kind: "next", step: afterPlace(d), data: { ...d, location: { latitude: input.latitude, longitude: input.longitude }, placeText: null } };
    }
    const parsed = textAnswer(input, { max: TIP_LIMITS.placeMax, optional: true });
    if (!parsed.ok) return parsed.error.key === "expect-text" ? invalid("tip-err-place") : { kind: "invalid", say: [parsed.error] };
    return { kind: "next", step: afterPlace(d), data: { ...d, placeText: parsed.value, location: null } };
  },
};

/** The "not known / skip" button of the unit question. */
export const unitUnknownChoice: ChoiceMsg = { label: { key: "btn-tip-unit-unknown" }, value: "skip", says: ["không rõ", "không biết", "bỏ qua"] };

/**
 * Which neighbourhood it happened in: a button per unit (all of them: channels render overflow),
 * the name typed, or "không rõ". Where it happened, never where the tipster lives: nothing fills it in.
 */
const unitStep: Step<TipDraft> = {
  ask: (d) => ({
    say: [{ key: "tip-q-unit" }],
    choices: [...(d.units ?? []).map((u) => ({ label: { key: "unit-button", args: { unit: u.name } }, value: `unit:${u.id}` })), unitUnknownChoice],
  }),
  reply(input, d) {
    const units = d.units ?? [];
    const skip = { kind: "next", step: "when", data: { ...d, unit: null } } as const;
    if (input.kind === "choice" && input.value === unitUnknownChoice.value) return skip;
    const answer = unitAnswer(input, units);
    if (answer.ok && answer.unit) return { kind: "next", step: "when", data: { ...d, unit: answer.unit } };
    const text = answerText(input);
    if (text !== undefined && isSkip(text)) return skip;
    const names = units.map((u) => u.name).join(", ");
    if (!answer.ok && answer.reason === "unknown") return invalid("tip-err-unit-unknown", { unit: answer.typed, units: names });
    return invalid("tip-err-unit", { units: names });
  },
};

const whenStep: Step<TipDraft> = {
  ask: () => ({ say: [{ key: "tip-q-when" }], choices: [skipChoice] }),
  reply(input, d) {
    const parsed = textAnswer(input, { max: TIP_LIMITS.whenMax, optional: true });
    if (!parsed.ok) return { kind: "invalid", say: [parsed.error] };
    return { kind: "next", step: "photo", data: { ...d, whenText: parsed.value } };
  },
};

const photoStep: Step<TipDraft> = {
  ask: () => ({ say: [{ key: "tip-q-photo" }], choices: [skipChoice] }),
  reply(input, d) {
    if (input.kind === "photo") {
      if (input.size !== undefined && input.size > TIP_LIMITS.photoMaxBytes) return invalid("tip-err-photo-large", { mb: TIP_LIMITS.photoMaxBytes / 1024 / 1024 });
      return { kind: "next", step: "identity", data: { ...d, photo: input.ref } };
    }
    const text = answerText(input);
    if (text !== undefined && isSkip(text)) return { kind: "next", step: "identity", data: { ...d, photo: null } };
    return invalid("tip-err-photo");
  },
};

const identityStep: Step<TipDraft> = {
  ask: () => ({ say: [{ key: "tip-q-identity" }], choices: identityChoices, pick: true }),
  reply(input, d) {
    const text = answerText(input);
    const f = text === undefined ? "" : fold(text);
    if (["anonymous", "an danh", "giu kin"].includes(f)) return { kind: "next", step: "confirm", data: { ...d, anonymous: true, contact: null } };
    if (["named", "de lai ten", "co ten", "ten"].includes(f)) return { kind: "next", step: "contact", data: { ...d, anonymous: false } };
    return invalid("tip-err-choice");
  },
};

const contactStep: Step<TipDraft> = {
  ask: () => ({ say: [{ key: "tip-q-contact" }] }),
  reply(input, d) {
    const parsed = textAnswer(input, { max: TIP_LIMITS.contactMax, optional: false });
    if (!parsed.ok) return { kind: "invalid", say: [parsed.error] };
    return { kind: "next", step: "confirm", data: { ...d, contact: parsed.value } };
  },
};

const confirmStep: Step<TipDraft> = {
  ask: (d) => ({
    say: [{ key: "tip-summary" }, { key: "lines", args: { lines: tipLines({ ...d, unitName: d.units?.length ? (d.unit?.name ?? null) : undefined, hasPhoto: Boolean(d.photo) }) } }, { key: "tip-confirm" }],
    choices: yesNoChoices,
  }),
  reply(input, d) {
    const yes = yesNoAnswer(input);
    if (!yes.ok) return { kind: "invalid", say: [yes.error] };
    if (!yes.value) return { kind: "done", say: [{ key: "tip-not-sent" }] };
    return {
      kind: "done",
      effects: [
        {
          type: "tip.create",
          tip: {
            category: d.category!,
            description: d.description!,
            placeText: d.placeText ?? null,
            location: d.location ?? null,
            whenText: d.whenText ?? null,
            photo: d.photo ?? null,
            anonymous: d.anonymous !== false,
            contact: d.contact ?? null,
            unitId: d.unit?.id ?? null,
          },
        },
      ],
    };
  },
};

/** Answering an officer's question about one's own tip. */
const answerStep: Step<TipDraft> = {
  ask: () => ({ say: [{ key: "tip-q-answer" }] }),
  reply(input: InboundContent, d) {
    const parsed = textAnswer(input, { max: TIP_LIMITS.answerMax, optional: false });
    if (!parsed.ok) return { kind: "invalid", say: [parsed.error] };
    return { kind: "done", effects: [{ type: "tip.answer", code: d.code!, text: parsed.value! }] };
  },
};

/**
 * `/tip` (`/tobao`): anyone sends a tip, anonymous by default. `/tip CODE`: the tipster sees its
 * status and answers a question waiting for them; an officer sees the tip itself.
 */
export const tipFlow: Flow<TipDraft> = {
  name: "tip",
  data: TipDraft,
  async start(ctx, args) {
    if (args.trim()) {
      const code = normalizeTipCode(args);
      if (!code) return { kind: "done", say: [{ key: "tip-usage" }] };
      if (isOfficer(ctx.person)) return { kind: "done", say: await officerTipView(ctx, code) };
      const mine = await ctx.q.tips.mine(code, ctx.person.id);
      if (!mine) return { kind: "done", say: [{ key: "tip-not-found", args: { code } }] };
      const say: Msg[] = [{ key: "tip-mine", args: { code, status: { key: `tip-status-${mine.status}` } } }];
      if (!mine.question) return { kind: "done", say };
      say.push({ key: "tip-mine-question", args: { question: mine.question } });
      return { kind: "conversation", step: "answer", data: { code }, say };
    }
    const refusal = await ctx.q.tips.refusal(ctx.person.id, ctx.now);
    if (refusal) return { kind: "done", say: [{ key: `tip-refused-${refusal}`, args: { max: TIP_LIMITS.perHour } }] };
    // Every unit in service, to ask where it happened: the tipster's own unit is never assumed.
    const units = (await ctx.q.units()).map((u) => ({ id: u.id, name: u.name }));
    return { kind: "conversation", step: "category", data: { units }, say: [{ key: "tip-start" }] };
  },
  steps: {
    category: categoryStep,
    description: descriptionStep,
    place: placeStep,
    unit: unitStep,
    when: whenStep,
    photo: photoStep,
    identity: identityStep,
    contact: contactStep,
    confirm: confirmStep,
    answer: answerStep,
  },
};

/**
 * The reply that follows an officer's question: any message, after the question arrived, is the
 * answer (the engine starts this flow with that message as `args`).
 */
export const tipReplyFlow: Flow = {
  name: "tipreply",
  takesReply: true,
  awaitsReply: async (ctx) => (await ctx.q.tips.openQuestion(ctx.person.id)) !== null,
  async start(ctx, args) {
    const open = await ctx.q.tips.openQuestion(ctx.person.id);
    const text = args.trim();
    if (!open || !text) return { kind: "done", say: [{ key: "not-understood" }] };
    if (text.length > TIP_LIMITS.answerMax) return { kind: "done", say: [{ key: "err-too-long", args: { max: TIP_LIMITS.answerMax } }] };
    return { kind: "done", effects: [{ type: "tip.answer", code: open.code, text }] };
  },
  steps: {},
};
