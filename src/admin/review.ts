import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { monthsBetween } from "../domain/green-zone.ts";
import { Period, previousPeriod } from "../domain/period.ts";
import { fail, noPositionals, parseFlags, validate } from "./args.ts";
import { writeWhole } from "./export.ts";
import type { AdminIo } from "./io.ts";
import { reviewDocx, type ReviewNarrative } from "./review/docx.ts";
import { gatherReview } from "./review/gather.ts";
import { lastFullMonths, nextPeriod, type ReviewRange } from "./review/range.ts";

export { gatherReview } from "./review/gather.ts";
export { reviewDocx, type ReviewDocxOptions, type ReviewNarrative } from "./review/docx.ts";
export type { ReviewData, ReviewUnit } from "./review/data.ts";
export { lastFullMonths, previousRange, type ReviewRange } from "./review/range.ts";

/** `review [--from YYYY-MM] [--to YYYY-MM] [--months N] [--out FILE] [--narrative FILE.json]`, parsed and checked. */
export interface ReviewCommand {
  kind: "review";
  /** null: the last `months` full months before today's month */
  from: Period | null;
  to: Period | null;
  months: number;
  out: string | null;
  narrative: string | null;
}

/** The longest range a review covers: three years of months keeps the tables on a few pages. */
export const MAX_REVIEW_MONTHS = 36;

const ReviewArgs = z.object({
  from: Period.optional(),
  to: Period.optional(),
  months: z.coerce.number().int("a whole number of months").min(1).max(MAX_REVIEW_MONTHS).optional(),
  out: z.string().trim().min(1, "the file name is empty").optional(),
  narrative: z.string().trim().min(1, "the file name is empty").optional(),
});

/** The officer's parts of the report, as a JSON file: each a text, each optional. */
export const NarrativeFile = z.strictObject({
  shortcomings: z.string().max(20_000).optional(),
  directions: z.string().max(20_000).optional(),
  proposals: z.string().max(20_000).optional(),
});

/** Where `review` writes without `--out`: a name that says which months it covers. */
export function defaultReviewFile(range: ReviewRange): string {
  return `vungxanh-bao-cao-${range.from}-${range.to}.docx`;
}

/** Reads the words after `review`; throws a UsageError for anything it cannot run. */
export function parseReviewCommand(args: string[]): ReviewCommand {
  const { values, positionals } = parseFlags("review", args, {
    from: { type: "string" },
    to: { type: "string" },
    months: { type: "string" },
    out: { type: "string" },
    narrative: { type: "string" },
  });
  noPositionals("review", positionals);
  const parsed = validate(ReviewArgs, values, { from: "--from", to: "--to", months: "--months", out: "--out", narrative: "--narrative" });
  if (parsed.from && parsed.to) {
    if (parsed.from > parsed.to) fail(`--from ${parsed.from} is after --to ${parsed.to}`);
    if (parsed.months !== undefined) fail("give --from and --to, or one of them with --months, not all three");
    if (monthsBetween(parsed.from, parsed.to).length > MAX_REVIEW_MONTHS) fail(`a review covers at most ${MAX_REVIEW_MONTHS} months`);
  }
  return { kind: "review", from: parsed.from ?? null, to: parsed.to ?? null, months: parsed.months ?? 6, out: parsed.out ?? null, narrative: parsed.narrative ?? null };
}

/** The months a command covers: as given, or `months` counted from the end given, or the last full months. */
export function commandRange(command: ReviewCommand, now: Date, timeZone: string): ReviewRange {
  const { from, to, months } = command;
  if (from && to) return { from, to };
  if (from) {
    let end = from;
    for (let i = 1; i < months; i++) end = nextPeriod(end);
    return { from, to: end };
  }
  if (to) {
    let start = to;
    for (let i = 1; i < months; i++) start = previousPeriod(start);
    return { from: start, to };
  }
  return lastFullMonths(now, timeZone, months);
}

/** Reads the narrative file: JSON with `shortcomings`, `directions`, `proposals`; any problem is the operator's to fix. */
function readNarrative(file: string): ReviewNarrative {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    return fail(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail(`${file} is not JSON: write {"shortcomings": "…", "directions": "…", "proposals": "…"}`);
  }
  const parsed = NarrativeFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return fail(`${file}: ${issue.path.join(".") || "the file"}: ${issue.message} (expected texts "shortcomings", "directions", "proposals")`);
  }
  return parsed.data;
}

/** Writes the review report of a range of months as a .docx. */
export async function runReviewCommand(command: ReviewCommand, io: AdminIo): Promise<void> {
  const timeZone = io.timeZone ?? "Asia/Ho_Chi_Minh";
  const cwd = io.cwd ?? process.cwd();
  const narrative = command.narrative ? readNarrative(path.resolve(cwd, command.narrative)) : {};
  const range = commandRange(command, io.now, timeZone);
  const data = await gatherReview(io.db, range, { timeZone, now: io.now });
  const content = await reviewDocx(data, narrative, io.org ?? {}, { issuedAt: io.now, timeZone });
  const file = path.resolve(cwd, command.out ?? defaultReviewFile(range));
  writeWhole(file, content);
  const filed = data.completeness.reduce((s, c) => s + c.filed, 0);
  const due = data.completeness.reduce((s, c) => s + c.active, 0);
  io.out(`wrote ${file}: ${range.from} to ${range.to}, ${filed} of ${due} monthly reports, ${data.green.at(-1)!.green} green units in ${range.to}`);
}
