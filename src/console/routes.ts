/**
 * The officers' console (issue 14): server-rendered pages under `/console`.
 *
 * Shape, for whoever adds a page:
 * - one file per area in `src/console/pages/<area>.ts`, exporting `register<Area>(router, deps)`
 *   that adds its routes (paths relative to `/console`); list it in `src/console/pages/index.ts`;
 * - every route registered there runs after {@link loadSession} (a signed-in viewer on
 *   `res.locals`, see `locals(res)`), the form parser and {@link checkCsrf} (every POST carries
 *   `_csrf`: put `csrfField(res)` in each form);
 * - check access on the server in each handler: `requireOfficer` as middleware,
 *   `requireUnitAccess(res, unitId)` for one unit, `unitScope(viewer)` to filter lists;
 * - write markup only with `html\`…\`` (escapes everything) and wrap it in `page(res, …)`;
 *   text comes from the locale files (`console-…` keys in both vi.ftl and en.ftl);
 * - read and write through `src/store/…` and the domain rules, never Prisma here.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import express, { type Router } from "express";
import { Lang, DEFAULT_LANG } from "../domain/roles.ts";
import { t } from "../i18n.ts";
import { endConsoleSession, openConsoleSession, redeemConsoleLogin } from "../store/console-sessions.ts";
import { personView } from "../store/people.ts";
import type { ConsoleDeps } from "./deps.ts";
import { html } from "./html.ts";
import { errorPage } from "./layout.ts";
import { registerPages } from "./pages/index.ts";
import { checkCsrf, clearSessionCookie, loadSession, locals, mayUseConsole, sessionCookie, setSessionCookie } from "./session.ts";

const css = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "console.css"), "utf8");

/**
 * Link previewers (the chat apps fetch a link to draw its card) must not spend a one-time link
 * before the person taps it: they get a neutral page, and the link stays unused.
 */
const PREVIEWER = /TelegramBot|TwitterBot|facebookexternalhit|Facebot|Slackbot|Discordbot|WhatsApp|LinkedInBot|Googlebot|bingbot|SkypeUriPreview|vkShare|redditbot|Applebot/i;

/** A page for someone not signed in, in the default language (we do not know who they are). */
function signedOutPage(status: number, titleKey: string, textKey: string) {
  const lang: Lang = DEFAULT_LANG;
  return {
    status,
    body: errorPage(lang, t(lang, { key: titleKey }), t(lang, { key: textKey }), html`<p>${t(lang, { key: "console-signin-how" })}</p>`),
  };
}

/** The console's router, mounted at `/console` by the HTTP app. */
export function consoleRouter(deps: ConsoleDeps): Router {
  const router = express.Router();

  // Pages carry no script and load nothing from elsewhere; say so, so an injected tag could not run.
  router.use((_req, res, next) => {
    res.set({
      "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "Cache-Control": "no-store",
    });
    next();
  });

  router.get("/style.css", (_req, res) => {
    res.type("css").set("Cache-Control", "public, max-age=300").send(css);
  });

  router.get("/signin", (_req, res) => {
    const p = signedOutPage(200, "console-signin-title", "console-signin-body");
    res.status(p.status).type("html").send(p.body);
  });

  router.get("/login/:token", async (req, res) => {
    if (req.method === "HEAD" || PREVIEWER.test(req.headers["user-agent"] ?? "")) {
      const p = signedOutPage(200, "console-link-preview-title", "console-link-preview-body");
      res.status(p.status).type("html").send(p.body);
      return;
    }
    const now = deps.clock();
    const outcome = await redeemConsoleLogin(deps.db, req.params.token, now);
    const person = outcome.ok ? await personView(deps.db, outcome.personId) : null;
    if (!outcome.ok || !person || !mayUseConsole(person)) {
      const reason = outcome.ok ? "unknown" : outcome.reason;
      const p = signedOutPage(reason === "unknown" ? 404 : 410, `console-link-${reason}-title`, `console-link-${reason}-body`);
      res.status(p.status).type("html").send(p.body);
      return;
    }
    const opened = await openConsoleSession(deps.db, person.id, now);
    setSessionCookie(res, opened.id, deps.publicUrl);
    deps.log.info({ personId: person.id }, "console session opened");
    res.redirect(303, "/console");
  });

  router.use(loadSession(deps));
  router.use(express.urlencoded({ extended: false, limit: "200kb" }));
  router.use(checkCsrf);

  router.post("/logout", async (req, res) => {
    const id = sessionCookie(req);
    if (id) await endConsoleSession(deps.db, id, deps.clock());
    clearSessionCookie(res, deps.publicUrl);
    const p = signedOutPage(200, "console-logout-title", "console-logout-body");
    res.status(p.status).type("html").send(p.body);
  });

  registerPages(router, deps);

  router.use((_req, res) => {
    const { lang } = locals(res);
    res.status(404).type("html").send(errorPage(lang, t(lang, { key: "console-notfound-title" }), t(lang, { key: "console-notfound-body" })));
  });
  return router;
}
