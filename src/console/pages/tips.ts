import type { Request, Response, Router } from "express";
import type { Msg } from "../../domain/message.ts";
import { canMoveTip, normalizeTipCode, TipCategory, TipStatus, type TipView } from "../../domain/tips.ts";
import { displayDate, localDate } from "../../domain/time.ts";
import type { Effect } from "../../engine/feature.ts";
import { tipByCode, tipMessages, tipPhotoRef, tipQueue, tipStatusChanges } from "../../store/tips.ts";
import { listUnits, unitById } from "../../store/units.ts";
import { actFromConsole } from "../act.ts";
import type { ConsoleDeps } from "../deps.ts";
import { setFlash, takeFlash } from "../flash.ts";
import { html, type SafeHtml } from "../html.ts";
import { csrfField, errorPage, page } from "../layout.ts";
import { locals, requireOfficer } from "../session.ts";
import { pinMap } from "../tip-map.ts";

type PhotoFetch = Awaited<ReturnType<NonNullable<ConsoleDeps["fetchPhoto"]>>>;
type Photo = Extract<PhotoFetch, { ok: true }>;

/**
 * Photos fetched for a tip's page, handed to the `<img>` request that follows it, so one view
 * downloads the file once. Taken on first use, dropped after a minute, a few at most.
 */
class PhotoHandoff {
  private readonly held = new Map<string, { photo: Photo; until: number }>();
  put(code: string, photo: Photo): void {
    const now = Date.now();
    for (const [k, v] of this.held) if (v.until < now || this.held.size >= 8) this.held.delete(k);
    this.held.set(code, { photo, until: now + 60_000 });
  }
  take(code: string): Photo | undefined {
    const held = this.held.get(code);
    this.held.delete(code);
    return held && held.until >= Date.now() ? held.photo : undefined;
  }
}

/** Asks the tip's channel for its photo; what to show when it cannot give one. */
async function fetchTipPhoto(deps: ConsoleDeps, code: string): Promise<PhotoFetch | null> {
  const ref = await tipPhotoRef(deps.db, code);
  if (!ref) return null;
  const got: PhotoFetch = deps.fetchPhoto ? await deps.fetchPhoto(ref) : { ok: false, reason: "unavailable", failure: "not-configured" };
  // The tip's code and what failed: nothing of the sender, nor the channel's reference.
  if (!got.ok) deps.log.warn({ code, failure: got.failure }, "tip photo unavailable");
  return got;
}

/** A question to a tipster: as in chat's /hoi (features/tips/officer-flows.ts). */
const QUESTION = { min: 2, max: 1000 } as const;

/**
 * The day of a tip's time, and nothing finer: an hour and a minute could be lined up with the
 * sender's other traces (the tip's times are sealed for the same reason).
 */
function dayText(at: Date, timeZone: string): string {
  return displayDate(localDate(at, timeZone));
}

function notFound(res: Response): void {
  const { lang, t } = locals(res);
  res.status(404).type("html").send(errorPage(lang, t({ key: "console-tip-unknown-title" }), t({ key: "console-tip-unknown-body" })));
}

function flashBlock(res: Response): SafeHtml | null {
  const { t, session } = locals(res);
  const say = takeFlash(session.csrf);
  return say.length ? html`<div class="flash" role="status">${say.map((m) => html`<p>${t(m)}</p>`)}</div>` : null;
}

