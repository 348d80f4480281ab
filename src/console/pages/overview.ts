import type { Request, Response, Router } from "express";
import { type GreenState } from "../../domain/green-zone.ts";
import { displayPeriod, periodOf, previousPeriod } from "../../domain/period.ts";
import { COUNT_FIELDS, type ReportWarning } from "../../domain/report.ts";
import { sumCounts, type ReportOfUnit, type Totals } from "../../domain/summary.ts";
import { displayDateTime } from "../../domain/time.ts";
import { Classification, type UnitInfo } from "../../domain/units.ts";
import { classMsg, fieldLabel, warningMsg } from "../../domain/words.ts";
import { firstRunInMonth } from "../../scheduler/schedule.ts";
import { isLocked, reportsOf } from "../../store/reports.ts";
import { unitIdsWithHead, unitsActiveIn } from "../../store/units.ts";
import type { ConsoleDeps } from "../deps.ts";
import { candidateFor, loadGreenHistory, shiftPeriod, shownStreak, STREAK_MONTHS } from "../green-data.ts";
import { html } from "../html.ts";
import { page } from "../layout.ts";
import { delta, readMonth, stateBadge } from "../parts.ts";
import { locals, unitScope } from "../session.ts";

/** A unit's standing in the month: reported, not yet, or nobody can report (no head). */
export type UnitStatus = "filed" | "missing" | "no-head";
const STATUSES = ["filed", "missing", "no-head", "late"] as const;
type StatusFilter = (typeof STATUSES)[number];

/** One row of the overview. */
export interface OverviewRow {
  unit: UnitInfo;
  classification: Classification;
  status: UnitStatus;
  report: ReportOfUnit | null;
  /** filed after the deadline, or still missing once it passed */
  late: boolean;
  state: GreenState;
  streak: number;
  candidate: boolean;
  warnings: ReportWarning[];
}

/**
 * What needs action first: nobody to report, overdue, a clean unit at risk, filed late, warnings,
 * not yet due, not green; green last. Ties by name.
 */
export function urgency(row: OverviewRow): number {
  if (row.status === "no-head") return 0;
  if (row.status === "missing" && row.late) return 1;
  if (row.state === "at-risk") return 2;
  if (row.late) return 3;
  if (row.warnings.length > 0) return 4;
  if (row.status === "missing") return 5;
  if (row.state === "not-green") return 6;
  return 7;
}

/** The report deadline of a month: the first time the escalation job runs in it (default the 26th, 08:00). */
function deadlineOf(deps: ConsoleDeps, period: string): Date | null {
  return firstRunInMonth(deps.schedule.times["report-escalation"] ?? [], period, deps.timeZone);
}

function totalsOf(reports: ReportOfUnit[], scope: ReadonlySet<number> | null): Totals | null {
  const mine = reports.filter((r) => !scope || scope.has(r.unitId));
  return mine.length ? sumCounts(mine) : null;
}

