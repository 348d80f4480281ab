import { z } from "zod";
import { canReportFor } from "../../src/domain/access.ts";
import { displayPeriod, parsePeriodText, periodOf, previousPeriod } from "../../src/domain/period.ts";
import { activeIn } from "../../src/domain/units.ts";
import {
  checkHardRules,
  checkWarnings,
  COUNT_FIELDS,
  MAX_NOTES_LENGTH,
  REPORT_FIELDS,
  ReportValues,
  ReportWarningSchema,
  validateReport,
  type CountField,
  type PartialReport,
  type ReportField,
  type ReportWarning,
} from "../../src/domain/report.ts";
import { Classification } from "../../src/domain/units.ts";
import type { Flow, FlowContext, Start, Step, Transition } from "../../src/engine/flow.ts";
import { pickUnitStep, savedUnitStart, SavedMsg } from "./report-unit.ts";
import { countAnswer, skipChoice, textAnswer, yesNoAnswer, yesNoChoices } from "../../src/engine/steps.ts";
import { fieldLabel, violationMsg, warningMsg } from "../../src/domain/words.ts";
import type { ChoiceMsg, InboundContent, Msg } from "../../src/engine/types.ts";
import { answerText } from "../../src/engine/flow.ts";
import { understandChoice, type ChoiceOption } from "../../src/domain/understand/choice.ts";
import { normalize, trimPoliteness, words } from "../../src/domain/understand/normalize.ts";

/** A unit as the report keeps it between steps (`UnitInfo`). */
const SavedUnit = z.object({
  id: z.number().int(),
  name: z.string(),
  households: z.number().int().min(0),
  classification: Classification,
  retiredPeriod: z.string().optional(),
});

const SavedCountField = z.enum(COUNT_FIELDS);

/** A value another feature suggests (`ReportSuggestion` of queries.ts), as saved. */
const SavedSuggestion = z.object({ field: SavedCountField, value: z.number().int().min(0), source: SavedMsg });

/** The monthly report's data for one unit, before a unit is picked among several. */
const UnitReportData = z.object({
  unit: SavedUnit,
  /** YYYY-MM */
  period: z.string().regex(/^\d{4}-\d{2}$/),
  previous: ReportValues.nullable(),
  /** the stored report when this is a correction */
  existing: ReportValues.nullable(),
  answers: ReportValues.partial(),
  /** warnings the head confirmed, at most one list per field */
  warnings: z.array(ReportWarningSchema),
  /** an answer that raised warnings, waiting for the head to confirm it */
  pending: z.object({ field: SavedCountField, value: z.number().int(), warnings: z.array(ReportWarningSchema) }).optional(),
  /** set while correcting one field from the summary: go back to the summary after it */
  editing: z.boolean().optional(),
  /** a hedged count ("hơn 3") waiting for the head to confirm it */
  asking: z.object({ field: SavedCountField, value: z.number().int() }).optional(),
  /** values other features know for fields of a new report, offered with their source */
  suggested: z.array(SavedSuggestion).optional(),
});

/**
 * The monthly report (DOMAIN.md): every field in order, a summary, a confirmation. The schema is
 * checked when a saved report conversation is loaded; the type is read from it so they cannot drift.
 */
export const ReportData = UnitReportData.extend({
  /** the units to choose from, for a person who reports for several (each one's data has none) */
  pickUnits: z.array(savedUnitStart(UnitReportData)).optional(),
});
export type ReportData = z.infer<typeof ReportData>;

/**
 * Every way a head names a field when choosing what to correct: its number in the summary, its
 * name in DOMAIN.md, the short forms people use, and the key.
 */