async function queue(deps: ConsoleDeps, req: Request, res: Response) {
  const { t } = locals(res);
  const status = TipStatus.safeParse(req.query.status);
  const category = TipCategory.safeParse(req.query.category);
  const bad = (req.query.status && !status.success) || (req.query.category && !category.success);
  const tips = await tipQueue(deps.db, { status: status.data, category: category.data });
  const option = (value: string, label: string, selected: boolean) => html`<option value="${value}"${selected ? html` selected` : ""}>${label}</option>`;
  const col = {
    code: t({ key: "console-tip-col-code" }),
    category: t({ key: "console-tip-col-category" }),
    status: t({ key: "console-tip-col-status" }),
    day: t({ key: "console-tip-col-day" }),
    place: t({ key: "console-tip-col-place" }),
  };
  const place = (tip: TipView) => (tip.location ? t({ key: "console-tip-pin" }) : (tip.placeText ?? "—"));
  const body = html`
${bad && html`<p class="notice" role="alert">${t({ key: "console-tip-filter-bad" })}</p>`}
<form class="filters" method="get" action="/console/tips">
<label>${t({ key: "console-tip-filter-status" })}<select name="status">
${option("", t({ key: "console-filter-all" }), !status.data)}
${TipStatus.options.map((s) => option(s, t({ key: `tip-status-${s}` }), s === status.data))}
</select></label>
<label>${t({ key: "console-tip-filter-category" })}<select name="category">
${option("", t({ key: "console-filter-all" }), !category.data)}
${TipCategory.options.map((c) => option(c, t({ key: `tip-cat-${c}` }), c === category.data))}
</select></label>
<button type="submit">${t({ key: "console-filter-apply" })}</button>
</form>
<p class="muted">${t({ key: "console-tips-order" })}</p>
<div class="scroll"><table class="stack">
<thead><tr><th scope="col">${col.code}</th><th scope="col">${col.category}</th><th scope="col">${col.status}</th><th scope="col">${col.day}</th><th scope="col">${col.place}</th></tr></thead>
<tbody>
${tips.map(
  (tip) => html`<tr>
<th scope="row"><a href="/console/tips/${tip.code}">${tip.code}</a></th>
<td data-label="${col.category}">${t({ key: `tip-cat-${tip.category}` })}</td>
<td data-label="${col.status}">${t({ key: `tip-status-${tip.status}` })}${tip.rewarded ? html` <span class="tag">${t({ key: "console-tip-rewarded" })}</span>` : ""}</td>
<td data-label="${col.day}">${dayText(tip.createdAt, deps.timeZone)}</td>
<td data-label="${col.place}">${place(tip)}</td>
</tr>`,
)}
${tips.length === 0 ? html`<tr><td colspan="5">${t({ key: "console-tips-none" })}</td></tr>` : ""}
</tbody></table></div>`;
  res.type("html").send(page(res, { title: t({ key: "console-tips-title" }), area: "tips", body }));
}

function photoBlock(res: Response, code: string, photo: PhotoFetch | null): SafeHtml {
  const { t } = locals(res);
  if (!photo) return html`<p>${t({ key: "console-tip-photo-none" })}</p>`;
  if (!photo.ok) return html`<p class="notice" role="status">${t({ key: photo.reason === "no-file" ? "console-tip-photo-no-file" : "console-tip-photo-unavailable" })}</p>`;
  const src = `/console/tips/${code}/photo`;
  return html`<figure class="photo"><a href="${src}"><img src="${src}" alt="${t({ key: "console-tip-photo-alt", args: { code } })}"></a></figure>`;
}

