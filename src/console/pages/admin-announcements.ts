import type { Request, Response, Router } from "express";
import { Audience, MAX_BROADCAST_LENGTH } from "../../domain/broadcast.ts";
import { displayDateTime } from "../../domain/time.ts";
import { recentBroadcasts } from "../../store/broadcast-history.ts";
import { audienceSizes } from "../../store/broadcasts.ts";
import { listUnits, unitById } from "../../store/units.ts";
import type { ConsoleDeps } from "../deps.ts";
import { html } from "../html.ts";
import { csrfField } from "../layout.ts";
import { locals } from "../session.ts";
import { actAndReturn, adminPage, done, field, pathId } from "./admin-parts.ts";

const BASE = "/console/admin/announcements";

async function composePage(deps: ConsoleDeps, _req: Request, res: Response) {
  const { t } = locals(res);
  const [sizes, units, past] = await Promise.all([audienceSizes(deps.db), listUnits(deps.db), recentBroadcasts(deps.db)]);
  const audienceWord = (a: Audience) => t({ key: `audience-${a}` });
  const body = html`
<section aria-labelledby="compose"><h2 id="compose">${t({ key: "console-admin-announcements-compose" })}</h2>
<form method="post" action="${BASE}/send" class="actions">${csrfField(res)}
<label>${t({ key: "console-admin-announcement-text", args: { max: MAX_BROADCAST_LENGTH } })}<textarea name="text" rows="5" maxlength="${MAX_BROADCAST_LENGTH}" required></textarea></label>
<label>${t({ key: "console-admin-audience" })}<select name="audience">${Audience.options.map((a) => html`<option value="${a}">${audienceWord(a)} (${sizes[a].all})</option>`)}</select></label>
<label>${t({ key: "console-col-unit" })}<select name="unit"><option value="">${t({ key: "audience-all-units" })}</option>${units.map(
    (u) => html`<option value="${u.id}">${u.name} (${Audience.options.map((a) => `${audienceWord(a)} ${sizes[a].byUnit[u.id] ?? 0}`).join(" · ")})</option>`,
  )}</select></label>
<button type="submit">${t({ key: "console-admin-announcement-send" })}</button>
</form></section>
<h2 id="sizes">${t({ key: "console-admin-audience-sizes" })}</h2>
<ul class="cards">${Audience.options.map((a) => html`<li class="card">${audienceWord(a)}<span class="big">${sizes[a].all}</span></li>`)}</ul>
<h2 id="past">${t({ key: "console-admin-announcements-past" })}</h2>
<div class="scroll"><table>
<thead><tr><th scope="col">${t({ key: "console-admin-sent-at" })}</th><th scope="col">${t({ key: "console-admin-audience" })}</th><th scope="col">${t({ key: "console-admin-announcement-text-col" })}</th><th scope="col" class="num">${t({ key: "console-admin-delivery-queued" })}</th><th scope="col" class="num">${t({ key: "console-admin-delivery-sent" })}</th><th scope="col" class="num">${t({ key: "console-admin-delivery-failed" })}</th><th scope="col">${t({ key: "console-admin-made-by" })}</th></tr></thead>
<tbody>
${past.map(
  (b) => html`<tr><td>${displayDateTime(b.createdAt, deps.timeZone)}</td><td>${audienceWord(b.audience)} — ${b.unitName ?? t({ key: "audience-all-units" })}</td><td class="text">${b.text}</td><td class="num">${b.delivery.queued}</td><td class="num">${b.delivery.sent}</td><td class="num">${b.delivery.failed}</td><td>${b.createdBy}</td></tr>`,
)}
${past.length === 0 ? html`<tr><td colspan="7">${t({ key: "console-admin-announcements-none" })}</td></tr>` : ""}
</tbody></table></div>`;
  res.type("html").send(adminPage(res, "announcements", t({ key: "console-admin-announcements-title" }), body));
}

/** Sends through `broadcast.send`, as `/broadcast` does, after the same checks of text and audience. */
async function send(deps: ConsoleDeps, req: Request, res: Response) {
  const text = field(req.body, "text").replace(/\r\n/g, "\n").trim();
  const audience = Audience.safeParse(field(req.body, "audience"));
  const unitText = field(req.body, "unit");
  if (!text) return done(res, BASE, [{ key: "console-admin-announcement-empty" }]);
  if (text.length > MAX_BROADCAST_LENGTH) return done(res, BASE, [{ key: "console-admin-announcement-long", args: { max: MAX_BROADCAST_LENGTH, length: text.length } }]);
  if (!audience.success) return done(res, BASE, [{ key: "console-admin-audience-bad" }]);
  let unitId: number | null = null;
  if (unitText) {
    const unit = await unitById(deps.db, pathId(unitText));
    if (!unit || unit.retiredPeriod) return done(res, BASE, [{ key: "console-admin-unit-gone" }]);
    unitId = unit.id;
  }
  await actAndReturn(deps, res, { type: "broadcast.send", audience: audience.data, unitId, text }, BASE);
}

/** Announcements: compose (with the audiences' sizes), send, and the past ones with delivery counts. */
export function registerAdminAnnouncements(router: Router, deps: ConsoleDeps): void {
  router.get("/admin/announcements", (req, res) => composePage(deps, req, res));
  router.post("/admin/announcements/send", (req, res) => send(deps, req, res));
}