export const reportFieldOptions: ChoiceOption[] = [
  { value: "addicts", says: ["Số người nghiện có hồ sơ quản lý", "người nghiện", "nghiện", "có hồ sơ", "hồ sơ quản lý"] },
  { value: "suspected", says: ["Số người nghi nghiện", "nghi nghiện"] },
  { value: "newCases", says: ["Số người nghiện phát sinh mới", "phát sinh mới", "phát sinh", "mới phát sinh"] },
  { value: "familyRehab", says: ["Số người cai nghiện tại gia đình, cộng đồng", "cai tại gia đình", "cai nghiện", "cai tại cộng đồng"] },
  { value: "compulsoryReferrals", says: ["Số hồ sơ đề nghị cai nghiện bắt buộc", "bắt buộc", "cai bắt buộc", "đề nghị cai"] },
  { value: "relapses", says: ["Số người tái nghiện", "tái nghiện"] },
  { value: "householdsCommitted", says: ["Số hộ đã ký cam kết", "cam kết", "hộ ký cam kết", "số hộ", "hộ cam kết"] },
  { value: "propagandaSessions", says: ["Số buổi tuyên truyền", "tuyên truyền", "buổi tuyên truyền"] },
  { value: "incidents", says: ["Số vụ việc liên quan ma túy", "vụ việc", "số vụ"] },
  { value: "suspectedSpots", says: ["Số điểm nghi mua bán, sử dụng", "điểm nghi", "tụ điểm"] },
  { value: "notes", says: ["Kiến nghị, đề xuất", "kiến nghị", "đề xuất", "ghi chú"] },
];

/** The field a head named ("sửa mục 8", "8", "tám", "tuyên truyền"), if exactly one. */
function fieldNamed(input: InboundContent): ReportField | undefined {
  const text = answerText(input);
  if (text === undefined) return undefined;
  const u = understandChoice(text, reportFieldOptions);
  return u.kind === "match" ? (u.value as ReportField) : undefined;
}

/** "Giữ nguyên" typed instead of tapped: keep the value the field has. */
const KEEP_WORDS = new Set(["giu nguyen", "giu", "nhu cu", "khong doi", "van vay", "van the", "nhu thang truoc", "keep", "giu nhu cu", "de nguyen"]);

const KEEP_NOTES = "keep";
const count = REPORT_FIELDS.length;
const indexOf = (field: ReportField) => REPORT_FIELDS.indexOf(field) + 1;

function question(field: ReportField, d: ReportData): { say: Msg[]; choices?: ChoiceMsg[] } {
  const key = field === "notes" ? "report-question-notes" : "report-question";
  const say: Msg[] = [{ key, args: { index: indexOf(field), count, label: fieldLabel(field) } }];
  const choices: ChoiceMsg[] = [];
  const current = d.answers[field] ?? d.existing?.[field];
  if (field === "notes") {
    if (current) {
      say.push({ key: "report-question-current", args: { value: current } });
      choices.push({ label: { key: "btn-keep", args: { value: "…" } }, value: KEEP_NOTES });
    }
    choices.push(skipChoice);
  } else if (current !== undefined && current !== null) {
    say.push({ key: "report-question-current", args: { value: current } });
    choices.push({ label: { key: "btn-keep", args: { value: current } }, value: String(current) });
  } else {
    const suggested = d.suggested?.find((s) => s.field === field);
    if (suggested) {
      say.push({ key: "report-question-suggested", args: { value: suggested.value, source: suggested.source } });
      choices.push({ label: { key: "btn-keep", args: { value: suggested.value } }, value: String(suggested.value) });
    }
  }
  return { say, ...(choices.length ? { choices } : {}) };
}

/** After a field is settled: the next field, or the summary. */
function afterField(d: ReportData, field: ReportField): Transition<ReportData> {
  const next = REPORT_FIELDS[REPORT_FIELDS.indexOf(field) + 1];
  if (!d.editing && next) return { kind: "next", step: next, data: d };
  // A corrected field can break a rule with a later one: ask the later one again.
  const full = ReportValues.safeParse(d.answers);
  if (full.success) {
    const broken = validateReport(full.data, d.unit)[0];
    if (broken) return { kind: "next", step: broken.field, data: { ...d, editing: true }, say: [violationMsg(broken)] };
  }
  return { kind: "next", step: "confirm", data: { ...d, editing: false } };
}

function accept(d: ReportData, field: CountField, value: number, warnings: ReportWarning[]): ReportData {
  const { pending: _, ...rest } = d;
  return {
    ...rest,
    answers: { ...d.answers, [field]: value },
    warnings: [...d.warnings.filter((w) => w.field !== field), ...warnings],
  };
}

/** A count for `field`, checked against the rules: taken, warned about, or refused. */
function takeCount(field: CountField, value: number, d: ReportData): Transition<ReportData> {
  const violation = checkHardRules(field, value, d.answers, d.unit);
  if (violation) return { kind: "invalid", say: [violationMsg(violation)] };
  const warnings = checkWarnings(field, value, d.previous ?? undefined, d.unit);
  if (warnings.length > 0) return { kind: "next", step: "warning", data: { ...d, pending: { field, value, warnings } } };
  return afterField(accept(d, field, value, []), field);
}

