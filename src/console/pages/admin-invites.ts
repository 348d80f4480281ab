import type { Request, Response, Router } from "express";
import { InviteRole } from "../../domain/roles.ts";
import { displayDateTime } from "../../domain/time.ts";
import { recordConsoleChange } from "../../store/console-changes.ts";
import { openInvites, revokeInvite } from "../../store/invite-admin.ts";
import { listUnits, unitById } from "../../store/units.ts";
import type { ConsoleDeps } from "../deps.ts";
import { html } from "../html.ts";
import { csrfField } from "../layout.ts";
import { locals } from "../session.ts";
import { actAndReturn, adminPage, done, field, pathId } from "./admin-parts.ts";

const BASE = "/console/admin/invites";

async function listPage(deps: ConsoleDeps, _req: Request, res: Response) {
  const { t, now } = locals(res);
  const [invites, units] = await Promise.all([openInvites(deps.db, now), listUnits(deps.db)]);
  const body = html`
<section aria-labelledby="make"><h2 id="make">${t({ key: "console-admin-invites-make" })}</h2>
<p class="muted">${t({ key: "console-admin-invites-make-help" })}</p>
<form method="post" action="${BASE}/make" class="filters">${csrfField(res)}
<label>${t({ key: "console-admin-role" })}<select name="role">${InviteRole.options.map((r) => html`<option value="${r}">${t({ key: `role-${r}` })}</option>`)}</select></label>
<label>${t({ key: "console-col-unit" })}<select name="unit"><option value="">${t({ key: "console-admin-no-unit" })}</option>${units.map((u) => html`<option value="${u.id}">${u.name}</option>`)}</select></label>
<button type="submit">${t({ key: "console-admin-invites-make-button" })}</button>
</form></section>
<h2 id="open">${t({ key: "console-admin-invites-open", args: { count: invites.length } })}</h2>
<div class="scroll"><table class="stack">
<thead><tr><th scope="col">${t({ key: "console-admin-invite-code" })}</th><th scope="col">${t({ key: "console-admin-role" })}</th><th scope="col">${t({ key: "console-col-unit" })}</th><th scope="col">${t({ key: "console-admin-invite-until" })}</th><th scope="col">${t({ key: "console-admin-made-by" })}</th><th scope="col"><span class="sr">${t({ key: "console-admin-invite-revoke" })}</span></th></tr></thead>
<tbody>
${invites.map(
  (i) => html`<tr><th scope="row"><code>${i.code}</code></th><td data-label="${t({ key: "console-admin-role" })}">${t({ key: `role-${i.role}` })}${i.caseCode ? ` (${i.caseCode})` : ""}</td><td data-label="${t({ key: "console-col-unit" })}">${i.unitName ?? "—"}</td><td data-label="${t({ key: "console-admin-invite-until" })}">${displayDateTime(i.expiresAt, deps.timeZone)}</td><td data-label="${t({ key: "console-admin-made-by" })}">${i.createdBy}</td>
<td><form method="post" action="${BASE}/${i.id}/revoke">${csrfField(res)}<button type="submit" aria-label="${t({ key: "console-admin-invite-revoke-label", args: { code: i.code } })}">${t({ key: "console-admin-invite-revoke" })}</button></form></td></tr>`,
)}
${invites.length === 0 ? html`<tr><td colspan="6">${t({ key: "console-admin-invites-none" })}</td></tr>` : ""}
</tbody></table></div>`;
  res.type("html").send(adminPage(res, "invites", t({ key: "console-admin-invites-title" }), body));
}

/** Makes a code as `/invite` does: a head's code needs a unit in service; an officer's has none. */
async function make(deps: ConsoleDeps, req: Request, res: Response) {
  const role = InviteRole.safeParse(field(req.body, "role"));
  if (!role.success) return done(res, BASE, [{ key: "console-admin-role-bad" }]);
  const unitText = field(req.body, "unit");
  let unitId: number | null = null;
  if (unitText && role.data !== "officer") {
    const unit = await unitById(deps.db, pathId(unitText));
    if (!unit || unit.retiredPeriod) return done(res, BASE, [{ key: "console-admin-unit-gone" }]);
    unitId = unit.id;
  }
  if (role.data === "head" && unitId === null) return done(res, BASE, [{ key: "console-admin-invite-head-unit" }]);
  await actAndReturn(deps, res, { type: "invite.create", role: role.data, unitId }, BASE);
}

async function revoke(deps: ConsoleDeps, req: Request, res: Response) {
  const { viewer, now } = locals(res);
  const id = pathId(req.params.id);
  const revoked = !Number.isNaN(id) && (await revokeInvite(deps.db, id, now));
  if (revoked) {
    deps.log.info({ personId: viewer.id, inviteId: id }, "console admin: invite revoked");
    await recordConsoleChange(deps.db, { at: now, personId: viewer.id, action: "invite.revoke", subject: `#${id}` });
  }
  done(res, BASE, [{ key: revoked ? "console-admin-invite-revoked" : "console-admin-invite-gone" }]);
}

/** Invite codes: make one, list the unused ones (codes shown to officers only), revoke one. */
export function registerAdminInvites(router: Router, deps: ConsoleDeps): void {
  router.get("/admin/invites", (req, res) => listPage(deps, req, res));
  router.post("/admin/invites/make", (req, res) => make(deps, req, res));
  router.post("/admin/invites/:id/revoke", (req, res) => revoke(deps, req, res));
}
