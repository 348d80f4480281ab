import { randomBytes } from "node:crypto";
import type { Request, Response, Router } from "express";
import { UsageError } from "../../admin/args.ts";
import { readUnitBytes } from "../../admin/unit-file.ts";
import type { Msg } from "../../domain/message.ts";
import { displayPeriod, periodOf } from "../../domain/period.ts";
import { readUnitList, type UnitListRow } from "../../domain/unit-list.ts";
import { Classification, Households, UnitName } from "../../domain/units.ts";
import { classMsg } from "../../domain/words.ts";
import { inTransaction } from "../../store/client.ts";
import { recordConsoleChange } from "../../store/console-changes.ts";
import { addUnit, allUnits, importUnits, RetiredUnitError, UnitExistsError, unitById, type ImportOutcome } from "../../store/units.ts";
import type { ConsoleDeps } from "../deps.ts";
import { html } from "../html.ts";
import { csrfField, errorPage } from "../layout.ts";
import { readMonth } from "../parts.ts";
import { locals } from "../session.ts";
import { actAndReturn, adminPage, done, field, pathId, wholeNumber } from "./admin-parts.ts";
import { rawMultipart, uploadedFile } from "./admin-upload.ts";

const BASE = "/console/admin/units";

/** A unit's name as typed in a form: one space between words, composed diacritics (as the CLI reads it). */
const typedName = (text: string) => text.normalize("NFC").replace(/\s+/g, " ").trim();

/** The class select of a form, with `selected` marked. */
function classOptions(t: (m: Msg) => string, selected?: string) {
  return Classification.options.map((c) => html`<option value="${c}"${c === selected ? html` selected` : ""}>${t(classMsg(c))}</option>`);
}

/** A checked import waiting for its confirm button: kept in memory by session, for half an hour. */
interface PendingImport {
  session: string;
  fileName: string;
  rows: UnitListRow[];
  preview: ImportOutcome;
  at: number;
}
const pending = new Map<string, PendingImport>();
const PENDING_MS = 30 * 60_000;
const MAX_PENDING = 50;

function keepPending(p: PendingImport): string {
  for (const [k, v] of pending) if (p.at - v.at > PENDING_MS || v.session === p.session) pending.delete(k);
  if (pending.size >= MAX_PENDING) pending.delete(pending.keys().next().value!);
  const token = randomBytes(12).toString("base64url");
  pending.set(token, p);
  return token;
}

/** Thrown inside the preview's transaction so nothing of the trial import is kept. */
class TrialOnly extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super("trial import");
  }
}

/**
 * What importing the rows would do, found by running the real import in a transaction that is
 * then rolled back: the preview and the import cannot disagree, and no rule is written twice.
 */
async function trialImport(deps: ConsoleDeps, rows: UnitListRow[], period: string, now: Date): Promise<ImportOutcome> {
  try {
    await inTransaction(deps.db, async (tx) => {
      throw new TrialOnly(await importUnits(tx, rows, { period, byPersonId: null, by: "preview", now }));
    }, { maxWait: 30_000, timeout: 60_000 });
  } catch (error) {
    if (error instanceof TrialOnly) return error.outcome;
    throw error;
  }
  throw new Error("unreachable");
}

