import { isOfficer } from "../../src/domain/access.ts";
import { displayPeriod, parsePeriodText, periodOf, previousPeriod } from "../../src/domain/period.ts";
import { COUNT_FIELDS } from "../../src/domain/report.ts";
import { summarizeMonth, type MonthSummary } from "../../src/domain/summary.ts";
import { displayDateTime } from "../../src/domain/time.ts";
import type { UnitInfo } from "../../src/domain/units.ts";
import type { Flow, FlowContext } from "../../src/engine/flow.ts";
import type { StoredReport } from "./queries.ts";
import { classMsg } from "../../src/domain/words.ts";
import { fieldLabel, warningMsg } from "../../src/domain/words.ts";
import type { Msg } from "../../src/engine/types.ts";

/**
 * At most this many units are named in each list of a summary, and this many warnings shown;
 * the rest are counted. With 10,000 units the summary stays a few messages (Telegram: 4,096
 * characters each), and `/tonghop <unit>` gives any one unit's figures.
 */
export const MAX_NAMED_UNITS = 30;
export const MAX_WARNINGS = 20;

function delta(now: number, before: number | undefined): Msg | string {
  if (before === undefined) return { key: "summary-delta-none" };
  const d = now - before;
  return d > 0 ? `+${d}` : d < 0 ? `−${-d}` : "±0";
}

/** "A, B, C" for the first names, and "and N more" for the rest. */
function namedUnits(units: UnitInfo[]): { units: string; more: number } {
  return { units: units.slice(0, MAX_NAMED_UNITS).map((u) => u.name).join(", "), more: Math.max(0, units.length - MAX_NAMED_UNITS) };
}

/** The officer's month summary as messages: totals, X of N, who is missing and why, warnings. */
export function summaryMessages(s: MonthSummary, locked: boolean): Msg[] {
  const say: Msg[] = [
    { key: "summary-title", args: { period: displayPeriod(s.period) } },
    { key: "summary-count", args: { submitted: s.submitted, total: s.total } },
  ];
  if (s.submitted > 0) {
    const lines: Msg[] = [{ key: "summary-totals" }];
    for (const f of COUNT_FIELDS) {
      lines.push({
        key: "summary-total-line",
        args: { label: fieldLabel(f), value: s.totals[f], delta: delta(s.totals[f], s.previousTotals?.[f]) },
      });
    }
    say.push({ key: "lines", args: { lines } });
  }
  if (s.missing.length === 0) say.push({ key: "summary-missing-none" });
  if (s.notReported.length > 0) say.push({ key: "summary-missing", args: { count: s.notReported.length, ...namedUnits(s.notReported) } });
  if (s.noHead.length > 0) say.push({ key: "summary-no-head", args: { count: s.noHead.length, ...namedUnits(s.noHead) } });
  if (s.warnings.length > 0) {
    const lines: Msg[] = [{ key: "summary-warnings" }];
    for (const w of s.warnings.slice(0, MAX_WARNINGS)) lines.push({ key: "summary-warning-line", args: { unit: w.unit.name, warning: warningMsg(w.warning) } });
    if (s.warnings.length > MAX_WARNINGS) lines.push({ key: "summary-warnings-more", args: { more: s.warnings.length - MAX_WARNINGS } });
    say.push({ key: "lines", args: { lines } });
  }
  if (locked) say.push({ key: "summary-locked" });
  if (s.total > 1) say.push({ key: "summary-unit-hint" });
  return say;
}

/** One unit's month: its class and households, whether and when it reported, each figure and its change. */
export function unitSummaryMessages(
  unit: UnitInfo,
  period: string,
  report: StoredReport | null,
  previous: StoredReport | null,
  hasHead: boolean,
  timeZone: string,
): Msg[] {
  const say: Msg[] = [
    { key: "summary-unit-title", args: { unit: unit.name, period: displayPeriod(period) } },
    { key: "summary-unit-info", args: { class: classMsg(unit.classification), households: unit.households } },
  ];
  if (unit.retiredPeriod !== undefined) say.push({ key: "summary-unit-retired", args: { period: displayPeriod(unit.retiredPeriod) } });
  if (!report) {
    say.push({ key: hasHead ? "summary-unit-missing" : "summary-unit-no-head" });
    return say;
  }
  const lines: Msg[] = [{ key: "summary-unit-sent", args: { at: displayDateTime(report.submittedAt, timeZone) } }];
  for (const f of COUNT_FIELDS) {
    lines.push({ key: "summary-total-line", args: { label: fieldLabel(f), value: report.values[f], delta: delta(report.values[f], previous?.values[f]) } });
  }
  if (report.values.notes) lines.push({ key: "summary-unit-notes", args: { notes: report.values.notes } });
  say.push({ key: "lines", args: { lines } });
  if (report.warnings.length > 0) {
    say.push({ key: "lines", args: { lines: [{ key: "summary-warnings" }, ...report.warnings.map((w) => ({ key: "list-item", args: { item: warningMsg(w) } }))] } });
  }
  return say;
}

/** What `/tonghop` was asked: a month, and maybe one unit (typed before the month, if any). */
function readArgs(args: string, current: string): { period: string; unitName: string | null } | null {
  const text = args.trim();
  if (!text) return { period: current, unitName: null };
  const whole = parsePeriodText(text);
  if (whole) return { period: whole, unitName: null };
  const words = text.split(/\s+/);
  const last = parsePeriodText(words.at(-1)!);
  if (last && words.length > 1) return { period: last, unitName: words.slice(0, -1).join(" ") };
  // Something that looks like a month but is not one (13/2026) is a mistake, not a unit's name.
  if (/^[\d/-]+$/.test(words.at(-1)!)) return null;
  return { period: current, unitName: text };
}

async function unitSummary(ctx: FlowContext, unit: UnitInfo, period: string): Promise<Msg[]> {
  const [report, previous, withHead] = await Promise.all([
    ctx.q.storedReport(unit.id, period),
    ctx.q.storedReport(unit.id, previousPeriod(period)),
    ctx.q.unitIdsWithHead(),
  ]);
  return unitSummaryMessages(unit, period, report, previous, withHead.includes(unit.id), ctx.timeZone);
}

/** `/summary [unit] [YYYY-MM]` (`/tonghop`): officers only. */
export const summaryFlow: Flow = {
  name: "summary",
  oneShot: true,
  async start(ctx, args) {
    if (!isOfficer(ctx.person)) return { kind: "done", say: [{ key: "not-allowed" }] };
    const asked = readArgs(args, periodOf(ctx.now, ctx.timeZone));
    if (!asked) return { kind: "done", say: [{ key: "summary-usage" }] };
    const { period, unitName } = asked;
    if (unitName !== null) {
      const unit = await ctx.q.unitByName(unitName, { retired: true });
      if (!unit) return { kind: "done", say: [{ key: "summary-unknown-unit", args: { unit: unitName.slice(0, 80) } }, { key: "summary-usage" }] };
      return { kind: "done", say: await unitSummary(ctx, unit, period) };
    }
    const [units, reports, previous, locked, withHead] = await Promise.all([
      ctx.q.unitsActiveIn(period),
      ctx.q.reports(period),
      ctx.q.reports(previousPeriod(period)),
      ctx.q.isLocked(period),
      ctx.q.unitIdsWithHead(),
    ]);
    return { kind: "done", say: summaryMessages(summarizeMonth(period, units, reports, previous, new Set(withHead)), locked) };
  },
  steps: {},
};
