import type { Router } from "express";
import type { ConsoleDeps } from "../deps.ts";
import { html } from "../html.ts";
import { page } from "../layout.ts";
import { locals } from "../session.ts";

/** `/console`: the month's overview. */
export function registerOverview(router: Router, _deps: ConsoleDeps): void {
  router.get("/", (_req, res) => {
    const { t } = locals(res);
    res.type("html").send(page(res, { title: t({ key: "console-overview-title", args: { period: "" } }), area: "overview", body: html`` }));
  });
}
