import type { Response } from "express";
import type { Msg } from "../../domain/message.ts";
import type { Effect } from "../../engine/feature.ts";
import { actFromConsole } from "../act.ts";
import type { ConsoleDeps } from "../deps.ts";
import { setFlash, takeFlash } from "../flash.ts";
import { html, type SafeHtml } from "../html.ts";
import { page } from "../layout.ts";
import { locals } from "../session.ts";

/** The administration's sections, in the order of its sub-navigation. */
export const ADMIN_SECTIONS = ["units", "invites", "people", "announcements", "months", "changes"] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

/** An administration page: the console's shell, the sections' links, what the last action said. */
export function adminPage(res: Response, section: AdminSection | null, title: string, body: SafeHtml): string {
  const { t, session } = locals(res);
  const say = takeFlash(session.csrf);
  const nav = html`<nav class="subnav" aria-label="${t({ key: "console-admin-nav-label" })}"><ul class="legend">${ADMIN_SECTIONS.map(
    (s) => html`<li><a href="/console/admin/${s}"${s === section ? html` aria-current="page"` : ""}>${t({ key: `console-admin-${s}-title` })}</a></li>`,
  )}</ul></nav>`;
  const flash = say.length ? html`<div class="flash" role="status">${say.map((m) => html`<p>${t(m)}</p>`)}</div>` : null;
  return page(res, { title, area: "admin", body: html`${nav}${flash}${body}` });
}

/** Ends a POST: what happened is kept for the next page, and the browser sent there (post/redirect/get). */
export function done(res: Response, to: string, say: Msg[]): void {
  setFlash(locals(res).session.csrf, say);
  res.redirect(303, to);
}

/**
 * Applies an effect as chat would (its feature's handler checks the rules again), logs who did
 * it, and redirects to `to` with what the handler said.
 */
export async function actAndReturn(deps: ConsoleDeps, res: Response, effect: Effect, to: string): Promise<void> {
  const { viewer, now } = locals(res);
  const say = await actFromConsole(deps, viewer, effect, now);
  deps.log.info({ personId: viewer.id, effect: effect.type }, "console admin action");
  done(res, to, say);
}

/** A whole number typed in a form ("150"), or undefined: `Number("")` is 0 and `Number("1e2")` 100. */
export function wholeNumber(value: unknown): number | undefined {
  return typeof value === "string" && /^\d{1,9}$/.test(value.trim()) ? Number(value.trim()) : undefined;
}

/** A form field as text (a repeated field is refused as absent). */
export function field(body: unknown, name: string): string {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  return typeof v === "string" ? v : "";
}

/** An id in a path, or NaN. */
export function pathId(value: unknown): number {
  return typeof value === "string" && /^\d{1,9}$/.test(value) ? Number(value) : NaN;
}
