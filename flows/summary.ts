import { isOfficer } from "../src/domain/access.ts";
import { displayPeriod, parsePeriodText, periodOf, previousPeriod } from "../src/domain/period.ts";
import { COUNT_FIELDS } from "../src/domain/report.ts";
import { summarizeMonth, type MonthSummary } from "../src/domain/summary.ts";
import type { Flow } from "../src/engine/flow.ts";
import { fieldLabel, warningMsg } from "../src/engine/steps.ts";
import type { Msg } from "../src/engine/types.ts";

function delta(now: number, before: number | undefined): Msg | string {
  if (before === undefined) return { key: "summary-delta-none" };
  const d = now - before;
  return d > 0 ? `+${d}` : d < 0 ? `−${-d}` : "±0";
}

/** The officer's month summary as messages. */
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
  say.push(
    s.missing.length > 0
      ? { key: "summary-missing", args: { units: s.missing.map((u) => u.name).join(", ") } }
      : { key: "summary-missing-none" },
  );
  if (s.warnings.length > 0) {
    const lines: Msg[] = [{ key: "summary-warnings" }];
    for (const w of s.warnings) lines.push({ key: "summary-warning-line", args: { unit: w.unit.name, warning: warningMsg(w.warning) } });
    say.push({ key: "lines", args: { lines } });
  }
  if (locked) say.push({ key: "summary-locked" });
  return say;
}

/** `/summary [YYYY-MM]` (`/tonghop`): officers only. */
export const summaryFlow: Flow = {
  name: "summary",
  oneShot: true,
  async start(ctx, args) {
    if (!isOfficer(ctx.person)) return { kind: "done", say: [{ key: "not-allowed" }] };
    const period = args.trim() ? parsePeriodText(args) : periodOf(ctx.now, ctx.timeZone);
    if (!period) return { kind: "done", say: [{ key: "summary-usage" }] };
    const [units, reports, previous, locked] = await Promise.all([
      ctx.q.units(),
      ctx.q.reports(period),
      ctx.q.reports(previousPeriod(period)),
      ctx.q.isLocked(period),
    ]);
    return { kind: "done", say: summaryMessages(summarizeMonth(period, units, reports, previous), locked) };
  },
  steps: {},
};