function countStep(field: CountField): Step<ReportData> {
  return {
    ask: (d) => question(field, d),
    reply(input, d) {
      const current = d.answers[field] ?? d.existing?.[field];
      const text = answerText(input);
      if (current !== undefined && current !== null && text !== undefined && KEEP_WORDS.has(trimPoliteness(words(normalize(text))).join(" "))) {
        return takeCount(field, current, d);
      }
      const parsed = countAnswer(input);
      if (parsed.ok === "confirm") return { kind: "next", step: "check", data: { ...d, asking: { field, value: parsed.value } } };
      if (!parsed.ok) return { kind: "invalid", say: [parsed.error] };
      return takeCount(field, parsed.value, d);
    },
  };
}

/** "Ý bạn là 3 phải không?" after a hedged count ("hơn 3"): never a guess. */
const checkStep: Step<ReportData> = {
  ask: (d) => ({ say: [{ key: "count-confirm", args: { value: d.asking?.value ?? 0 } }], choices: yesNoChoices }),
  reply(input, d) {
    const { asking, ...rest } = d;
    if (!asking) return { kind: "next", step: "confirm", data: rest };
    const yes = yesNoAnswer(input);
    if (!yes.ok) {
      // Typing the number itself answers it too.
      const typed = countAnswer(input);
      if (typed.ok === true) return takeCount(asking.field, typed.value, rest);
      return { kind: "invalid", say: [yes.error] };
    }
    return yes.value ? takeCount(asking.field, asking.value, rest) : { kind: "next", step: asking.field, data: rest };
  },
};

const notesStep: Step<ReportData> = {
  ask: (d) => question("notes", d),
  reply(input, d) {
    if (input.kind === "choice" && input.value === KEEP_NOTES) {
      return afterField({ ...d, answers: { ...d.answers, notes: d.answers.notes ?? d.existing?.notes ?? null } }, "notes");
    }
    const parsed = textAnswer(input, { max: MAX_NOTES_LENGTH, optional: true });
    if (!parsed.ok) return { kind: "invalid", say: [parsed.error] };
    return afterField({ ...d, answers: { ...d.answers, notes: parsed.value } }, "notes");
  },
};

const warningStep: Step<ReportData> = {
  ask: (d) => ({ say: [...(d.pending?.warnings ?? []).map(warningMsg), { key: "warn-confirm" }], choices: yesNoChoices }),
  reply(input, d) {
    const pending = d.pending;
    if (!pending) return { kind: "next", step: "confirm", data: d };
    const yes = yesNoAnswer(input);
    if (!yes.ok) return { kind: "invalid", say: [yes.error] };
    if (!yes.value) {
      const { pending: _, ...rest } = d;
      return { kind: "next", step: pending.field, data: rest };
    }
    return afterField(accept(d, pending.field, pending.value, pending.warnings), pending.field);
  },
};

function summaryLines(d: ReportData): Msg[] {
  return REPORT_FIELDS.map((field, i) => {
    const value = d.answers[field];
    return {
      key: "report-summary-line",
      args: { index: i + 1, label: fieldLabel(field), value: value === null || value === undefined ? { key: "notes-none" } : value },
    };
  });
}

const confirmStep: Step<ReportData> = {
  ask(d) {
    const say: Msg[] = [
      { key: "report-summary-title", args: { period: displayPeriod(d.period), unit: d.unit.name } },
      { key: "lines", args: { lines: summaryLines(d) } },
    ];
    if (d.warnings.length > 0) {
      say.push({ key: "lines", args: { lines: [{ key: "report-summary-warnings" }, ...d.warnings.map(warningMsg)] } });
    }
    say.push({ key: "report-confirm" });
    return { say, choices: yesNoChoices };
  },
  reply(input, d) {
    const yes = yesNoAnswer(input);
    // "sửa mục 8", "8", "tuyên truyền": straight to that field, then back to the summary.
    const field = yes.ok && yes.value ? undefined : fieldNamed(input);
    if (field) return { kind: "next", step: field, data: { ...d, editing: true } };
    if (!yes.ok) {
      // Only the choice is asked again, not the whole summary.
      return { kind: "invalid", say: [{ key: "report-confirm-unclear", args: { count } }], ask: { say: [], choices: yesNoChoices } };
    }
    if (!yes.value) return { kind: "next", step: "pick", data: d };
    const values = ReportValues.parse({ notes: null, ...d.answers });
    return {
      kind: "done",
      effects: [{ type: "report.submit", unitId: d.unit.id, period: d.period, values, warnings: d.warnings }],
    };
  },
};