async function overview(deps: ConsoleDeps, req: Request, res: Response) {
  const { t, viewer, now } = locals(res);
  const scope = unitScope(viewer);
  const current = periodOf(now, deps.timeZone);
  const month = readMonth(req.query.month);
  const period = month.period ?? current;
  const classFilter = Classification.safeParse(req.query.class).data;
  const statusFilter = STATUSES.find((s) => s === req.query.status);

  const deadline = deadlineOf(deps, period);
  // This month and the last come from the history, read once; only last year's month is read apart.
  const [units, lastYear, withHead, locked, history] = await Promise.all([
    unitsActiveIn(deps.db, period),
    reportsOf(deps.db, shiftPeriod(period, -12)),
    unitIdsWithHead(deps.db),
    isLocked(deps.db, period),
    loadGreenHistory(deps.db, { from: previousPeriod(period), to: period }, scope),
  ]);
  const of = (p: string) => history.units.flatMap((u) => history.report(u.id, p) ?? []);
  const reports = of(period);
  const previous = of(previousPeriod(period));
  const heads = new Set(withHead);
  const reportOf = new Map(reports.map((r) => [r.unitId, r]));
  const overdue = deadline !== null && now > deadline;
  const rows: OverviewRow[] = units
    .filter((u) => !scope || scope.has(u.id))
    .map((unit) => {
      const report = reportOf.get(unit.id) ?? null;
      const status: UnitStatus = report ? "filed" : heads.has(unit.id) ? "missing" : "no-head";
      return {
        unit,
        classification: history.classIn(unit.id, period),
        status,
        report,
        late: report ? deadline !== null && report.submittedAt > deadline : overdue,
        state: history.state(unit.id, period) ?? "unknown",
        streak: shownStreak(history, unit.id, period),
        candidate: candidateFor(history, unit.id, period),
        warnings: report?.warnings ?? [],
      };
    });
  const filed = rows.filter((r) => r.status === "filed");
  const onTime = filed.filter((r) => !r.late).length;
  const green = rows.filter((r) => r.state === "green").length;
  const totals = totalsOf(reports, new Set(rows.map((r) => r.unit.id)));
  const before = totalsOf(previous, scope);
  const yearBefore = totalsOf(lastYear, scope);

  const shown = rows
    .filter((r) => !classFilter || r.classification === classFilter)
    .filter((r) => !statusFilter || (statusFilter === "late" ? r.late : r.status === statusFilter))
    .sort((a, b) => urgency(a) - urgency(b) || a.unit.name.localeCompare(b.unit.name, "vi"));

  const statusText = (r: OverviewRow) => {
    if (r.status === "filed")
      return html`<span><span class="status-${r.late ? "late" : "filed"}">${t({ key: r.late ? "console-status-filed-late" : "console-status-filed" })}</span><br><span class="muted">${displayDateTime(r.report!.submittedAt, deps.timeZone)}</span></span>`;
    if (r.status === "no-head") return html`<span class="status-no-head">${t({ key: "console-status-no-head" })}</span>`;
    return html`<span class="status-missing">${t({ key: r.late ? "console-status-overdue" : "console-status-missing" })}</span>`;
  };
  const col = {
    status: t({ key: "console-col-status" }),
    class: t({ key: "console-col-class" }),
    state: t({ key: "console-col-state" }),
    streak: t({ key: "console-col-streak" }),
    warnings: t({ key: "console-col-warnings" }),
    previous: t({ key: "console-col-vs-previous", args: { period: displayPeriod(previousPeriod(period)) } }),
    lastYear: t({ key: "console-col-vs-last-year", args: { period: displayPeriod(shiftPeriod(period, -12)) } }),
  };
  const option = (value: string, label: string, selected: boolean) => html`<option value="${value}"${selected ? html` selected` : ""}>${label}</option>`;

  const body = html`
${month.bad && html`<p class="notice" role="alert">${t({ key: "console-month-bad" })}</p>`}
<form class="filters" method="get" action="/console">
<label>${t({ key: "console-filter-month" })}<input type="month" name="month" value="${period}" max="${current}"></label>
<label>${t({ key: "console-filter-class" })}<select name="class">
${option("", t({ key: "console-filter-all" }), !classFilter)}
${Classification.options.map((c) => option(c, t(classMsg(c)), c === classFilter))}
</select></label>
<label>${t({ key: "console-filter-status" })}<select name="status">
${option("", t({ key: "console-filter-all" }), !statusFilter)}
${STATUSES.map((s) => option(s, t({ key: `console-filter-status-${s}` }), s === statusFilter))}
</select></label>
<button type="submit">${t({ key: "console-filter-apply" })}</button>
</form>
<ul class="cards">
<li class="card"><span class="big">${filed.length}/${rows.length}</span>${t({ key: "console-card-reported" })}</li>
<li class="card"><span class="big">${onTime}</span>${t({ key: "console-card-on-time", args: { late: filed.length - onTime } })}</li>
<li class="card"><span class="big">${green}</span>${t({ key: "console-card-green" })}</li>
<li class="card">${deadline ? t({ key: "console-card-deadline", args: { at: displayDateTime(deadline, deps.timeZone) } }) : ""}${locked ? html`<br><strong>${t({ key: "console-card-locked" })}</strong>` : ""}</li>
</ul>
<h2 id="units">${t({ key: "console-units-heading" })}</h2>
<p class="muted">${t({ key: "console-units-order" })}</p>
<div class="scroll"><table class="stack">
<thead><tr><th scope="col">${t({ key: "console-col-unit" })}</th><th scope="col">${col.status}</th><th scope="col">${col.class}</th><th scope="col">${col.state}</th><th scope="col" class="num">${col.streak}</th><th scope="col">${col.warnings}</th></tr></thead>
<tbody>
${shown.map(
  (r) => html`<tr>
<th scope="row"><a href="/console/units/${r.unit.id}">${r.unit.name}</a></th>
<td data-label="${col.status}">${statusText(r)}</td>
<td data-label="${col.class}">${t(classMsg(r.classification))}</td>
<td data-label="${col.state}">${stateBadge(t, r.state)}</td>
<td data-label="${col.streak}" class="num">${r.streak >= STREAK_MONTHS ? `${STREAK_MONTHS}+` : r.streak}${r.candidate ? html`<br><span class="tag">${t({ key: "console-candidate" })}</span>` : ""}</td>
${r.warnings.length ? html`<td data-label="${col.warnings}"><ul class="plain warn">${r.warnings.map((w) => html`<li>${t(warningMsg(w))}</li>`)}</ul></td>` : html`<td></td>`}
</tr>`,
)}
${shown.length === 0 ? html`<tr><td colspan="6">${t({ key: "console-units-none" })}</td></tr>` : ""}
</tbody></table></div>
<h2 id="totals">${t({ key: "console-totals-heading" })}</h2>
${
  totals
    ? html`<div class="scroll"><table class="stack">
<thead><tr><th scope="col">${t({ key: "console-col-field" })}</th><th scope="col" class="num">${displayPeriod(period)}</th><th scope="col" class="num">${col.previous}</th><th scope="col" class="num">${col.lastYear}</th></tr></thead>
<tbody>
${COUNT_FIELDS.map(
  (f) => html`<tr><th scope="row">${t(fieldLabel(f))}</th><td data-label="${displayPeriod(period)}" class="num">${totals[f]}</td><td data-label="${col.previous}" class="num">${before ? html`${before[f]} (${delta(totals[f], before[f])})` : "—"}</td><td data-label="${col.lastYear}" class="num">${yearBefore ? html`${yearBefore[f]} (${delta(totals[f], yearBefore[f])})` : "—"}</td></tr>`,
)}
</tbody></table></div>`
    : html`<p>${t({ key: "console-totals-none" })}</p>`
}`;
  res.type("html").send(page(res, { title: t({ key: "console-overview-title", args: { period: displayPeriod(period) } }), area: "overview", body }));
}

/** `/console` (`?month=YYYY-MM&class=…&status=…`): the month's overview; a head sees only their units. */
export function registerOverview(router: Router, deps: ConsoleDeps): void {
  router.get("/", (req, res) => overview(deps, req, res));
}