async function one(deps: ConsoleDeps, handoff: PhotoHandoff, req: Request, res: Response) {
  const { t } = locals(res);
  const code = normalizeTipCode(String(req.params.code));
  const tip = code ? await tipByCode(deps.db, code) : null;
  if (!tip) return notFound(res);
  const [changes, messages, units, photo] = await Promise.all([
    tipStatusChanges(deps.db, tip.id),
    tipMessages(deps.db, tip.id),
    listUnits(deps.db),
    tip.hasPhoto ? fetchTipPhoto(deps, tip.code) : null,
  ]);
  if (photo?.ok) handoff.put(tip.code, photo);
  // A unit retired since it was set is still named; only units in service are offered.
  const tipUnit = tip.unitId === null ? null : ((await unitById(deps.db, tip.unitId))?.name ?? null);
  const day = (at: Date) => dayText(at, deps.timeZone);
  const nextStatuses = TipStatus.options.filter((s) => canMoveTip(tip.status, s));
  const osm = tip.location
    ? `https://www.openstreetmap.org/?mlat=${tip.location.latitude.toFixed(5)}&mlon=${tip.location.longitude.toFixed(5)}#map=17/${tip.location.latitude.toFixed(5)}/${tip.location.longitude.toFixed(5)}`
    : null;
  const action = (name: string) => `/console/tips/${tip.code}/${name}`;

  const body = html`
${flashBlock(res)}
<dl class="facts">
<dt>${t({ key: "console-tip-col-category" })}</dt><dd>${t({ key: `tip-cat-${tip.category}` })}</dd>
<dt>${t({ key: "console-tip-col-status" })}</dt><dd>${t({ key: `tip-status-${tip.status}` })}${tip.rewarded ? html` <span class="tag">${t({ key: "console-tip-rewarded" })}</span>` : ""}</dd>
<dt>${t({ key: "console-tip-col-day" })}</dt><dd>${day(tip.createdAt)}</dd>
<dt>${t({ key: "console-tip-description" })}</dt><dd>${tip.description}</dd>
<dt>${t({ key: "console-tip-unit" })}</dt><dd>${tipUnit ?? t({ key: "console-tip-unit-none" })}</dd>
<dt>${t({ key: "console-tip-when" })}</dt><dd>${tip.whenText ?? "—"}</dd>
<dt>${t({ key: "console-tip-sender" })}</dt><dd>${tip.anonymous ? t({ key: "console-tip-anonymous" }) : t({ key: "console-tip-named", args: { contact: tip.contact ?? "" } })}</dd>
</dl>
<h2>${t({ key: "console-tip-col-place" })}</h2>
${
  tip.location && osm
    ? html`${pinMap({ ...tip.location, title: t({ key: "console-tip-map-title" }) })}<p><a href="${osm}" rel="noreferrer noopener">${t({ key: "console-tip-osm" })}</a></p>`
    : html`<p>${tip.placeText ?? t({ key: "console-tip-place-none" })}</p>`
}
<h2>${t({ key: "console-tip-photo" })}</h2>
${photoBlock(res, tip.code, photo)}
<h2>${t({ key: "console-tip-history" })}</h2>
${
  changes.length
    ? html`<ul>${changes.map((c) => html`<li>${day(c.at)}: ${t({ key: `tip-status-${c.from}` })} → ${t({ key: `tip-status-${c.to}` })}</li>`)}</ul>`
    : html`<p>${t({ key: "console-tip-history-none" })}</p>`
}
<h2>${t({ key: "console-tip-dialogue" })}</h2>
${
  messages.length
    ? html`<ul class="dialogue">${messages.map(
        (m) =>
          html`<li class="${m.kind === "answer" ? "answer" : "question"}"><strong>${t({ key: m.kind === "answer" ? "console-tip-answer" : "console-tip-question" })}</strong> <span class="muted">${day(m.createdAt)}</span><br>${m.text}</li>`,
      )}</ul>`
    : html`<p>${t({ key: "console-tip-dialogue-none" })}</p>`
}
<h2>${t({ key: "console-tip-actions" })}</h2>
<div class="actions">
${
  nextStatuses.length
    ? html`<form method="post" action="${action("move")}">${csrfField(res)}
<label>${t({ key: "console-tip-move-label" })}<select name="to">${nextStatuses.map((s) => html`<option value="${s}">${t({ key: `tip-status-${s}` })}</option>`)}</select></label>
<button type="submit">${t({ key: "console-tip-move" })}</button>
<p class="muted">${t({ key: "console-tip-move-note" })}</p></form>`
    : ""
}
<form method="post" action="${action("unit")}">${csrfField(res)}
<label>${t({ key: "console-tip-unit-label" })}<select name="unit">
<option value=""${tip.unitId === null ? html` selected` : ""}>${t({ key: "console-tip-unit-none" })}</option>
${units.map((u) => html`<option value="${String(u.id)}"${u.id === tip.unitId ? html` selected` : ""}>${u.name}</option>`)}
</select></label>
<button type="submit">${t({ key: "console-tip-unit-save" })}</button>
<p class="muted">${t({ key: "console-tip-unit-note" })}</p></form>
<form method="post" action="${action("ask")}">${csrfField(res)}
<label>${t({ key: "console-tip-ask-label" })}<textarea name="text" rows="3" required minlength="${QUESTION.min}" maxlength="${QUESTION.max}"></textarea></label>
<button type="submit">${t({ key: "console-tip-ask" })}</button>
<p class="muted">${t({ key: "console-tip-ask-note" })}</p></form>
${
  !tip.rewarded
    ? html`<form method="post" action="${action("reward")}">${csrfField(res)}
<button type="submit">${t({ key: "console-tip-reward" })}</button>
<p class="muted">${t({ key: "console-tip-reward-note" })}</p></form>`
    : ""
}
<form method="post" action="${action("block")}">${csrfField(res)}
<button type="submit">${t({ key: "console-tip-block" })}</button>
<p class="muted">${t({ key: "console-tip-block-note" })}</p></form>
</div>
<p><a href="/console/tips">${t({ key: "console-tip-back" })}</a></p>`;
  res.type("html").send(page(res, { title: t({ key: "console-tip-title", args: { code: tip.code } }), area: "tips", body }));
}

