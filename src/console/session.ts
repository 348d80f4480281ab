import type { NextFunction, Request, RequestHandler, Response } from "express";
import { isOfficer } from "../domain/access.ts";
import type { PersonView } from "../domain/person.ts";
import type { Msg } from "../domain/message.ts";
import { Lang } from "../domain/roles.ts";
import { t } from "../i18n.ts";
import { consoleSession, csrfMatches, CONSOLE_IDLE_HOURS, type ConsoleSessionView } from "../store/console-sessions.ts";
import { personView } from "../store/people.ts";
import type { ConsoleDeps } from "./deps.ts";
import { errorPage } from "./layout.ts";

/** The session cookie: only on /console paths, never readable by scripts. */
export const COOKIE_NAME = "vx_console";

/** What every signed-in console request carries on `res.locals`. */
export interface ConsoleLocals {
  viewer: PersonView;
  session: ConsoleSessionView;
  lang: Lang;
  /** renders a locale message in the viewer's language */
  t: (msg: Msg) => string;
  /** the current instant, from the product's clock */
  now: Date;
}

/** The signed-in viewer and their session; only valid after {@link loadSession}. */
export function locals(res: Response): ConsoleLocals {
  return res.locals as ConsoleLocals;
}

/** The session cookie's value in a request, if any. */
export function sessionCookie(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === COOKIE_NAME) return rest.join("=");
  }
  return undefined;
}

/** Sets the session cookie: HTTP-only, SameSite=Lax (the link is opened from a chat app), Secure over https. */
export function setSessionCookie(res: Response, id: string, publicUrl: string): void {
  res.cookie(COOKIE_NAME, id, {
    path: "/console",
    httpOnly: true,
    sameSite: "lax",
    secure: publicUrl.startsWith("https://"),
    maxAge: CONSOLE_IDLE_HOURS * 3_600_000,
  });
}

export function clearSessionCookie(res: Response, publicUrl: string): void {
  res.clearCookie(COOKIE_NAME, { path: "/console", httpOnly: true, sameSite: "lax", secure: publicUrl.startsWith("https://") });
}

/** Whether a person may use the console at all: officers, and heads (for their own units). */
export function mayUseConsole(person: PersonView): boolean {
  return isOfficer(person) || person.headOf.length > 0;
}

/**
 * Loads the session behind the cookie and the person behind it onto `res.locals`. Without an open
 * session a page is redirected to the sign-in page; a person whose roles were taken away since gets
 * a 403 page.
 */
export function loadSession(deps: ConsoleDeps): RequestHandler {
  return async (req, res, next) => {
    const now = deps.clock();
    const id = sessionCookie(req);
    const session = id ? await consoleSession(deps.db, id, now) : null;
    const viewer = session ? await personView(deps.db, session.personId) : null;
    if (!session || !viewer) {
      if (id) clearSessionCookie(res, deps.publicUrl);
      res.redirect(303, "/console/signin");
      return;
    }
    const lang = viewer.lang;
    Object.assign(res.locals, { viewer, session, lang, now, t: (msg: Msg) => t(lang, msg) } satisfies ConsoleLocals);
    if (!mayUseConsole(viewer)) {
      forbidden(res);
      return;
    }
    next();
  };
}

/**
 * Every POST must carry the session's CSRF token: the form field `_csrf`, or the header
 * `X-CSRF-Token` (a multipart upload, whose body is read later, sends it as `?_csrf=`).
 * Without it: 403, and nothing changes.
 */
export const checkCsrf: RequestHandler = (req, res, next) => {
  if (req.method !== "POST") return next();
  const multipart = (req.headers["content-type"] ?? "").startsWith("multipart/form-data");
  const given = (req.body as Record<string, unknown> | undefined)?._csrf ?? req.headers["x-csrf-token"] ?? (multipart ? req.query._csrf : undefined);
  if (csrfMatches(locals(res).session, given)) return next();
  const { t } = locals(res);
  res.status(403).type("html").send(errorPage(locals(res).lang, t({ key: "console-csrf-title" }), t({ key: "console-csrf-body" })));
};

/** Sends the 403 page: this viewer may not see this. */
export function forbidden(res: Response): void {
  const { lang } = locals(res);
  res.status(403).type("html").send(errorPage(lang, t(lang, { key: "console-forbidden-title" }), t(lang, { key: "console-forbidden-body" })));
}

/** Officers only (tips, cases, administration, documents): anyone else gets 403. */
export const requireOfficer: RequestHandler = (_req: Request, res: Response, next: NextFunction) => {
  if (isOfficer(locals(res).viewer)) return next();
  forbidden(res);
};

/** Whether the viewer may see a unit: an officer every unit, a head the units they head. */
export function canSeeUnit(viewer: PersonView, unitId: number): boolean {
  return isOfficer(viewer) || viewer.headOf.includes(unitId);
}

/**
 * The units a viewer's pages cover: `null` for every unit (officers), else the ids of the units
 * they head. Pages filter their lists through it, so a head never sees another unit's row.
 */
export function unitScope(viewer: PersonView): ReadonlySet<number> | null {
  return isOfficer(viewer) ? null : new Set(viewer.headOf);
}

/**
 * For a handler about one unit: true when the viewer may see it; otherwise sends 403 and returns
 * false (`if (!requireUnitAccess(res, unitId)) return;`).
 */
export function requireUnitAccess(res: Response, unitId: number): boolean {
  if (canSeeUnit(locals(res).viewer, unitId)) return true;
  forbidden(res);
  return false;
}
