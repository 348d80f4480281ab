import type { Request, Response, Router } from "express";
import { displayPeriod, periodOf } from "../../domain/period.ts";
import { displayDateTime } from "../../domain/time.ts";
import { monthLockStates } from "../../store/month-locks.ts";
import type { ConsoleDeps } from "../deps.ts";
import { shiftPeriod } from "../green-data.ts";
import { html } from "../html.ts";
import { csrfField } from "../layout.ts";
import { readMonth } from "../parts.ts";
import { locals } from "../session.ts";
import { actAndReturn, adminPage, done, field } from "./admin-parts.ts";

const BASE = "/console/admin/months";
/** How many months back the page lists. */
export const LOCK_MONTHS = 24;
/** An unlock's reason is kept in the history: long enough to say why, short enough to read. */
const MAX_REASON = 500;

async function listPage(deps: ConsoleDeps, _req: Request, res: Response) {
  const { t, now } = locals(res);
  const current = periodOf(now, deps.timeZone);
  const months = Array.from({ length: LOCK_MONTHS }, (_, i) => shiftPeriod(current, -i));
  const { locked, events } = await monthLockStates(deps.db, months);
  const body = html`
<p class="muted">${t({ key: "console-admin-months-help" })}</p>
<div class="scroll"><table>
<thead><tr><th scope="col">${t({ key: "console-col-month" })}</th><th scope="col">${t({ key: "console-admin-lock-state" })}</th><th scope="col">${t({ key: "console-admin-lock-history" })}</th><th scope="col">${t({ key: "console-admin-lock-action" })}</th></tr></thead>
<tbody>
${months.map((m) => {
  const history = events.get(m) ?? [];
  const isLocked = locked.has(m);
  const action = isLocked
    ? html`<form method="post" action="${BASE}/unlock" class="filters">${csrfField(res)}<input type="hidden" name="period" value="${m}"><label>${t({ key: "console-admin-unlock-reason" })}<input name="reason" required maxlength="${MAX_REASON}"></label><button type="submit">${t({ key: "console-admin-unlock" })}</button></form>`
    : m < current
      ? html`<form method="post" action="${BASE}/lock">${csrfField(res)}<input type="hidden" name="period" value="${m}"><button type="submit">${t({ key: "console-admin-lock" })}</button></form>`
      : html`<span class="muted">${t({ key: "console-admin-lock-running" })}</span>`;
  return html`<tr><th scope="row">${displayPeriod(m)}</th><td>${t({ key: isLocked ? "console-admin-locked" : "console-admin-open" })}</td><td>${
    history.length
      ? html`<ul>${history.map((e) => html`<li>${t({ key: `console-admin-lock-event-${e.action}`, args: { by: e.by, at: displayDateTime(e.at, deps.timeZone) } })}${e.reason ? html` — ${e.reason}` : ""}</li>`)}</ul>`
      : "—"
  }</td><td>${action}</td></tr>`;
})}
</tbody></table></div>`;
  res.type("html").send(adminPage(res, "months", t({ key: "console-admin-months-title" }), body));
}

/** Locks a month through `period.lock`, whose rule refuses a month not yet over. */
async function lock(deps: ConsoleDeps, req: Request, res: Response) {
  const month = readMonth(field(req.body, "period"));
  if (!month.period) return done(res, BASE, [{ key: "console-admin-month-bad" }]);
  await actAndReturn(deps, res, { type: "period.lock", period: month.period }, BASE);
}

/** Reopens a month through `period.unlock`; the reason is required, as `/mokhoa` requires it. */
async function unlock(deps: ConsoleDeps, req: Request, res: Response) {
  const month = readMonth(field(req.body, "period"));
  const reason = field(req.body, "reason").replace(/\s+/g, " ").trim();
  if (!month.period) return done(res, BASE, [{ key: "console-admin-month-bad" }]);
  if (!reason || reason.length > MAX_REASON) return done(res, BASE, [{ key: "console-admin-unlock-reason-bad", args: { max: MAX_REASON } }]);
  await actAndReturn(deps, res, { type: "period.unlock", period: month.period, reason }, BASE);
}

/** Month locks: every month's state and history, lock a past month, unlock with a reason. */
export function registerAdminMonths(router: Router, deps: ConsoleDeps): void {
  router.get("/admin/months", (req, res) => listPage(deps, req, res));
  router.post("/admin/months/lock", (req, res) => lock(deps, req, res));
  router.post("/admin/months/unlock", (req, res) => unlock(deps, req, res));
}
