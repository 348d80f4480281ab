import type { Request, Response, Router } from "express";
import { canSeeCaseNames } from "../../domain/access.ts";
import { caseStatusMsg, checkinMethodMsg, checkinStateMsg, normalizeCaseCode } from "../../domain/cases.ts";
import { displayDate, displayDateTime, weekOf } from "../../domain/time.ts";
import { caseNameViews, recordCaseNameView } from "../../store/case-name-views.ts";
import { caseByCode, caseCheckins, caseName, casesOfWeek, listCases, sealerFor, type CaseWeek, type CheckinRecord } from "../../store/cases.ts";
import { DecryptError } from "../../store/crypto.ts";
import type { ConsoleDeps } from "../deps.ts";
import { html, type SafeHtml } from "../html.ts";
import { errorPage, page } from "../layout.ts";
import { forbidden, locals, requireOfficer } from "../session.ts";

/** Check-ins shown on a case's page: a year of weeks. */
const HISTORY = 52;

type T = ReturnType<typeof locals>["t"];

/** A week's check-ins in words: "Ổn định (Gặp trực tiếp)", "không liên hệ được", or "not yet". */
function weekText(t: T, week: CaseWeek["thisWeek"]): string {
  if (!week) return t({ key: "console-case-not-checked" });
  return week.contacted ? t(checkinStateMsg(week.state)) : `${t(checkinStateMsg(week.state))} (${t({ key: "checkin-not-contacted" })})`;
}

function caseTable(t: T, rows: CaseWeek[], empty: string): SafeHtml {
  const col = {
    unit: t({ key: "console-col-unit" }),
    mentors: t({ key: "console-case-col-mentors" }),
    thisWeek: t({ key: "console-case-col-this-week" }),
    lastWeek: t({ key: "console-case-col-last-week" }),
  };
  if (rows.length === 0) return html`<p>${empty}</p>`;
  return html`<div class="scroll"><table class="stack">
<thead><tr><th scope="col">${t({ key: "console-case-col-code" })}</th><th scope="col">${col.unit}</th><th scope="col" class="num">${col.mentors}</th><th scope="col">${col.thisWeek}</th><th scope="col">${col.lastWeek}</th></tr></thead>
<tbody>${rows.map(
    (c) => html`<tr><th scope="row"><a href="/console/cases/${c.code}">${c.code}</a></th>
<td data-label="${col.unit}">${c.unitName}</td>
<td data-label="${col.mentors}" class="num">${c.mentors}</td>
<td data-label="${col.thisWeek}">${weekText(t, c.thisWeek)}</td>
<td data-label="${col.lastWeek}">${c.dueLastWeek ? weekText(t, c.lastWeek) : "—"}</td></tr>`,
  )}</tbody></table></div>`;
}

async function list(deps: ConsoleDeps, _req: Request, res: Response) {
  const { t, now, viewer } = locals(res);
  const week = weekOf(now, deps.timeZone);
  // The same questions as chat's /hoso (features/cases/queries.ts): the week's due cases, and every case for the relapses.
  const [due, all] = await Promise.all([casesOfWeek(deps.db, week), listCases(deps.db)]);
  const checked = due.filter((c) => c.thisWeek !== null);
  const unchecked = due.filter((c) => c.thisWeek === null);
  const overdue = due.filter((c) => c.thisWeek === null && c.dueLastWeek && c.lastWeek === null);
  const suspected = due.filter((c) => (c.thisWeek ?? c.lastWeek)?.state === "suspected_relapse");
  const relapsed = all.filter((c) => c.status === "relapsed");

  const body = html`
<ul class="cards">
<li class="card"><span class="big">${checked.length}/${due.length}</span>${t({ key: "console-cases-card-checked" })}</li>
<li class="card"><span class="big">${overdue.length}</span>${t({ key: "console-cases-card-overdue" })}</li>
<li class="card"><span class="big">${relapsed.length + suspected.length}</span>${t({ key: "console-cases-card-relapses" })}</li>
</ul>
<p class="muted">${t({ key: "console-cases-codes-only" })}${canSeeCaseNames(viewer) ? html` <a href="/console/audit">${t({ key: "console-audit-link" })}</a>` : ""}</p>
<h2 id="unchecked">${t({ key: "console-cases-unchecked", args: { count: unchecked.length } })}</h2>
${caseTable(t, unchecked, t({ key: "console-cases-none" }))}
<h2 id="overdue">${t({ key: "console-cases-overdue", args: { count: overdue.length } })}</h2>
${caseTable(t, overdue, t({ key: "console-cases-none" }))}
<h2 id="relapses">${t({ key: "console-cases-relapses", args: { count: relapsed.length + suspected.length } })}</h2>
${caseTable(t, suspected, t({ key: "console-cases-suspected-none" }))}
${
  relapsed.length
    ? html`<ul>${relapsed.map((c) => html`<li><a href="/console/cases/${c.code}">${c.code}</a> — ${c.unitName} — ${t(caseStatusMsg(c.status))}</li>`)}</ul>`
    : ""
}
<h2 id="checked">${t({ key: "console-cases-checked", args: { count: checked.length } })}</h2>
${caseTable(t, checked, t({ key: "console-cases-none" }))}`;
  res.type("html").send(page(res, { title: t({ key: "console-cases-title", args: { week: displayDate(week) } }), area: "cases", body }));
}

