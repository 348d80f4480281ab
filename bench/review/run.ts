/**
 * How long a review report takes for a large town: 500 units with 36 months of reports each,
 * 2,000 tips (each sealed time opened to be counted), 300 rehab cases with weekly check-ins and
 * 100 announcements; then a 12-month review, gathered and written as .docx. Prints the time of
 * gatherReview and of reviewDocx, and the file's size. `npm run bench:review`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gatherReview } from "../../src/admin/review/gather.ts";
import { reviewDocx } from "../../src/admin/review/docx.ts";
import { monthsBetween } from "../../src/domain/green-zone.ts";
import { weeksOfMonth } from "../../src/domain/cases.ts";
import { openDb } from "../../src/store/client.ts";
import { useDataKey } from "../../src/store/keyring.ts";
import { migrate } from "../../src/store/migrate.ts";
import { sealTime } from "../../src/store/sealed-time.ts";

const UNITS = 500;
const MONTHS = monthsBetween("2023-01", "2025-12");
const TIPS = 2000;
const CASES = 300;
const RUNS = 3;

useDataKey(Buffer.alloc(32, 3).toString("base64"));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vungxanh-bench-review-"));
const url = `file:${path.join(dir, "bench.db")}`;
await migrate(url);
const db = await openDb(url);

// Bulk rows straight through Prisma: the bench measures the report, not the chat that files them.
const classes = ["priority", "has_cases", "clean"];
await db.unit.createMany({
  data: Array.from({ length: UNITS }, (_, i) => ({ name: `Khu phố ${i + 1}`, searchName: `khu pho ${i + 1}`, households: 100 + (i % 300), classification: classes[i % 3]! })),
});
const units = await db.unit.findMany({ select: { id: true } });
const head = await db.person.create({ data: { role: "head" } });
const rows = units.flatMap((u, i) =>
  MONTHS.map((period, m) => {
    const clean = (i + m) % 4 !== 0;
    return {
      unitId: u.id, period, addicts: clean ? 0 : 3, suspected: 0, newCases: clean ? 0 : 1, familyRehab: 0, compulsoryReferrals: 0,
      relapses: 0, householdsCommitted: 50, propagandaSessions: 1, incidents: 0, suspectedSpots: 0, notes: null,
      warnings: "[]", submittedById: head.id, submittedAt: new Date(),
    };
  }),
);
for (let i = 0; i < rows.length; i += 2000) await db.monthlyReport.createMany({ data: rows.slice(i, i + 2000) });
const categories = ["dealing", "using", "spot", "person", "other"];
await db.tip.createMany({
  data: Array.from({ length: TIPS }, (_, i) => ({
    code: `TB-B${String(i).padStart(5, "0")}`, category: categories[i % 5]!, description: "bench", secretHash: "x",
    createdEnc: sealTime(new Date(Date.UTC(2024, i % 24, 1 + (i % 27)))),
  })),
});
await db.rehabCase.createMany({
  data: Array.from({ length: CASES }, (_, i) => ({ code: `BC-${i}`, unitId: units[i % UNITS]!.id, startDate: "2024-01-01", endDate: null })),
});
const cases = await db.rehabCase.findMany({ select: { id: true } });
const weeks = monthsBetween("2025-01", "2025-12").flatMap(weeksOfMonth);
const checkins = cases.flatMap((c) => weeks.filter((_, w) => w % 2 === 0).map((week) => ({ caseId: c.id, mentorId: head.id, week, contacted: true, method: "phone", state: "stable" })));
for (let i = 0; i < checkins.length; i += 2000) await db.checkin.createMany({ data: checkins.slice(i, i + 2000) });
await db.broadcast.createMany({ data: Array.from({ length: 100 }, (_, i) => ({ audience: "heads", text: "x", createdBy: "admin", createdAt: new Date(Date.UTC(2025, i % 12, 5)), recipients: 10 })) });

const range = { from: "2025-01", to: "2025-12" };
const now = new Date("2026-01-10T02:00:00Z");
const gather: number[] = [];
const write: number[] = [];
let size = 0;
for (let run = 0; run < RUNS; run++) {
  const t0 = performance.now();
  const data = await gatherReview(db, range, { timeZone: "Asia/Ho_Chi_Minh", now });
  const t1 = performance.now();
  const buffer = await reviewDocx(data, {}, {}, { issuedAt: now, timeZone: "Asia/Ho_Chi_Minh" });
  write.push(performance.now() - t1);
  gather.push(t1 - t0);
  size = buffer.length;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(0);
console.log(`${UNITS} units × ${MONTHS.length} months of reports, ${TIPS} tips, ${CASES} cases, ${checkins.length} check-ins; 12-month review`);
console.log(`gatherReview: median ${median(gather)} ms of ${RUNS} (${gather.map((x) => x.toFixed(0)).join(", ")})`);
console.log(`reviewDocx:   median ${median(write)} ms of ${RUNS} (${write.map((x) => x.toFixed(0)).join(", ")}); ${(size / 1024).toFixed(0)} KiB`);
await db.$disconnect();
fs.rmSync(dir, { recursive: true, force: true });
