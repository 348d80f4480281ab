import type { Request, Response, Router } from "express";
import { monthlyExport, type ExportFormat } from "../../admin/export.ts";
import { gatherReview, lastFullMonths, reviewDocx } from "../../admin/review.ts";
import { periodOf } from "../../domain/period.ts";
import type { ConsoleDeps } from "../deps.ts";
import { html } from "../html.ts";
import { csrfField, page } from "../layout.ts";
import { locals, requireOfficer } from "../session.ts";
import { checkMonth, checkReview, docxName, monthlyName, NARRATIVE_PARTS, REVIEW_CHOICES, type ReviewForm } from "./documents-form.ts";

/** What the documents page shows again after a refused request: the message and what was typed. */
interface Shown {
  month?: string;
  monthError?: string;
  review?: ReviewForm;
  reviewError?: string;
}

const TYPES = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;

/** Sends a file to save: its type, and a plain ASCII name every browser and phone keeps as is. */
function download(res: Response, name: string, type: string, content: Buffer): void {
  res.set({ "Content-Type": type, "Content-Disposition": `attachment; filename="${name}"`, "Content-Length": String(content.length) });
  res.end(content);
}

/** The review form's fields as first shown: the last 6 full months, or 12 when `?months=12`. */
function defaultReview(deps: ConsoleDeps, req: Request, res: Response): ReviewForm {
  const months = REVIEW_CHOICES.includes(Number(req.query.months)) ? Number(req.query.months) : REVIEW_CHOICES[0]!;
  const range = lastFullMonths(locals(res).now, deps.timeZone, months);
  return { from: range.from, to: range.to, number: "", shortcomings: "", directions: "", proposals: "" };
}

/** `/console/documents`: the monthly table to download, and the review report's form. */
function documentsPage(deps: ConsoleDeps, req: Request, res: Response, status: number, shown: Shown = {}) {
  const { t, now } = locals(res);
  const current = periodOf(now, deps.timeZone);
  const month = shown.month ?? current;
  const review = shown.review ?? defaultReview(deps, req, res);
  const body = html`
<p class="lead">${t({ key: "console-docs-lead" })}</p>
<section aria-labelledby="monthly">
<h2 id="monthly">${t({ key: "console-docs-monthly-heading" })}</h2>
<p>${t({ key: "console-docs-monthly-text" })}</p>
${shown.monthError && html`<p class="notice" role="alert" id="month-error">${shown.monthError}</p>`}
<form class="filters" method="get" action="/console/documents/monthly">
<label>${t({ key: "console-filter-month" })}<input type="month" name="month" value="${month}" max="${current}" required${shown.monthError ? html` aria-invalid="true" aria-describedby="month-error"` : ""}></label>
<button type="submit" name="format" value="xlsx">${t({ key: "console-docs-download-xlsx" })}</button>
<button type="submit" name="format" value="csv">${t({ key: "console-docs-download-csv" })}</button>
</form>
</section>
<section aria-labelledby="review">
<h2 id="review">${t({ key: "console-docs-review-heading" })}</h2>
<p>${t({ key: "console-docs-review-text" })}</p>
<p>${t({ key: "console-docs-review-choices" })} ${REVIEW_CHOICES.map(
    (n, i) => html`${i > 0 ? " · " : ""}<a href="/console/documents?months=${n}#review">${t({ key: "console-docs-review-last", args: { months: n } })}</a>`,
  )}</p>
${shown.reviewError && html`<p class="notice" role="alert" id="review-error">${shown.reviewError}</p>`}
<form class="document" method="post" action="/console/documents/review"${shown.reviewError ? html` aria-describedby="review-error"` : ""}>
${csrfField(res)}
<fieldset class="filters">
<legend>${t({ key: "console-docs-review-range" })}</legend>
<label>${t({ key: "console-docs-review-from" })}<input type="month" name="from" value="${review.from}" max="${current}" required></label>
<label>${t({ key: "console-docs-review-to" })}<input type="month" name="to" value="${review.to}" max="${current}" required></label>
</fieldset>
<label>${t({ key: "console-docs-review-number" })}<input type="text" name="number" value="${review.number}" maxlength="40" placeholder="15/BC-CAX" autocomplete="off"></label>
${NARRATIVE_PARTS.map(
    (part) => html`<label>${t({ key: `console-docs-review-${part}` })}<textarea name="${part}" rows="6" aria-describedby="${part}-hint">${review[part]}</textarea></label>
<p class="muted" id="${part}-hint">${t({ key: `console-docs-review-${part}-hint` })}</p>`,
  )}
<p class="muted">${t({ key: "console-docs-review-blank" })}</p>
<button type="submit">${t({ key: "console-docs-review-submit" })}</button>
</form>
</section>`;
  res.status(status).type("html").send(page(res, { title: t({ key: "console-docs-title" }), area: "docs", body }));
}

/** `/console/documents/monthly?month=YYYY-MM&format=xlsx|csv`: the bytes `npm run admin -- export` writes. */
async function monthlyDownload(deps: ConsoleDeps, req: Request, res: Response) {
  const { t, now, viewer } = locals(res);
  const checked = checkMonth(req.query.month, periodOf(now, deps.timeZone));
  const format: ExportFormat = req.query.format === "csv" ? "csv" : "xlsx";
  if (!checked.ok) {
    documentsPage(deps, req, res, 400, { month: typeof req.query.month === "string" ? req.query.month : undefined, monthError: t(checked.error) });
    return;
  }
  const made = await monthlyExport(deps.db, checked.period, format, { now, timeZone: deps.timeZone, org: deps.org });
  deps.log.info({ personId: viewer.id, period: checked.period, format }, "console: monthly table downloaded");
  download(res, monthlyName(checked.period, format), TYPES[format], made.content);
}

/** POST `/console/documents/review`: the review report of the months chosen, with the narrative typed. */
async function reviewDownload(deps: ConsoleDeps, req: Request, res: Response) {
  const { t, now, viewer } = locals(res);
  const checked = checkReview(req.body as Record<string, unknown>, periodOf(now, deps.timeZone));
  if (!checked.ok) {
    documentsPage(deps, req, res, 400, { review: checked.form, reviewError: t(checked.error) });
    return;
  }
  const { range, form } = checked;
  const data = await gatherReview(deps.db, range, { timeZone: deps.timeZone, now });
  const narrative = { shortcomings: form.shortcomings || undefined, directions: form.directions || undefined, proposals: form.proposals || undefined };
  const content = await reviewDocx(data, narrative, deps.org, { issuedAt: now, timeZone: deps.timeZone, number: form.number || undefined });
  deps.log.info({ personId: viewer.id, from: range.from, to: range.to }, "console: review report generated");
  download(res, docxName(range), TYPES.docx, content);
}

/**
 * The documents area, officers only: the consolidated table names every unit, and the review
 * report covers the whole town, so a head (who files their own unit's figures in chat) gets 403.
 */
export function registerDocuments(router: Router, deps: ConsoleDeps): void {
  router.get("/documents", requireOfficer, (req, res) => documentsPage(deps, req, res, 200));
  router.get("/documents/monthly", requireOfficer, (req, res) => monthlyDownload(deps, req, res));
  router.post("/documents/review", requireOfficer, (req, res) => reviewDownload(deps, req, res));
  // The navigation's first name for the area.
  router.get("/docs", requireOfficer, (_req, res) => res.redirect(303, "/console/documents"));
}

