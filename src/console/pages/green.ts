import type { Request, Response, Router } from "express";
import { isOfficer } from "../../domain/access.ts";
import { caseStatusMsg } from "../../domain/cases.ts";
import { monthsBetween } from "../../domain/green-zone.ts";
import { displayPeriod, periodOf } from "../../domain/period.ts";
import type { Msg } from "../../domain/message.ts";
import { COUNT_FIELDS } from "../../domain/report.ts";
import { displayDateTime } from "../../domain/time.ts";
import { activeIn } from "../../domain/units.ts";
import { classMsg, fieldLabel } from "../../domain/words.ts";
import { listCases } from "../../store/cases.ts";
import { countTipsOfUnit } from "../../store/tips.ts";
import { classChangesOf, unitById } from "../../store/units.ts";
import { barChart } from "../charts.ts";
import type { ConsoleDeps } from "../deps.ts";
import { candidateFor, loadGreenHistory, shiftPeriod, shownStreak, STREAK_MONTHS } from "../green-data.ts";
import { html } from "../html.ts";
import { errorPage, page } from "../layout.ts";
import { monthBars, readMonth, shortMonth, stateBadge, stateLegend } from "../parts.ts";
import { locals, requireUnitAccess, unitScope } from "../session.ts";

/** How many months the grid and a unit's page show. */
export const GRID_MONTHS = 12;

const streakText = (n: number) => (n >= STREAK_MONTHS ? `${STREAK_MONTHS}+` : String(n));

/** `/console/green` (`?to=YYYY-MM`): units × the last 12 months, and green units per month as a chart. */
async function greenGrid(deps: ConsoleDeps, req: Request, res: Response) {
  const { t, viewer, now } = locals(res);
  const scope = unitScope(viewer);
  const current = periodOf(now, deps.timeZone);
  const asked = readMonth(req.query.to);
  const to = asked.period ?? current;
  const months = monthsBetween(shiftPeriod(to, -(GRID_MONTHS - 1)), to);
  const history = await loadGreenHistory(deps.db, { from: months[0]!, to }, scope);
  const units = history.units.filter((u) => months.some((m) => activeIn(u, m)));
  const perMonth = months.map((m) => ({
    month: m,
    green: units.filter((u) => history.state(u.id, m) === "green").length,
    active: units.filter((u) => activeIn(u, m)).length,
  }));
  const candidates = units.filter((u) => activeIn(u, to) && candidateFor(history, u.id, to));

  const body = html`
${asked.bad && html`<p class="notice" role="alert">${t({ key: "console-month-bad" })}</p>`}
<form class="filters" method="get" action="/console/green">
<label>${t({ key: "console-filter-to" })}<input type="month" name="to" value="${to}" max="${current}"></label>
<button type="submit">${t({ key: "console-filter-apply" })}</button>
</form>
<h2 id="chart">${t({ key: "console-green-chart-heading" })}</h2>
<div class="scroll">${barChart({
    title: t({ key: "console-green-chart-title", args: { from: displayPeriod(months[0]!), to: displayPeriod(to) } }),
    bars: monthBars(months, (m) => perMonth.find((p) => p.month === m)!.green),
    max: Math.max(0, ...perMonth.map((p) => p.active)),
  })}</div>
<p class="muted">${t({ key: "console-green-chart-note", args: { units: units.length } })}</p>
<h2 id="grid">${t({ key: "console-green-grid-heading" })}</h2>
${stateLegend(t)}
<div class="scroll"><table class="grid">
<thead><tr><th scope="col" class="unit">${t({ key: "console-col-unit" })}</th>${months.map((m) => html`<th scope="col" class="num">${shortMonth(m)}</th>`)}<th scope="col" class="num">${t({ key: "console-col-streak" })}</th></tr></thead>
<tbody>
${units.map(
  (u) => html`<tr><th scope="row" class="unit"><a href="/console/units/${u.id}">${u.name}</a></th>${months.map((m) => {
    const s = history.state(u.id, m);
    return html`<td class="cell">${s ? stateBadge(t, s, true) : html`<span class="muted" title="${t({ key: "console-state-retired" })}">—</span>`}</td>`;
  })}<td class="num">${activeIn(u, to) ? streakText(shownStreak(history, u.id, to)) : "—"}</td></tr>`,
)}
${units.length === 0 ? html`<tr><td colspan="${months.length + 2}">${t({ key: "console-units-none" })}</td></tr>` : ""}
</tbody></table></div>
<h2 id="candidates">${t({ key: "console-candidates-heading" })}</h2>
${
  candidates.length
    ? html`<ul>${candidates.map((u) => html`<li><a href="/console/units/${u.id}">${u.name}</a> — ${t({ key: "console-candidate-line", args: { months: shownStreak(history, u.id, to), class: t(classMsg(history.classIn(u.id, to))) } })}</li>`)}</ul>`
    : html`<p>${t({ key: "console-candidates-none" })}</p>`
}`;
  res.type("html").send(page(res, { title: t({ key: "console-green-title" }), area: "green", body }));
}

