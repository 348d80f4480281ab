import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatherReview, type ReviewData } from "../../src/admin/review.ts";
import { useDataKey } from "../../src/store/keyring.ts";
import { freshDb, TEST_DATA_KEY } from "../support/db.ts";
import { adminOn } from "./harness.ts";
import { NOW, RANGE, reviewFixture } from "./review-fixture.ts";

let env: Awaited<ReturnType<typeof freshDb>>;
let data: ReviewData;
let dir: string;

beforeAll(async () => {
  env = await freshDb();
  await reviewFixture(env.db);
  data = await gatherReview(env.db, RANGE, { timeZone: "Asia/Ho_Chi_Minh", now: NOW });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "vungxanh-review-"));
});
afterAll(async () => {
  await env.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

const field = (name: string) => data.fields.find((f) => f.field === name)!;

describe("the review's figures", () => {
  it("counts the reports filed of the units in service each month (a retired unit leaves the count)", () => {
    expect(data.previous).toEqual({ from: "2024-07", to: "2024-12" });
    expect(data.completeness.map((c) => `${c.period} ${c.filed}/${c.active}`)).toEqual([
      "2025-01 5/5", "2025-02 5/5", "2025-03 4/5", "2025-04 3/4", "2025-05 3/4", "2025-06 3/4",
    ]);
  });

  it("adds up the month's counts and reads the month-end counts from each unit's latest report, against the half-year before", () => {
    expect(field("newCases")).toMatchObject({ stock: false, current: 1, previous: 0 });
    expect(field("propagandaSessions")).toMatchObject({ current: 9, previous: 0 });
    expect(field("relapses")).toMatchObject({ current: 2, previous: 0 });
    expect(field("incidents")).toMatchObject({ current: 1, previous: 0 });
    // Month-end: Nguyễn Trãi 0 (June), Chí Linh 0, Lê Lợi 5 (February); Đồng Tâm is retired.
    expect(field("addicts")).toMatchObject({ stock: true, current: 5, previous: 10 });
    expect(field("householdsCommitted")).toMatchObject({ current: 160, previous: 130 });
    expect(data.commitments).toEqual({ committed: 160, households: 330 });
  });

  it("classes the units at the start and the end, with the reclassification and the retirement", () => {
    expect(data.classes.start).toEqual({ priority: 1, has_cases: 1, clean: 3 });
    expect(data.classes.end).toEqual({ priority: 0, has_cases: 2, clean: 2 });
    expect(data.reclassified).toEqual([{ name: "Khu phố Nguyễn Trãi", from: "priority", to: "has_cases", period: "2025-04" }]);
    expect(data.retired).toEqual(["Thôn Đồng Tâm"]);
  });

  it("counts green units per month and names the unit that became green and the one that stopped", () => {
    expect(data.green[0]).toEqual({ period: "2025-01", green: 2, atRisk: 0, notGreen: 3, unknown: 0 });
    expect(data.green[3]).toEqual({ period: "2025-04", green: 3, atRisk: 0, notGreen: 0, unknown: 1 });
    expect(data.green[5]).toEqual({ period: "2025-06", green: 2, atRisk: 1, notGreen: 0, unknown: 1 });
    expect(data.becameGreen).toEqual(["Khu phố Nguyễn Trãi"]);
    expect(data.stoppedGreen).toEqual([{ name: "Thôn Chí Linh", state: "at-risk" }]);
    const unit = (name: string) => data.units.find((u) => u.name === name)!;
    expect(unit("Khu phố Nguyễn Trãi")).toMatchObject({ classStart: "priority", classEnd: "has_cases", monthsFiled: 6, monthsActive: 6, greenMonths: 3, streak: 3 });
    expect(unit("Thôn Chí Linh")).toMatchObject({ greenMonths: 5, streak: 0, stateEnd: "at-risk" });
    // Green since 2024-12: the streak reads back past the range's start.
    expect(unit("Thôn Hòa Bình")).toMatchObject({ greenMonths: 6, streak: 7, stateBefore: "green", stateEnd: "green" });
    expect(unit("Thôn Đồng Tâm")).toMatchObject({ retiredPeriod: "2025-04", monthsActive: 3, monthsFiled: 3 });
    expect(unit("Khu phố Lê Lợi")).toMatchObject({ monthsFiled: 2, monthsActive: 6, figures: expect.objectContaining({ addicts: 5, relapses: 2 }) });
  });

  it("counts the tips received in the range (Việt Nam's months) by category and by status", () => {
    expect(data.tips).toEqual({
      total: 4,
      byCategory: { dealing: 2, using: 1, spot: 0, person: 1, other: 0 },
      byStatus: { new: 1, checking: 1, handled: 1, unfounded: 1 },
      undated: 0,
    });
  });

  it("counts the cases, the check-in rate, the relapses and the announcements of the range", () => {
    // NT-01 is due from 2025-03-03 to the week of 2025-05-19 (relapsed on the 20th): 12 weeks, 2 checked.
    expect(data.cases).toEqual({
      opened: 1,
      byStatus: { active: 1, completed: 0, relapsed: 1, compulsory: 0 },
      changedTo: { active: 0, completed: 0, relapsed: 1, compulsory: 0 },
      checkinsDue: 12,
      checkinsDone: 2,
      suspectedRelapses: 1,
    });
    expect(data.broadcasts.sent).toBe(1);
  });
});

async function documentXml(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return zip.file("word/document.xml")!.async("string");
}

/** The lines to fill in by hand: paragraphs dotted to the margin by a tab's leader. */
const dottedLines = (xml: string) => xml.match(/w:leader="dot"/g)?.length ?? 0;

async function documentText(file: string): Promise<string> {
  const xml = await documentXml(file);
  // Paragraph ends become line breaks, runs join: the text a reader sees.
  return xml.replace(/<\/w:p>/g, "\n").replace(/<[^>]+>/g, "").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
}

describe("the review without the data key of the tips' times", () => {
  it("counts no tip in any range, says how many it could not place, and still writes the report", async () => {
    useDataKey(Buffer.alloc(32, 9).toString("base64"));
    try {
      const blind = await gatherReview(env.db, RANGE, { timeZone: "Asia/Ho_Chi_Minh", now: NOW });
      expect(blind.tips).toMatchObject({ total: 0, undated: 6 });
      expect(blind.fields).toEqual(data.fields);
      const admin = adminOn(env.db, { cwd: dir, now: NOW });
      expect((await admin("review", "--out", "blind.docx")).code).toBe(0);
      expect(await documentText(path.join(dir, "blind.docx"))).toContain(
        "6 tin báo không xác định được thời gian tiếp nhận (thiếu khóa dữ liệu DATA_KEY) nên chưa được tính vào kỳ nào",
      );
    } finally {
      useDataKey(TEST_DATA_KEY);
    }
  });
});

describe("review (admin command)", () => {
  const ORG = { name: "Công an thị trấn Lang Chánh", parent: "Công an huyện Lang Chánh", place: "Lang Chánh" };

  it("writes the .docx of the last six full months by default, with the heading, the period, the figures and the appendix", async () => {
    const admin = adminOn(env.db, { cwd: dir, org: ORG, now: NOW });
    const result = await admin("review");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const file = path.join(dir, "vungxanh-bao-cao-2025-01-2025-06.docx");
    expect(result.lines).toEqual([`wrote ${file}: 2025-01 to 2025-06, 23 of 27 monthly reports, 2 green units in 2025-06`]);
    const text = await documentText(file);
    for (const expected of [
      "CÔNG AN HUYỆN LANG CHÁNH",
      "CÔNG AN THỊ TRẤN LANG CHÁNH",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Lang Chánh, ngày 10 tháng 7 năm 2025",
      "BÁO CÁO",
      "Sơ kết 6 tháng thực hiện mô hình “Khu phố tự quản, phòng chống ma túy”",
      "(Từ tháng 01/2025 đến tháng 06/2025)",
      "23/27 báo cáo tháng (đạt 85,2%)",
      "Khu phố, thôn trở thành vùng xanh trong kỳ (1): Khu phố Nguyễn Trãi.",
      "Thôn Chí Linh (có nguy cơ)",
      "Tiếp nhận 4 tin báo",
      "đã xử lý 1, không có cơ sở 1, đang xác minh 1, mới nhận chưa xác minh 1",
      "2/12 lượt theo dõi",
      "160/330 hộ gia đình",
      "II. TỒN TẠI, HẠN CHẾ",
      "Nơi nhận:",
      "TRƯỞNG CÔNG AN",
      "PHỤ LỤC",
      "Thôn Đồng Tâm (thôi theo dõi từ 04/2025)",
    ]) {
      expect(text).toContain(expected);
    }
    expect(dottedLines(await documentXml(file))).toBe(9);
    // Nothing names a rehab case's person, nor carries a tip's sealed time.
    expect(text).not.toContain("Bí Mật");
    expect(text).not.toContain("Ngõ 5");
  });

  it("prints the officer's narrative from --narrative, and dotted lines for a part left out", async () => {
    fs.writeFileSync(path.join(dir, "narrative.json"), JSON.stringify({ shortcomings: "Một số khu phố báo cáo chậm.\nThiếu kinh phí.", proposals: "Đề nghị khen thưởng Thôn Chí Linh." }));
    const admin = adminOn(env.db, { cwd: dir, org: ORG, now: NOW });
    const result = await admin("review", "--from", "2025-01", "--months", "12", "--narrative", "narrative.json", "--out", "nam.docx");
    expect(result.stderr).toBe("");
    const text = await documentText(path.join(dir, "nam.docx"));
    expect(text).toContain("Tổng kết năm 2025");
    expect(text).toContain("Một số khu phố báo cáo chậm.\nThiếu kinh phí.");
    expect(text).toContain("Đề nghị khen thưởng Thôn Chí Linh.");
    // Three lines to fill in under III, none under II and IV.
    expect(dottedLines(await documentXml(path.join(dir, "nam.docx")))).toBe(3);
  });

  it("counts --months back from --to, or on from --from", async () => {
    const admin = adminOn(env.db, { cwd: dir, org: ORG, now: NOW });
    expect((await admin("review", "--to", "2025-06", "--months", "3", "--out", "q2.docx")).lines[0]).toMatch(/: 2025-04 to 2025-06, 9 of 12 monthly reports/);
    expect((await admin("review", "--from", "2025-02", "--months", "2", "--out", "feb.docx")).lines[0]).toMatch(/: 2025-02 to 2025-03, 9 of 10 monthly reports/);
    expect(await documentText(path.join(dir, "feb.docx"))).toContain("Sơ kết từ tháng 02/2025 đến tháng 03/2025 thực hiện mô hình");
  });

  it("refuses a bad range or narrative with one line saying what to type, writing nothing", async () => {
    const admin = adminOn(env.db, { cwd: dir, org: ORG, now: NOW });
    fs.writeFileSync(path.join(dir, "bad.json"), JSON.stringify({ shortcoming: "typo" }));
    for (const [args, message] of [
      [["--from", "2025-06", "--to", "2025-01"], "error: --from 2025-06 is after --to 2025-01"],
      [["--from", "2025-13"], 'error: --from: expected a month as YYYY-MM (got "2025-13")'],
      [["--months", "0"], /^error: --months: too small/],
      [["--narrative", "missing.json"], /^error: cannot read .*missing\.json \(ENOENT\)/],
      [["--narrative", "bad.json"], /^error: .*bad\.json: .*expected texts "shortcomings", "directions", "proposals"/],
    ] as const) {
      const before = fs.readdirSync(dir).length;
      const result = await admin("review", ...args);
      expect(result.code, args.join(" ")).toBe(2);
      if (typeof message === "string") expect(result.stderr.trim()).toBe(message);
      else expect(result.stderr.trim()).toMatch(message);
      expect(fs.readdirSync(dir).length).toBe(before);
    }
  });
});