async function listPage(deps: ConsoleDeps, _req: Request, res: Response) {
  const { t } = locals(res);
  const units = await allUnits(deps.db);
  const body = html`
<section aria-labelledby="add"><h2 id="add">${t({ key: "console-admin-units-add" })}</h2>
<form method="post" action="${BASE}/add" class="filters">${csrfField(res)}
<label>${t({ key: "console-admin-unit-name" })}<input name="name" required maxlength="80" autocomplete="off"></label>
<label>${t({ key: "console-admin-unit-households" })}<input name="households" inputmode="numeric" pattern="[0-9]*" value="0"></label>
<label>${t({ key: "console-admin-unit-class" })}<select name="class">${classOptions(t, "clean")}</select></label>
<button type="submit">${t({ key: "console-admin-units-add-button" })}</button>
</form></section>
<section aria-labelledby="import"><h2 id="import">${t({ key: "console-admin-units-import" })}</h2>
<p class="muted">${t({ key: "console-admin-units-import-help" })}</p>
<form method="post" action="${BASE}/import?_csrf=${locals(res).session.csrf}" enctype="multipart/form-data" class="filters">
<label>${t({ key: "console-admin-units-import-file" })}<input type="file" name="file" accept=".csv,.xlsx,.txt" required></label>
<button type="submit">${t({ key: "console-admin-units-import-check" })}</button>
</form></section>
<h2 id="list">${t({ key: "console-admin-units-list", args: { count: units.length } })}</h2>
<div class="scroll"><table class="stack">
<thead><tr><th scope="col">${t({ key: "console-col-unit" })}</th><th scope="col">${t({ key: "console-admin-unit-class" })}</th><th scope="col" class="num">${t({ key: "console-admin-unit-households" })}</th><th scope="col">${t({ key: "console-admin-unit-retired" })}</th></tr></thead>
<tbody>
${units.map(
  (u) => html`<tr><th scope="row"><a href="${BASE}/${u.id}">${u.name}</a></th><td data-label="${t({ key: "console-admin-unit-class" })}">${t(classMsg(u.classification))}</td><td class="num" data-label="${t({ key: "console-admin-unit-households" })}">${u.households}</td><td data-label="${t({ key: "console-admin-unit-retired" })}">${u.retiredPeriod ? t({ key: "console-admin-unit-retired-from", args: { period: displayPeriod(u.retiredPeriod) } }) : "—"}</td></tr>`,
)}
${units.length === 0 ? html`<tr><td colspan="4">${t({ key: "console-units-none" })}</td></tr>` : ""}
</tbody></table></div>`;
  res.type("html").send(adminPage(res, "units", t({ key: "console-admin-units-title" }), body));
}

async function unitEditPage(deps: ConsoleDeps, req: Request, res: Response) {
  const { t, lang, now } = locals(res);
  const id = pathId(req.params.id);
  const unit = Number.isNaN(id) ? null : await unitById(deps.db, id);
  if (!unit) {
    res.status(404).type("html").send(errorPage(lang, t({ key: "console-notfound-title" }), t({ key: "console-unit-unknown" })));
    return;
  }
  const current = periodOf(now, deps.timeZone);
  const at = `${BASE}/${unit.id}`;
  const facts = html`<ul class="cards">
<li class="card">${t({ key: "console-admin-unit-class" })}<span class="big">${t(classMsg(unit.classification))}</span></li>
<li class="card">${t({ key: "console-admin-unit-households" })}<span class="big">${unit.households}</span></li>
</ul><p><a href="/console/units/${unit.id}">${t({ key: "console-admin-unit-record" })}</a></p>`;
  const forms = unit.retiredPeriod
    ? html`<p class="notice">${t({ key: "console-unit-retired", args: { period: displayPeriod(unit.retiredPeriod) } })} ${t({ key: "console-admin-unit-retired-fixed" })}</p>`
    : html`<div class="actions">
<form method="post" action="${at}/rename">${csrfField(res)}<h2>${t({ key: "console-admin-unit-rename" })}</h2>
<label>${t({ key: "console-admin-unit-new-name" })}<input name="name" required maxlength="80" value="${unit.name}"></label>
<button type="submit">${t({ key: "console-admin-unit-rename" })}</button></form>
<form method="post" action="${at}/households">${csrfField(res)}<h2>${t({ key: "console-admin-unit-set-households" })}</h2>
<label>${t({ key: "console-admin-unit-households" })}<input name="households" inputmode="numeric" pattern="[0-9]*" required value="${unit.households}"></label>
<button type="submit">${t({ key: "console-admin-save" })}</button></form>
<form method="post" action="${at}/reclassify">${csrfField(res)}<h2>${t({ key: "console-admin-unit-reclassify" })}</h2>
<label>${t({ key: "console-admin-unit-class" })}<select name="class">${classOptions(t, unit.classification)}</select></label>
<label>${t({ key: "console-admin-from-month" })}<input type="month" name="period" required value="${current}"></label>
<button type="submit">${t({ key: "console-admin-unit-reclassify" })}</button></form>
<form method="post" action="${at}/retire">${csrfField(res)}<h2>${t({ key: "console-admin-unit-retire" })}</h2>
<p class="muted">${t({ key: "console-admin-unit-retire-help" })}</p>
<label>${t({ key: "console-admin-from-month" })}<input type="month" name="period" required value="${current}"></label>
<button type="submit">${t({ key: "console-admin-unit-retire" })}</button></form>
</div>`;
  res.type("html").send(adminPage(res, "units", unit.name, html`${facts}${forms}`));
}

/** The unit a POST names, or a 404 page (and null). */
async function postedUnit(deps: ConsoleDeps, req: Request, res: Response) {
  const id = pathId(req.params.id);
  const unit = Number.isNaN(id) ? null : await unitById(deps.db, id);
  if (!unit) {
    const { t, lang } = locals(res);
    res.status(404).type("html").send(errorPage(lang, t({ key: "console-notfound-title" }), t({ key: "console-unit-unknown" })));
  }
  return unit;
}