const pickStep: Step<ReportData> = {
  ask: () => ({ say: [{ key: "report-pick-field", args: { count } }] }),
  reply(input, d) {
    const field = fieldNamed(input);
    if (!field) {
      const yes = yesNoAnswer(input);
      // "thôi", "không sửa nữa": back to the summary.
      if (yes.ok) return { kind: "next", step: "confirm", data: d };
      return { kind: "invalid", say: [{ key: "report-pick-field-invalid", args: { count } }] };
    }
    return { kind: "next", step: field, data: { ...d, editing: true } };
  },
};

/** The report flow's name: a head's reply to the month's prompt starts it (`pendingFlow`). */
export const REPORT_FLOW = "report" as const;

export const reportFlow: Flow<ReportData> = {
  name: REPORT_FLOW,
  data: ReportData,
  async start(ctx, args) {
    // Every unit the person reports for (head or deputy); with several, they pick one.
    const unitIds = ctx.person.headOf.filter((id) => canReportFor(ctx.person, id));
    if (unitIds.length === 0) return { kind: "done", say: [{ key: "report-not-head" }] };
    if (unitIds.length === 1) return startFor(ctx, args, unitIds[0]!);
    const starts = await Promise.all(unitIds.map((id) => startFor(ctx, args, id)));
    const pickUnits = starts.flatMap((s) => (s.kind === "conversation" ? [{ name: s.data.unit.name, step: s.step, data: s.data, ...(s.say ? { say: s.say } : {}) }] : []));
    if (pickUnits.length <= 1) return starts.find((s) => s.kind === "conversation") ?? starts[0]!;
    return { kind: "conversation", step: "unit", data: { ...pickUnits[0]!.data, pickUnits } };
  },
  steps: {
    unit: pickUnitStep<ReportData>(),
    ...Object.fromEntries(COUNT_FIELDS.map((f) => [f, countStep(f)])),
    notes: notesStep,
    warning: warningStep,
    confirm: confirmStep,
    pick: pickStep,
    check: checkStep,
  },
};

/** How a report of one unit starts: the checks of the month, then the questions or the correction. */
async function startFor(ctx: FlowContext, args: string, unitId: number): Promise<Start<ReportData>> {
  const current = periodOf(ctx.now, ctx.timeZone);
  const period = args.trim() ? parsePeriodText(args) : current;
  if (!period || (period !== current && period !== previousPeriod(current))) {
    return { kind: "done", say: [{ key: "report-bad-period", args: { example: displayPeriod(current) } }] };
  }
  if (await ctx.q.isLocked(period)) {
    return { kind: "done", say: [{ key: "report-locked", args: { period: displayPeriod(period) } }] };
  }
  const unit = await ctx.q.unit(unitId);
  if (!unit) return { kind: "done", say: [{ key: "report-not-head" }] };
  // A retired unit reports no more; its earlier months stay as they were.
  if (!activeIn(unit, period)) return { kind: "done", say: [{ key: "report-unit-retired", args: { unit: unit.name, period: displayPeriod(unit.retiredPeriod!) } }] };
  const existing = await ctx.q.report(unit.id, period);
  const previous = await ctx.q.report(unit.id, previousPeriod(period));
  const args_ = { period: displayPeriod(period), unit: unit.name, count };
  if (existing) {
    // A second /baocao in the month: the stored report, and "which one to change?"
    return {
      kind: "conversation",
      step: "confirm",
      data: { unit, period, previous, existing, answers: { ...existing }, warnings: [] },
      say: [{ key: "report-start-correction", args: args_ }],
    };
  }
  const suggested = await ctx.q.reportSuggestions(unit.id, period);
  return {
    kind: "conversation",
    step: COUNT_FIELDS[0],
    data: { unit, period, previous, existing, answers: {}, warnings: [], ...(suggested.length ? { suggested } : {}) },
    say: [{ key: "report-start", args: args_ }],
  };
}

