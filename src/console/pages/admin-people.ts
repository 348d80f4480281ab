import type { Request, Response, Router } from "express";
import { InviteRole } from "../../domain/roles.ts";
import { allHolders, type ListedHolder } from "../../store/roles.ts";
import { allUnits } from "../../store/units.ts";
import type { ConsoleDeps } from "../deps.ts";
import { html } from "../html.ts";
import { csrfField } from "../layout.ts";
import { locals } from "../session.ts";
import { actAndReturn, adminPage, done, field, pathId } from "./admin-parts.ts";

const BASE = "/console/admin/people";

/**
 * Everyone who holds a role, by unit: heads and mentors under their unit, officers apart. Only
 * role holders are listed: a resident who only sends tips has no role and never appears here.
 */
async function listPage(deps: ConsoleDeps, _req: Request, res: Response) {
  const { t } = locals(res);
  const [holders, units] = await Promise.all([allHolders(deps.db), allUnits(deps.db)]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const groups = new Map<string, ListedHolder[]>();
  for (const h of holders) {
    const key = h.unitId === null ? "" : (unitName.get(h.unitId) ?? `#${h.unitId}`);
    groups.set(key, [...(groups.get(key) ?? []), h]);
  }
  const names = [...groups.keys()].sort((a, b) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b, "vi")));
  const body = html`
<p class="muted">${t({ key: "console-admin-people-help" })}</p>
<div class="scroll"><table class="stack">
<thead><tr><th scope="col">${t({ key: "console-col-unit" })}</th><th scope="col">${t({ key: "console-admin-person" })}</th><th scope="col">${t({ key: "console-admin-role" })}</th><th scope="col">${t({ key: "console-admin-channels" })}</th><th scope="col"><span class="sr">${t({ key: "console-admin-role-remove" })}</span></th></tr></thead>
<tbody>
${names.flatMap((name) =>
  groups.get(name)!.map(
    (h) => html`<tr><td data-label="${t({ key: "console-col-unit" })}">${name || t({ key: "console-admin-no-unit" })}</td><th scope="row">#${h.personId}</th><td data-label="${t({ key: "console-admin-role" })}">${t({ key: `role-${h.role}` })}</td><td data-label="${t({ key: "console-admin-channels" })}">${h.channels.join(", ") || "—"}</td>
<td><form method="post" action="${BASE}/remove">${csrfField(res)}<input type="hidden" name="person" value="${h.personId}"><input type="hidden" name="role" value="${h.role}"><input type="hidden" name="unit" value="${h.unitId ?? ""}"><button type="submit">${t({ key: "console-admin-role-remove" })}</button></form></td></tr>`,
  ),
)}
${holders.length === 0 ? html`<tr><td colspan="5">${t({ key: "console-admin-people-none" })}</td></tr>` : ""}
</tbody></table></div>`;
  res.type("html").send(adminPage(res, "people", t({ key: "console-admin-people-title" }), body));
}

/** Takes one role away through `role.remove`, whose rule keeps the last officer. */
async function remove(deps: ConsoleDeps, req: Request, res: Response) {
  const personId = pathId(field(req.body, "person"));
  const role = InviteRole.safeParse(field(req.body, "role"));
  const unitText = field(req.body, "unit");
  const unitId = unitText === "" ? null : pathId(unitText);
  if (Number.isNaN(personId) || !role.success || Number.isNaN(unitId)) return done(res, BASE, [{ key: "console-admin-role-bad" }]);
  await actAndReturn(deps, res, { type: "role.remove", personId, role: role.data, unitId: role.data === "officer" ? null : unitId }, BASE);
}

/** People and their roles: the list, and removing one role. */
export function registerAdminPeople(router: Router, deps: ConsoleDeps): void {
  router.get("/admin/people", (req, res) => listPage(deps, req, res));
  router.post("/admin/people/remove", (req, res) => remove(deps, req, res));
}