async function add(deps: ConsoleDeps, req: Request, res: Response) {
  const { viewer } = locals(res);
  const name = UnitName.safeParse(typedName(field(req.body, "name")));
  const households = wholeNumber(field(req.body, "households") || "0");
  const cls = Classification.safeParse(field(req.body, "class"));
  const refused: Msg[] = [];
  if (!name.success) refused.push({ key: "console-admin-unit-name-bad" });
  if (households === undefined || !Households.safeParse(households).success) refused.push({ key: "console-admin-unit-households-bad" });
  if (!cls.success) refused.push({ key: "console-admin-unit-class-bad" });
  if (refused.length || !name.success || !cls.success) return done(res, BASE, refused);
  try {
    const unit = await addUnit(deps.db, { name: name.data, households: households!, classification: cls.data });
    deps.log.info({ personId: viewer.id, unitId: unit.id }, "console admin: unit added");
    await recordConsoleChange(deps.db, { at: locals(res).now, personId: viewer.id, action: "unit.add", subject: unit.name });
    done(res, BASE, [{ key: "console-admin-unit-added", args: { unit: unit.name, households: unit.households, class: classMsg(unit.classification) } }]);
  } catch (error) {
    if (error instanceof UnitExistsError) return done(res, BASE, [{ key: "unit-name-taken", args: { name: name.data } }]);
    throw error;
  }
}

async function rename(deps: ConsoleDeps, req: Request, res: Response) {
  const unit = await postedUnit(deps, req, res);
  if (!unit) return;
  const name = UnitName.safeParse(typedName(field(req.body, "name")));
  if (!name.success) return done(res, `${BASE}/${unit.id}`, [{ key: "console-admin-unit-name-bad" }]);
  await actAndReturn(deps, res, { type: "unit.rename", unitId: unit.id, name: name.data }, `${BASE}/${unit.id}`);
}

async function households(deps: ConsoleDeps, req: Request, res: Response) {
  const unit = await postedUnit(deps, req, res);
  if (!unit) return;
  const n = wholeNumber(field(req.body, "households"));
  if (n === undefined || !Households.safeParse(n).success) return done(res, `${BASE}/${unit.id}`, [{ key: "console-admin-unit-households-bad" }]);
  await actAndReturn(deps, res, { type: "unit.households", unitId: unit.id, households: n }, `${BASE}/${unit.id}`);
}

async function reclassify(deps: ConsoleDeps, req: Request, res: Response) {
  const unit = await postedUnit(deps, req, res);
  if (!unit) return;
  const cls = Classification.safeParse(field(req.body, "class"));
  const month = readMonth(field(req.body, "period"));
  if (!cls.success) return done(res, `${BASE}/${unit.id}`, [{ key: "console-admin-unit-class-bad" }]);
  if (!month.period) return done(res, `${BASE}/${unit.id}`, [{ key: "console-admin-month-bad" }]);
  await actAndReturn(deps, res, { type: "unit.reclassify", unitId: unit.id, classification: cls.data, period: month.period }, `${BASE}/${unit.id}`);
}

async function retire(deps: ConsoleDeps, req: Request, res: Response) {
  const unit = await postedUnit(deps, req, res);
  if (!unit) return;
  const month = readMonth(field(req.body, "period"));
  if (!month.period) return done(res, `${BASE}/${unit.id}`, [{ key: "console-admin-month-bad" }]);
  await actAndReturn(deps, res, { type: "unit.retire", unitId: unit.id, period: month.period }, `${BASE}/${unit.id}`);
}

/** The upload: read and checked as `units import` reads it, tried without keeping anything, then shown. */
async function importCheck(deps: ConsoleDeps, req: Request, res: Response) {
  const { now, session } = locals(res);
  const file = uploadedFile(req, "file");
  if (!file || file.bytes.length === 0) return done(res, BASE, [{ key: "console-admin-import-none" }]);
  let rows: UnitListRow[];
  try {
    const read = readUnitList(await readUnitBytes(file.fileName, file.bytes));
    if (!read.ok) {
      return done(res, BASE, [
        { key: "console-admin-import-bad-rows", args: { count: read.errors.length, file: file.fileName } },
        ...read.errors.slice(0, 20).map((e): Msg => ({ key: "console-admin-import-bad-row", args: { line: e.line, reason: e.reason } })),
      ]);
    }
    rows = read.rows;
  } catch (error) {
    if (error instanceof UsageError) return done(res, BASE, [{ key: "console-admin-import-unreadable", args: { reason: error.message } }]);
    throw error;
  }
  const period = periodOf(now, deps.timeZone);
  let preview: ImportOutcome;
  try {
    preview = await trialImport(deps, rows, period, now);
  } catch (error) {
    if (error instanceof RetiredUnitError) return done(res, BASE, [{ key: "console-admin-import-retired", args: { line: error.line, unit: error.unit } }]);
    throw error;
  }
  const token = keepPending({ session: session.csrf, fileName: file.fileName, rows, preview, at: now.getTime() });
  res.redirect(303, `${BASE}/import/${token}`);
}

