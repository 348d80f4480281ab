/**
 * `npm run bench:speech`: how many of the corpus's phrasings (tests/domain/understanding/corpus.ts)
 * each kind of question understands as meant, beside the reference the product had before (digits
 * and exact words only), and how many messages a head needs to file the monthly report typing
 * only words, on the real server.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { understandChoice } from "../../src/domain/understand/choice.ts";
import { understandCount } from "../../src/domain/understand/count.ts";
import { understandDate } from "../../src/domain/understand/dates.ts";
import { understandYesNo } from "../../src/domain/understand/yesno.ts";
import { fold } from "../../src/domain/text.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";
import { createServer } from "../../src/server.ts";
import { openDb } from "../../src/store/client.ts";
import { createInvite, inviteExpiry } from "../../src/store/invites.ts";
import { migrate } from "../../src/store/migrate.ts";
import { getReport } from "../../src/store/reports.ts";
import { simulatorMessages } from "../../src/store/simulator.ts";
import { addUnit } from "../../src/store/units.ts";
import { categoryChoices, identityChoices } from "../../features/tips/tip-flow.ts";
import { reportFieldOptions } from "../../features/report/report-flow.ts";
import { optionsOf } from "../../src/engine/typed.ts";
/** The choices as the flows offer them: their labels in both languages and their synonyms. */
const flowOptions = { category: optionsOf(categoryChoices), identity: optionsOf(identityChoices) };
import * as corpus from "../../tests/domain/understanding/corpus.ts";

/** The reference: what the product read before (digits only; a short list of exact yes/no words). */
const before = {
  count: (t: string) => (/^\s*\d+\s*$/.test(t) ? Number(t) : undefined),
  yes: (t: string) => (["co", "ok", "dong y", "yes", "y", "vang", "u", "dung"].includes(fold(t).replace(/[.!]+$/, "")) ? true : undefined),
  no: (t: string) => (["khong", "ko", "k", "no", "n", "sai"].includes(fold(t).replace(/[.!]+$/, "")) ? false : undefined),
  choice: (t: string, options: { value: string; says: string[] }[]) => options.find((o) => fold(o.says[0]!) === fold(t) || o.value === t)?.value,
};

const rows: [string, number, number, number][] = [];
const row = (what: string, total: number, now: number, then: number) => rows.push([what, total, now, then]);

row("counts (digits, words, nouns, 'không có')", corpus.COUNTS.length,
  corpus.COUNTS.filter(([t, v]) => { const u = understandCount(t); return u.kind === "value" && u.value === v; }).length,
  corpus.COUNTS.filter(([t, v]) => before.count(t) === v).length);
row("counts to ask back ('hơn 3')", corpus.COUNTS_TO_CONFIRM.length,
  corpus.COUNTS_TO_CONFIRM.filter(([t, v]) => { const u = understandCount(t); return u.kind === "confirm" && u.value === v; }).length, 0);
row("counts refused with a reason ('2-3', 'vài')", corpus.COUNTS_REFUSED.length,
  corpus.COUNTS_REFUSED.filter(([t, r]) => { const u = understandCount(t); return u.kind === "refuse" && u.reason === r; }).length,
  corpus.COUNTS_REFUSED.filter(([t]) => before.count(t) === undefined).length);
row("yes", corpus.YES.length, corpus.YES.filter((t) => understandYesNo(t)?.value === true).length, corpus.YES.filter((t) => before.yes(t)).length);
row("no (and 'sửa')", corpus.NO.length, corpus.NO.filter(([t]) => understandYesNo(t)?.value === false).length, corpus.NO.filter(([t]) => before.no(t) === false).length);
const choices: [string, { value: string; says: string[] }[], [string, string][]][] = [
  ["tip category", flowOptions.category, corpus.TIP_CATEGORY_ANSWERS],
  ["anonymous or named", flowOptions.identity, corpus.TIP_IDENTITY_ANSWERS],
  ["check-in: contacted", corpus.CHECKIN_CONTACT, corpus.CHECKIN_CONTACT_ANSWERS],
  ["check-in: how", corpus.CHECKIN_METHOD, corpus.CHECKIN_METHOD_ANSWERS],
  ["check-in: state", corpus.CHECKIN_STATE, corpus.CHECKIN_STATE_ANSWERS],
  ["announcement audience", corpus.AUDIENCES, corpus.AUDIENCE_ANSWERS],
  ["field to correct", reportFieldOptions, corpus.REPORT_FIELD_ANSWERS],
];
for (const [what, options, answers] of choices) {
  row(what, answers.length,
    answers.filter(([t, v]) => { const u = understandChoice(t, options); return (u.kind === "match" ? u.value : u.kind) === v; }).length,
    answers.filter(([t, v]) => before.choice(t, options) === v).length);
}
const today = { year: 2026, month: 11, day: 28 };
row("dates", corpus.DATES.length, corpus.DATES.filter(([t, v]) => { const u = understandDate(t, today); return (u.kind === "date" ? u.iso : u.kind) === v; }).length, 0);

console.log("| question | phrasings | understood as meant | before (digits, exact words) |");
console.log("| --- | --- | --- | --- |");
for (const [what, total, now, then] of rows) console.log(`| ${what} | ${total} | ${now} | ${then} |`);
const sum = (i: 1 | 2 | 3) => rows.reduce((a, r) => a + r[i], 0);
console.log(`| **all** | ${sum(1)} | ${sum(2)} | ${sum(3)} |`);

// The report typed in words, on the real server through the simulator's API.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vungxanh-speech-"));
const url = `file:${dir}/bench.db`;
await migrate(url);
const db = await openDb(url);
const config = loadConfig({ DATABASE_URL: url, SIMULATOR: "on", DATA_KEY: Buffer.alloc(32, 9).toString("base64"), LOG_LEVEL: "silent" });
const now = new Date("2026-11-21T03:00:00Z");
const server = createServer({ config, db, log: createLogger("silent"), scheduler: false, clock: () => now });
const base = `http://127.0.0.1:${await server.listen(0)}`;
await server.start();
const unit = await addUnit(db, { name: "Khu phố Lê Lai", households: 150, classification: "has_cases" });
const send = async (text: string) => {
  const res = await fetch(`${base}/simulator/api/send`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ user: "ba-hoa", text }) });
  if (!res.ok) throw new Error(`simulator answered ${res.status}`);
  await server.inbox.idle();
  await server.dispatcher.flush();
};
await send(`/join ${await createInvite(db, { role: "head", unitId: unit.id, createdBy: "bench", expiresAt: inviteExpiry(now) })}`);
const words = ["bao cao", "mười hai", "bốn người ạ", "hai", "nam", "mot", "một người", "một trăm hai mươi hộ", "ba buổi", "ko co", "hai điểm", "không có gì ạ", "dạ gửi đi"];
const shown = (await simulatorMessages(db, "ba-hoa", 0)).length;
for (const w of words) await send(w);
const replies = (await simulatorMessages(db, "ba-hoa", 0)).length - shown;
const stored = await getReport(db, unit.id, "2026-11");
console.log(`\nreport typed only in words: ${words.length} messages from the head, ${replies} replies, stored: ${stored ? JSON.stringify(stored.values) : "nothing"}`);
await server.stop();
await db.$disconnect();
fs.rmSync(dir, { recursive: true, force: true });