/** `/console/units/<id>`: one unit's record: its months, class changes, figures as charts, cases. */
async function unitPage(deps: ConsoleDeps, req: Request, res: Response) {
  const { t, viewer, now, lang } = locals(res);
  const id = /^\d{1,9}$/.test(String(req.params.id)) ? Number(req.params.id) : NaN;
  const unit = Number.isNaN(id) ? null : await unitById(deps.db, id);
  if (!unit) {
    // A head learns nothing of other units' ids: an unknown id is refused like a foreign one.
    if (!isOfficer(viewer)) return void requireUnitAccess(res, -1);
    res.status(404).type("html").send(errorPage(lang, t({ key: "console-notfound-title" }), t({ key: "console-unit-unknown" })));
    return;
  }
  if (!requireUnitAccess(res, unit.id)) return;
  const current = periodOf(now, deps.timeZone);
  const last = unit.retiredPeriod && unit.retiredPeriod <= current ? shiftPeriod(unit.retiredPeriod, -1) : current;
  const months = monthsBetween(shiftPeriod(last, -(GRID_MONTHS - 1)), last);
  const [history, changes, cases] = await Promise.all([
    loadGreenHistory(deps.db, { from: months[0]!, to: last }, new Set([unit.id])),
    classChangesOf(deps.db, unit.id),
    listCases(deps.db, { unitId: unit.id }),
  ]);
  const state = history.state(unit.id, last) ?? "unknown";
  const streak = shownStreak(history, unit.id, last);
  const newestFirst = [...months].reverse();
  // Counts only, and to officers only: a head seeing tips about their own unit move could guess who sent them.
  const tipCounts = isOfficer(viewer) ? await countTipsOfUnit(deps.db, unit.id) : null;
  const countList = <K extends string>(counts: Record<K, number>, msg: (k: K) => Msg) =>
    html`<ul>${(Object.entries(counts) as [K, number][]).filter(([, n]) => n > 0).map(([k, n]) => html`<li>${t(msg(k))}: ${n}</li>`)}</ul>`;
  const tipsBlock = !tipCounts
    ? html`<p>${t({ key: "console-unit-tips-officers" })}</p>`
    : tipCounts.total === 0
      ? html`<p>${t({ key: "console-unit-tips-note" })}</p><p>${t({ key: "console-unit-tips-none" })}</p>`
      : html`<p>${t({ key: "console-unit-tips-note" })}</p>
<p>${t({ key: "console-unit-tips-total", args: { n: tipCounts.total } })}</p>
<h3>${t({ key: "console-unit-tips-by-status" })}</h3>
${countList(tipCounts.byStatus, (s) => ({ key: `tip-status-${s}` }))}
<h3>${t({ key: "console-unit-tips-by-category" })}</h3>
${countList(tipCounts.byCategory, (c) => ({ key: `tip-cat-${c}` }))}`;
  const casesByStatus = new Map<string, number>();
  for (const c of cases) casesByStatus.set(c.status, (casesByStatus.get(c.status) ?? 0) + 1);

  const body = html`
<ul class="cards">
<li class="card">${t({ key: "console-unit-class" })}<span class="big">${t(classMsg(unit.classification))}</span></li>
<li class="card">${t({ key: "console-unit-households" })}<span class="big">${unit.households}</span></li>
<li class="card">${t({ key: "console-unit-state", args: { period: displayPeriod(last) } })}<span class="big">${stateBadge(t, state)}</span></li>
<li class="card">${t({ key: "console-col-streak" })}<span class="big">${streakText(streak)}</span>${candidateFor(history, unit.id, last) ? html`<span class="tag">${t({ key: "console-candidate" })}</span>` : ""}</li>
</ul>
${unit.retiredPeriod && html`<p class="notice">${t({ key: "console-unit-retired", args: { period: displayPeriod(unit.retiredPeriod) } })}</p>`}
<h2 id="reports">${t({ key: "console-unit-reports-heading" })}</h2>
<div class="scroll"><table>
<thead><tr><th scope="col">${t({ key: "console-col-month" })}</th><th scope="col">${t({ key: "console-col-state" })}</th><th scope="col">${t({ key: "console-col-filed-at" })}</th>${COUNT_FIELDS.map((f) => html`<th scope="col" class="num">${t(fieldLabel(f))}</th>`)}</tr></thead>
<tbody>
${newestFirst.map((m) => {
  const r = history.report(unit.id, m);
  const s = history.state(unit.id, m) ?? "unknown";
  return html`<tr><th scope="row">${displayPeriod(m)}</th><td>${stateBadge(t, s)}</td><td>${r ? displayDateTime(r.submittedAt, deps.timeZone) : t({ key: "console-status-missing" })}</td>${COUNT_FIELDS.map((f) => html`<td class="num">${r ? r.values[f] : "—"}</td>`)}</tr>`;
})}
</tbody></table></div>
<h2 id="figures">${t({ key: "console-unit-figures-heading" })}</h2>
<div class="charts">
${COUNT_FIELDS.map(
  (f) => html`<figure><figcaption>${t(fieldLabel(f))}</figcaption>${barChart({
    title: t(fieldLabel(f)),
    bars: monthBars(months, (m) => history.report(unit.id, m)?.values[f] ?? null),
    height: 150,
    colour: "#0b5d3b",
  })}</figure>`,
)}
</div>
<h2 id="classes">${t({ key: "console-unit-classes-heading" })}</h2>
${
  changes.length
    ? html`<div class="scroll"><table><thead><tr><th scope="col">${t({ key: "console-col-from-month" })}</th><th scope="col">${t({ key: "console-col-change" })}</th><th scope="col">${t({ key: "console-col-changed-at" })}</th></tr></thead><tbody>
${[...changes].reverse().map((c) => html`<tr><td>${displayPeriod(c.period)}</td><td>${t(classMsg(c.fromClass))} → ${t(classMsg(c.toClass))}</td><td>${displayDateTime(c.at, deps.timeZone)}</td></tr>`)}
</tbody></table></div>`
    : html`<p>${t({ key: "console-unit-classes-none", args: { class: t(classMsg(unit.classification)) } })}</p>`
}
<h2 id="cases">${t({ key: "console-unit-cases-heading" })}</h2>
${
  cases.length === 0
    ? html`<p>${t({ key: "console-unit-cases-none" })}</p>`
    : isOfficer(viewer)
      ? html`<div class="scroll"><table><thead><tr><th scope="col">${t({ key: "console-col-case" })}</th><th scope="col">${t({ key: "console-col-case-status" })}</th><th scope="col">${t({ key: "console-col-case-period" })}</th></tr></thead><tbody>
${cases.map((c) => html`<tr><td>${c.code}</td><td>${t(caseStatusMsg(c.status))}</td><td>${c.startDate}${c.endDate ? ` → ${c.endDate}` : ""}</td></tr>`)}
</tbody></table></div>`
      : html`<ul>${[...casesByStatus].map(([status, n]) => html`<li>${t(caseStatusMsg(status))}: ${n}</li>`)}</ul>`
}
<h2 id="tips">${t({ key: "console-unit-tips-heading" })}</h2>
${tipsBlock}`;
  res.type("html").send(page(res, { title: unit.name, area: "green", body }));
}

export function registerGreen(router: Router, deps: ConsoleDeps): void {
  router.get("/green", (req, res) => greenGrid(deps, req, res));
  router.get("/units/:id", (req, res) => unitPage(deps, req, res));
}
