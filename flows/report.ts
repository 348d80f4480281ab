import { canReportFor } from "../src/domain/access.ts";
import { displayPeriod, parsePeriodText, periodOf, previousPeriod } from "../src/domain/period.ts";
import { activeIn } from "../src/domain/units.ts";
import {
  checkHardRules,
  checkWarnings,
  COUNT_FIELDS,
  MAX_NOTES_LENGTH,
  REPORT_FIELDS,
  ReportValues,
  validateReport,
  type CountField,
  type PartialReport,
  type ReportField,
  type ReportWarning,
} from "../src/domain/report.ts";
import type { UnitInfo } from "../src/domain/units.ts";
import type { Flow, Step, Transition } from "../src/engine/flow.ts";
import {
  countAnswer,
  fieldLabel,
  skipChoice,
  textAnswer,
  violationMsg,
  warningMsg,
  yesNoAnswer,
  yesNoChoices,
} from "../src/engine/steps.ts";
import type { ChoiceMsg, Msg } from "../src/engine/types.ts";

/** The monthly report (DOMAIN.md): every field in order, a summary, a confirmation. */
export interface ReportData {
  unit: UnitInfo;
  period: string;
  previous: ReportValues | null;
  /** the stored report when this is a correction */
  existing: ReportValues | null;
  answers: PartialReport;
  /** warnings the head confirmed, at most one list per field */
  warnings: ReportWarning[];
  /** an answer that raised warnings, waiting for the head to confirm it */
  pending?: { field: CountField; value: number; warnings: ReportWarning[] };
  /** set while correcting one field from the summary: go back to the summary after it */
  editing?: boolean;
}

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

function countStep(field: CountField): Step<ReportData> {
  return {
    ask: (d) => question(field, d),
    reply(input, d) {
      const parsed = countAnswer(input);
      if (!parsed.ok) return { kind: "invalid", say: [parsed.error] };
      const violation = checkHardRules(field, parsed.value, d.answers, d.unit);
      if (violation) return { kind: "invalid", say: [violationMsg(violation)] };
      const warnings = checkWarnings(field, parsed.value, d.previous ?? undefined, d.unit);
      if (warnings.length > 0) {
        return { kind: "next", step: "warning", data: { ...d, pending: { field, value: parsed.value, warnings } } };
      }
      return afterField(accept(d, field, parsed.value, []), field);
    },
  };
}

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
    if (!yes.ok) return { kind: "invalid", say: [yes.error] };
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
    const n = countAnswer(input);
    const field = n.ok ? REPORT_FIELDS[n.value - 1] : undefined;
    if (!field) return { kind: "invalid", say: [{ key: "report-pick-field-invalid", args: { count } }] };
    return { kind: "next", step: field, data: { ...d, editing: true } };
  },
};

export const reportFlow: Flow<ReportData> = {
  name: "report",
  async start(ctx, args) {
    const { person } = ctx;
    if (person.unitId === null || !canReportFor(person, person.unitId)) {
      return { kind: "done", say: [{ key: "report-not-head" }] };
    }
    const current = periodOf(ctx.now, ctx.timeZone);
    const period = args.trim() ? parsePeriodText(args) : current;
    if (!period || (period !== current && period !== previousPeriod(current))) {
      return { kind: "done", say: [{ key: "report-bad-period", args: { example: displayPeriod(current) } }] };
    }
    if (await ctx.q.isLocked(period)) {
      return { kind: "done", say: [{ key: "report-locked", args: { period: displayPeriod(period) } }] };
    }
    const unit = await ctx.q.unit(person.unitId);
    if (!unit) return { kind: "done", say: [{ key: "report-not-head" }] };
    // A retired unit reports no more; its earlier months stay as they were.
    if (!activeIn(unit, period)) return { kind: "done", say: [{ key: "report-unit-retired", args: { unit: unit.name, period: displayPeriod(unit.retiredPeriod!) } }] };
    const existing = await ctx.q.report(unit.id, period);
    const previous = await ctx.q.report(unit.id, previousPeriod(period));
    const args_ = { period: displayPeriod(period), unit: unit.name, count };
    return {
      kind: "conversation",
      step: COUNT_FIELDS[0],
      data: { unit, period, previous, existing, answers: {}, warnings: [] },
      say: [{ key: existing ? "report-start-correction" : "report-start", args: args_ }],
    };
  },
  steps: {
    ...Object.fromEntries(COUNT_FIELDS.map((f) => [f, countStep(f)])),
    notes: notesStep,
    warning: warningStep,
    confirm: confirmStep,
    pick: pickStep,
  },
};