function pendingFor(req: Request, res: Response): [string, PendingImport] | null {
  const token = String(req.params.token);
  const p = pending.get(token);
  if (!p || p.session !== locals(res).session.csrf || locals(res).now.getTime() - p.at > PENDING_MS) return null;
  return [token, p];
}

async function importPreview(_deps: ConsoleDeps, req: Request, res: Response) {
  const { t } = locals(res);
  const found = pendingFor(req, res);
  if (!found) return done(res, BASE, [{ key: "console-admin-import-stale" }]);
  const [token, p] = found;
  const { added, updated, unchanged } = p.preview;
  const body = html`
<p class="lead">${t({ key: "console-admin-import-summary", args: { file: p.fileName, added: added.length, updated: updated.length, unchanged: unchanged.length } })}</p>
<form method="post" action="${BASE}/import/${token}">${csrfField(res)}
<button type="submit">${t({ key: "console-admin-import-confirm" })}</button> <a href="${BASE}">${t({ key: "console-admin-cancel" })}</a>
</form>
${added.length > 0 && html`<h2>${t({ key: "console-admin-import-added" })}</h2><ul>${added.map((n) => html`<li>${n}</li>`)}</ul>`}
${updated.length > 0 && html`<h2>${t({ key: "console-admin-import-updated" })}</h2><ul>${updated.map((u) => html`<li>${u.name}: ${u.changes.join("; ")}</li>`)}</ul>`}`;
  res.type("html").send(adminPage(res, "units", t({ key: "console-admin-import-preview-title" }), body));
}

async function importConfirm(deps: ConsoleDeps, req: Request, res: Response) {
  const { viewer, now } = locals(res);
  const found = pendingFor(req, res);
  if (!found) return done(res, BASE, [{ key: "console-admin-import-stale" }]);
  const [token, p] = found;
  pending.delete(token);
  let outcome: ImportOutcome;
  try {
    outcome = await importUnits(deps.db, p.rows, { period: periodOf(now, deps.timeZone), byPersonId: viewer.id, by: `person:${viewer.id}`, now });
  } catch (error) {
    if (error instanceof RetiredUnitError) return done(res, BASE, [{ key: "console-admin-import-retired", args: { line: error.line, unit: error.unit } }]);
    throw error;
  }
  deps.log.info({ personId: viewer.id, added: outcome.added.length, updated: outcome.updated.length }, "console admin: units imported");
  await recordConsoleChange(deps.db, { at: now, personId: viewer.id, action: "units.import", subject: `${p.fileName}: +${outcome.added.length} ~${outcome.updated.length}` });
  done(res, BASE, [{ key: "console-admin-import-done", args: { file: p.fileName, added: outcome.added.length, updated: outcome.updated.length, unchanged: outcome.unchanged.length } }]);
}

/** Units: the list, add, edit (rename, households, class from a month, retire from a month), import a list. */
export function registerAdminUnits(router: Router, deps: ConsoleDeps): void {
  router.get("/admin/units", (req, res) => listPage(deps, req, res));
  router.post("/admin/units/add", (req, res) => add(deps, req, res));
  router.post("/admin/units/import", rawMultipart, (req, res) => importCheck(deps, req, res));
  router.get("/admin/units/import/:token", (req, res) => importPreview(deps, req, res));
  router.post("/admin/units/import/:token", (req, res) => importConfirm(deps, req, res));
  router.get("/admin/units/:id", (req, res) => unitEditPage(deps, req, res));
  router.post("/admin/units/:id/rename", (req, res) => rename(deps, req, res));
  router.post("/admin/units/:id/households", (req, res) => households(deps, req, res));
  router.post("/admin/units/:id/reclassify", (req, res) => reclassify(deps, req, res));
  router.post("/admin/units/:id/retire", (req, res) => retire(deps, req, res));
}
