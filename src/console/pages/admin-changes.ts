import type { Request, Response, Router } from "express";
import { displayDateTime } from "../../domain/time.ts";
import { latestConsoleChanges } from "../../store/console-changes.ts";
import type { ConsoleDeps } from "../deps.ts";
import { html } from "../html.ts";
import { locals } from "../session.ts";
import { adminPage } from "./admin-parts.ts";

/** How many changes the page lists, newest first. */
const SHOWN = 200;

async function changesPage(deps: ConsoleDeps, _req: Request, res: Response) {
  const { t, viewer } = locals(res);
  const rows = await latestConsoleChanges(deps.db, SHOWN);
  const col = { who: t({ key: "console-audit-col-who" }), what: t({ key: "console-admin-changes-col-what" }), about: t({ key: "console-admin-changes-col-about" }) };
  const body = html`<p class="muted">${t({ key: "console-admin-changes-about" })}</p>
${
  rows.length
    ? html`<div class="scroll"><table class="stack">
<thead><tr><th scope="col">${t({ key: "console-audit-col-when" })}</th><th scope="col">${col.who}</th><th scope="col">${col.what}</th><th scope="col">${col.about}</th></tr></thead>
<tbody>${rows.map(
        (r) => html`<tr><th scope="row">${displayDateTime(r.at, deps.timeZone)}</th><td data-label="${col.who}">${t({ key: "console-audit-officer", args: { id: r.personId } })}${r.personId === viewer.id ? html` <span class="tag">${t({ key: "console-audit-you" })}</span>` : ""}</td><td data-label="${col.what}"><code>${r.action}</code></td><td data-label="${col.about}">${r.subject}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p>${t({ key: "console-admin-changes-none" })}</p>`
}`;
  res.type("html").send(adminPage(res, "changes", t({ key: "console-admin-changes-title" }), body));
}

/** `/console/admin/changes`: every change made from the console, who made it and when. */
export function registerAdminChanges(router: Router, deps: ConsoleDeps): void {
  router.get("/admin/changes", (req, res) => changesPage(deps, req, res));
}