/** The name and notes of a case, opened only for a viewer who may see names; whether a name was shown. */
async function sealed(deps: ConsoleDeps, caseId: number, hasName: boolean, allowed: boolean) {
  const sealer = allowed && deps.dataKey ? sealerFor(deps.dataKey) : null;
  try {
    const name = sealer && hasName ? await caseName(deps.db, caseId, sealer) : null;
    return { name, unreadable: allowed && hasName && !sealer, checkins: await caseCheckins(deps.db, caseId, HISTORY, sealer) };
  } catch (error) {
    // Sealed with another DATA_KEY: show what is not sealed.
    if (!(error instanceof DecryptError)) throw error;
    return { name: null, unreadable: hasName, checkins: await caseCheckins(deps.db, caseId, HISTORY, null) };
  }
}

async function one(deps: ConsoleDeps, req: Request, res: Response) {
  const { t, viewer, now, lang } = locals(res);
  const info = await caseByCode(deps.db, normalizeCaseCode(String(req.params.code)));
  if (!info) {
    res.status(404).type("html").send(errorPage(lang, t({ key: "console-case-unknown-title" }), t({ key: "console-case-unknown-body" })));
    return;
  }
  const allowed = canSeeCaseNames(viewer);
  const { name, unreadable, checkins } = await sealed(deps, info.id, info.hasName, allowed);
  // Every time a name is put on a page, who saw it and when is written down first.
  if (name !== null) {
    await recordCaseNameView(deps.db, { caseId: info.id, personId: viewer.id, now });
    deps.log.info({ personId: viewer.id, case: info.code }, "console showed a case name");
  }
  const method = (c: CheckinRecord) => (c.contacted && c.method ? t(checkinMethodMsg(c.method)) : t({ key: "checkin-not-contacted" }));
  const col = { state: t({ key: "console-case-col-state" }), method: t({ key: "console-case-col-method" }), note: t({ key: "console-case-col-note" }) };
  const body = html`
<dl class="facts">
<dt>${t({ key: "console-col-unit" })}</dt><dd><a href="/console/units/${info.unitId}">${info.unitName}</a></dd>
<dt>${t({ key: "console-case-status" })}</dt><dd>${t(caseStatusMsg(info.status))}</dd>
<dt>${t({ key: "console-case-name" })}</dt><dd>${
    name !== null
      ? html`${name} <span class="muted">${t({ key: "console-case-name-audited" })}</span>`
      : unreadable
        ? t({ key: "case-name-unreadable" })
        : allowed
          ? t({ key: "case-name-none" })
          : t({ key: "console-case-name-hidden" })
  }</dd>
<dt>${t({ key: "console-case-period" })}</dt><dd>${displayDate(info.startDate)} – ${info.endDate ? displayDate(info.endDate) : t({ key: "case-end-none" })}</dd>
<dt>${t({ key: "console-case-col-mentors" })}</dt><dd>${info.mentors}</dd>
</dl>
<h2>${t({ key: "console-case-checkins" })}</h2>
${
  checkins.length
    ? html`<div class="scroll"><table class="stack">
<thead><tr><th scope="col">${t({ key: "console-case-col-week" })}</th><th scope="col">${col.state}</th><th scope="col">${col.method}</th><th scope="col">${col.note}</th></tr></thead>
<tbody>${checkins.map(
        (c) => html`<tr><th scope="row">${displayDate(c.week)}</th><td data-label="${col.state}">${t(checkinStateMsg(c.state))}</td><td data-label="${col.method}">${method(c)}</td><td data-label="${col.note}">${c.note ?? ""}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p>${t({ key: "case-history-none" })}</p>`
}
<p><a href="/console/cases">${t({ key: "console-case-back" })}</a></p>`;
  res.type("html").send(page(res, { title: t({ key: "console-case-title", args: { code: info.code } }), area: "cases", body }));
}

async function audit(deps: ConsoleDeps, _req: Request, res: Response) {
  const { t, viewer } = locals(res);
  // Those who may see names may see who else saw them; nobody else.
  if (!canSeeCaseNames(viewer)) return forbidden(res);
  const rows = await caseNameViews(deps.db);
  const col = { who: t({ key: "console-audit-col-who" }), case: t({ key: "console-case-col-code" }), unit: t({ key: "console-col-unit" }) };
  const body = html`<p class="muted">${t({ key: "console-audit-about" })}</p>
${
  rows.length
    ? html`<div class="scroll"><table class="stack">
<thead><tr><th scope="col">${t({ key: "console-audit-col-when" })}</th><th scope="col">${col.who}</th><th scope="col">${col.case}</th><th scope="col">${col.unit}</th></tr></thead>
<tbody>${rows.map(
        (r) => html`<tr><th scope="row">${displayDateTime(r.at, deps.timeZone)}</th><td data-label="${col.who}">${t({ key: "console-audit-officer", args: { id: r.personId } })}${r.personId === viewer.id ? html` <span class="tag">${t({ key: "console-audit-you" })}</span>` : ""}</td><td data-label="${col.case}"><a href="/console/cases/${r.caseCode}">${r.caseCode}</a></td><td data-label="${col.unit}">${r.unitName}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p>${t({ key: "console-audit-none" })}</p>`
}`;
  res.type("html").send(page(res, { title: t({ key: "console-audit-title" }), area: "cases", body }));
}

/**
 * `/console/cases`: this week's cases by code (checked, not yet, overdue two weeks, relapses);
 * `/console/cases/<code>`: one case and its check-ins, with the name for officers who may see it,
 * each view written to the audit log; `/console/audit`: that log.
 */
export function registerCases(router: Router, deps: ConsoleDeps): void {
  router.get("/cases", requireOfficer, (req, res) => list(deps, req, res));
  router.get("/cases/:code", requireOfficer, (req, res) => one(deps, req, res));
  router.get("/audit", requireOfficer, (req, res) => audit(deps, req, res));
}
