import { broadcastMessage } from "../../src/domain/broadcast.ts";
import type { ReportValues } from "../../src/domain/report.ts";
import type { TipCategory, TipStatus } from "../../src/domain/tips.ts";
import { queueForPerson } from "../../src/outbox/address.ts";
import { sendBroadcast } from "../../src/store/broadcasts.ts";
import { openCase, saveCheckin, sealerFor, setCaseStatus } from "../../src/store/cases.ts";
import type { Db } from "../../src/store/client.ts";
import { saveReport } from "../../src/store/reports.ts";
import { createTip, moveTip } from "../../src/store/tips.ts";
import { addUnit, reclassifyUnit, retireUnit } from "../../src/store/units.ts";
import { TEST_DATA_KEY } from "../support/db.ts";
import { reportValues } from "../support/reports.ts";

/**
 * A known half-year for the review report, 2025-01 to 2025-06, made through the store:
 * - Nguyễn Trãi (priority, reclassified has_cases from 2025-04) is not green until March and
 *   green from April: it becomes green;
 * - Chí Linh (clean) is green from 2024-12 to May and has an incident in June: at risk, it stops;
 * - Đồng Tâm (clean) files January to March and is retired from April;
 * - Lê Lợi (has_cases) files only January and February;
 * - Hòa Bình (clean) is green from 2024-12 throughout: green, neither becoming nor stopping;
 * - tips on both sides of the range's edges (Việt Nam's midnight), cases, check-ins, announcements.
 */
export const RANGE = { from: "2025-01", to: "2025-06" };
export const NOW = new Date("2025-07-10T02:00:00Z");

const zero = reportValues();

export async function reviewFixture(db: Db) {
  const at = new Date("2025-01-01T00:00:00Z");
  const nguyenTrai = await addUnit(db, { name: "Khu phố Nguyễn Trãi", households: 150, classification: "priority" });
  const chiLinh = await addUnit(db, { name: "Thôn Chí Linh", households: 60, classification: "clean" });
  const dongTam = await addUnit(db, { name: "Thôn Đồng Tâm", households: 50, classification: "clean" });
  const leLoi = await addUnit(db, { name: "Khu phố Lê Lợi", households: 80, classification: "has_cases" });
  const hoaBinh = await addUnit(db, { name: "Thôn Hòa Bình", households: 40, classification: "clean" });
  await reclassifyUnit(db, nguyenTrai.id, "has_cases", { period: "2025-04", byPersonId: null, by: "admin", now: at });
  await retireUnit(db, dongTam.id, "2025-04", at);

  const heads = new Map<number, number>();
  for (const u of [nguyenTrai, chiLinh, dongTam, leLoi, hoaBinh]) heads.set(u.id, (await db.person.create({ data: { role: "head", unitId: u.id } })).id);
  const report = (unitId: number, period: string, values: Partial<ReportValues>) =>
    saveReport(db, { unitId, period, values: { ...zero, ...values }, warnings: [], personId: heads.get(unitId)!, now: at });

  await report(nguyenTrai.id, "2024-12", { addicts: 3, householdsCommitted: 40 });
  await report(chiLinh.id, "2024-12", { householdsCommitted: 40 });
  await report(dongTam.id, "2024-12", { addicts: 2, householdsCommitted: 30 });
  await report(leLoi.id, "2024-12", { addicts: 5, householdsCommitted: 20 });
  for (const period of ["2025-01", "2025-02", "2025-03"]) {
    await report(nguyenTrai.id, period, { addicts: 3, newCases: period === "2025-01" ? 1 : 0, propagandaSessions: 2, householdsCommitted: 70 });
    await report(dongTam.id, period, { addicts: 2, householdsCommitted: 30 });
  }
  for (const period of ["2025-04", "2025-05", "2025-06"]) await report(nguyenTrai.id, period, { propagandaSessions: 1, householdsCommitted: 100 });
  for (const period of ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05"]) await report(chiLinh.id, period, { householdsCommitted: 40 });
  await report(chiLinh.id, "2025-06", { incidents: 1, householdsCommitted: 40 });
  for (const period of ["2024-12", "2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"]) await report(hoaBinh.id, period, {});
  for (const period of ["2025-01", "2025-02"]) await report(leLoi.id, period, { addicts: 5, relapses: 1, householdsCommitted: 20 });

  // Tips: the range runs from 2025-01-01 00:00 to 2025-07-01 00:00 in Việt Nam (UTC+7).
  const officer = await db.person.create({ data: { role: "officer" } });
  const tips: [TipCategory, string, TipStatus | null][] = [
    ["dealing", "2025-02-10T03:00:00Z", "handled"],
    ["using", "2025-03-15T03:00:00Z", "checking"],
    ["dealing", "2025-06-30T16:59:00Z", null],
    ["spot", "2025-06-30T17:00:00Z", "handled"],
    ["other", "2024-12-31T16:59:00Z", null],
    ["person", "2024-12-31T17:00:00Z", "unfounded"],
  ];
  let tipster = 1000;
  for (const [category, time, status] of tips) {
    const made = await createTip(
      db,
      { category, description: "Có người lạ tụ tập", placeText: "Ngõ 5", location: null, whenText: null, photo: null, anonymous: true, contact: null },
      tipster++,
      new Date(time),
    );
    if (!made.ok) throw new Error("the fixture's tip was refused");
    if (status) await moveTip(db, made.code, status, officer.id, new Date(time));
  }

  // Rehab: NT-01 from 2025-03-03 (a Monday), relapsed on 2025-05-20; LL-01 ended before the range.
  const sealer = sealerFor(TEST_DATA_KEY);
  const mentor = await db.person.create({ data: { role: "mentor", unitId: nguyenTrai.id } });
  const nt = await openCase(db, { code: "NT-01", unitId: nguyenTrai.id, name: "Nguyễn Văn Bí Mật", startDate: "2025-03-03", endDate: null }, sealer);
  await openCase(db, { code: "LL-01", unitId: leLoi.id, name: null, startDate: "2024-06-03", endDate: "2024-12-30" }, sealer);
  for (const [week, state] of [["2025-03-03", "stable"], ["2025-05-12", "suspected_relapse"]] as const) {
    await saveCheckin(
      db,
      { entry: { caseId: nt.id, code: nt.code, contacted: true, method: "in_person", state, note: "Ghi chú riêng" }, mentorId: mentor.id, week, now: new Date(`${week}T03:00:00Z`) },
      sealer,
    );
  }
  await setCaseStatus(db, nt.id, "relapsed", officer.id, new Date("2025-05-20T03:00:00Z"));

  for (const time of ["2024-12-20T03:00:00Z", "2025-05-01T03:00:00Z", "2025-07-05T03:00:00Z"]) {
    await sendBroadcast(db, { audience: "heads", unitId: null, text: "Họp tổ tự quản", createdBy: "admin" }, new Date(time), queueForPerson, { say: [broadcastMessage("Họp tổ tự quản")] });
  }
  return { nguyenTrai, chiLinh, dongTam, leLoi, hoaBinh };
}
