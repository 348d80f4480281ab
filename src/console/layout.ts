import type { Response } from "express";
import { isOfficer } from "../domain/access.ts";
import type { PersonView } from "../domain/person.ts";
import type { Lang } from "../domain/roles.ts";
import { t } from "../i18n.ts";
import { html, type SafeHtml } from "./html.ts";
import type { ConsoleLocals } from "./session.ts";

/** The areas of the console, in the order of the navigation bar. */
export type NavArea = "overview" | "green" | "tips" | "cases" | "admin" | "docs";

interface NavItem {
  area: NavArea;
  href: string;
  key: string;
  /** only officers see it (a head's console is their own unit's overview and green zone) */
  officerOnly: boolean;
}

const NAV: NavItem[] = [
  { area: "overview", href: "/console", key: "console-nav-overview", officerOnly: false },
  { area: "green", href: "/console/green", key: "console-nav-green", officerOnly: false },
  { area: "tips", href: "/console/tips", key: "console-nav-tips", officerOnly: true },
  { area: "cases", href: "/console/cases", key: "console-nav-cases", officerOnly: true },
  { area: "admin", href: "/console/admin", key: "console-nav-admin", officerOnly: true },
  { area: "docs", href: "/console/documents", key: "console-nav-docs", officerOnly: true },
];

/** The navigation items a viewer may follow. */
export function navFor(viewer: PersonView): NavArea[] {
  return NAV.filter((n) => !n.officerOnly || isOfficer(viewer)).map((n) => n.area);
}

function shell(lang: Lang, title: string, nav: SafeHtml | null, main: SafeHtml): string {
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} · Vùng Xanh</title>
<link rel="stylesheet" href="/console/style.css">
</head>
<body>
<a class="skip" href="#main">${t(lang, { key: "console-skip" })}</a>
<header class="top">
<div class="brand">${t(lang, { key: "console-brand" })}</div>
${nav}
</header>
<main id="main" tabindex="-1">
${main}
</main>
</body>
</html>`.value;
}

/** What a console page puts in the shell. */
export interface PageInput {
  title: string;
  /** the navigation item shown as current */
  area?: NavArea;
  body: SafeHtml;
}

/**
 * A whole signed-in page: the shell, the navigation the viewer's roles allow (and the sign-out
 * form, with its CSRF token), the title and the body.
 */
export function page(res: Response, input: PageInput): string {
  const { viewer, session, lang } = res.locals as ConsoleLocals;
  const areas = new Set(navFor(viewer));
  const nav = html`<nav aria-label="${t(lang, { key: "console-nav-label" })}"><ul>
${NAV.filter((n) => areas.has(n.area)).map(
  (n) => html`<li><a href="${n.href}"${n.area === input.area ? html` aria-current="page"` : ""}>${t(lang, { key: n.key })}</a></li>`,
)}
<li><form method="post" action="/console/logout"><input type="hidden" name="_csrf" value="${session.csrf}"><button type="submit" class="linklike">${t(lang, { key: "console-nav-logout" })}</button></form></li>
</ul></nav>`;
  return shell(lang, input.title, nav, html`<h1>${input.title}</h1>${input.body}`);
}

/** A page outside a session (sign-in, a spent link, 403): a title and a paragraph, no navigation. */
export function errorPage(lang: Lang, title: string, text: string, extra?: SafeHtml): string {
  return shell(lang, title, null, html`<h1>${title}</h1><p class="lead">${text}</p>${extra}`);
}

/** A hidden CSRF field for a page's own POST forms. */
export function csrfField(res: Response): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${(res.locals as ConsoleLocals).session.csrf}">`;
}
