import type { Router } from "express";
import type { ConsoleDeps } from "../deps.ts";
import { html } from "../html.ts";
import { requireOfficer, locals } from "../session.ts";
import { registerAdminAnnouncements } from "./admin-announcements.ts";
import { registerAdminChanges } from "./admin-changes.ts";
import { registerAdminInvites } from "./admin-invites.ts";
import { registerAdminMonths } from "./admin-months.ts";
import { ADMIN_SECTIONS, adminPage } from "./admin-parts.ts";
import { registerAdminPeople } from "./admin-people.ts";
import { registerAdminUnits } from "./admin-units.ts";

/**
 * `/console/admin/…`: units, invite codes, people's roles, announcements and month locks, for
 * officers only. Every change goes through the same store functions and feature effects as chat
 * and the admin CLI, so the same rules hold.
 */
export function registerAdmin(router: Router, deps: ConsoleDeps): void {
  router.use("/admin", requireOfficer);
  router.get("/admin", (_req, res) => {
    const { t } = locals(res);
    const body = html`<ul class="cards">${ADMIN_SECTIONS.map(
      (s) => html`<li class="card"><a href="/console/admin/${s}">${t({ key: `console-admin-${s}-title` })}</a><span class="muted">${t({ key: `console-admin-${s}-about` })}</span></li>`,
    )}</ul>`;
    res.type("html").send(adminPage(res, null, t({ key: "console-admin-title" }), body));
  });
  registerAdminUnits(router, deps);
  registerAdminInvites(router, deps);
  registerAdminPeople(router, deps);
  registerAdminAnnouncements(router, deps);
  registerAdminMonths(router, deps);
  registerAdminChanges(router, deps);
}