/**
 * The image itself, streamed with its type and not kept by the browser. Its URL and headers name
 * the tip's code only.
 */
async function photo(deps: ConsoleDeps, handoff: PhotoHandoff, req: Request, res: Response) {
  const { lang, t } = locals(res);
  const code = normalizeTipCode(String(req.params.code));
  if (!code || !(await tipByCode(deps.db, code))) return notFound(res);
  const got = handoff.take(code) ?? (await fetchTipPhoto(deps, code));
  if (!got) return res.status(404).type("html").send(errorPage(lang, t({ key: "console-tip-photo" }), t({ key: "console-tip-photo-none" })));
  if (!got.ok) {
    const key = got.reason === "no-file" ? "console-tip-photo-no-file" : "console-tip-photo-unavailable";
    return res.status(got.reason === "no-file" ? 404 : 502).type("html").send(errorPage(lang, t({ key: "console-tip-photo" }), t({ key })));
  }
  res.status(200).set({ "Content-Type": got.contentType, "Cache-Control": "no-store", "Content-Length": String(got.bytes.byteLength) }).end(got.bytes);
}

type TipAction = "move" | "ask" | "block" | "reward" | "unit";

/** The effect a form asks for, as chat's command would build it; or what to tell the officer instead. */
function effectOf(action: TipAction, code: string, form: Record<string, unknown>): Effect | Msg {
  switch (action) {
    case "move": {
      const to = TipStatus.safeParse(form.to);
      return to.success ? { type: "tip.move", code, to: to.data } : { key: "console-tip-move-bad" };
    }
    case "ask": {
      const text = typeof form.text === "string" ? form.text.trim() : "";
      return text.length >= QUESTION.min && text.length <= QUESTION.max ? { type: "tip.ask", code, text } : { key: "console-tip-ask-bad", args: { max: QUESTION.max } };
    }
    case "block":
      return { type: "tip.block", code };
    case "reward":
      return { type: "tip.reward", code };
    case "unit": {
      // "" is "not known"; whether the unit exists and is in service is checked when the effect is applied.
      const raw = typeof form.unit === "string" ? form.unit.trim() : undefined;
      if (raw === "") return { type: "tip.unit", code, unitId: null };
      return raw !== undefined && /^\d{1,9}$/.test(raw) ? { type: "tip.unit", code, unitId: Number(raw) } : { key: "console-tip-unit-form-bad" };
    }
  }
}

async function act(deps: ConsoleDeps, action: TipAction, req: Request, res: Response) {
  const { viewer, now, session } = locals(res);
  const code = normalizeTipCode(String(req.params.code));
  if (!code || !(await tipByCode(deps.db, code))) return notFound(res);
  const wanted = effectOf(action, code, (req.body ?? {}) as Record<string, unknown>);
  const say = "type" in wanted ? await actFromConsole(deps, viewer, wanted, now) : [wanted];
  // The tip's code and the action only: nothing of the sender is known here to be logged.
  if ("type" in wanted) deps.log.info({ code, action }, "console tip action");
  setFlash(session.csrf, say);
  res.redirect(303, `/console/tips/${code}`);
}

/**
 * `/console/tips` (`?status=…&category=…`): the officers' queue, newest first; `/console/tips/<code>`:
 * one tip with its photo (`/console/tips/<code>/photo`, fetched from its channel), and the forms that
 * move it, ask its sender, reward or block them, as chat's commands do, and the one that sets the
 * neighbourhood where it happened (`tip.unit`).
 */
export function registerTips(router: Router, deps: ConsoleDeps): void {
  const handoff = new PhotoHandoff();
  router.get("/tips", requireOfficer, (req, res) => queue(deps, req, res));
  router.get("/tips/:code", requireOfficer, (req, res) => one(deps, handoff, req, res));
  router.get("/tips/:code/photo", requireOfficer, (req, res) => photo(deps, handoff, req, res));
  for (const action of ["move", "ask", "block", "reward", "unit"] as const) {
    router.post(`/tips/:code/${action}`, requireOfficer, (req, res) => act(deps, action, req, res));
  }
}
