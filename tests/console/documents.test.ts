import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAdmin } from "../../src/admin/run.ts";
import { saveReport } from "../../src/store/reports.ts";
import { openChat, seedUnit, type ChatDriver } from "../support/chat.ts";
import { consoleFetch, openConsoleSession, type ConsoleBrowser } from "../support/console.ts";
import { addPerson } from "../support/people.ts";
import { docxText, xlsxText } from "./documents-files.ts";
import { reportValues } from "../support/reports.ts";

const zero = reportValues({ householdsCommitted: 40, propagandaSessions: 1 });

/** The response's bytes, not its text: the downloads are compared byte for byte. */
async function bytes(base: string, url: string, browser: ConsoleBrowser, form?: Record<string, string>) {
  const res = await fetch(`${base}${url}`, {
    method: form ? "POST" : "GET",
    headers: { cookie: browser.cookie, ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
    body: form ? new URLSearchParams(form).toString() : undefined,
    redirect: "manual",
  });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

/**
 * Two units in November 2026, seen on 10/12/2026: Nguyễn Trãi filed with 3 addicts, Chí Linh
 * did not. The officer downloads the month's table and makes the review of June to November.
 */
describe("console documents", () => {
  let chat: ChatDriver;
  let officer: ConsoleBrowser;
  let head: ConsoleBrowser;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vungxanh-console-docs-"));
  const NOW = new Date("2026-12-10T03:00:00Z");

  beforeAll(async () => {
    chat = await openChat("simulator", { now: NOW });
    const a = await seedUnit(chat.db, "Khu phố Nguyễn Trãi", 120, "priority");
    await seedUnit(chat.db, "Thôn Chí Linh", 60, "clean");
    const off = await addPerson(chat.db, { role: "officer" });
    const h = await addPerson(chat.db, { role: "head", unitId: a.id });
    await saveReport(chat.db, { unitId: a.id, period: "2026-11", values: { ...zero, addicts: 3 }, warnings: [], personId: h.id, now: new Date("2026-11-20T03:00:00Z") });
    await saveReport(chat.db, { unitId: a.id, period: "2026-10", values: { ...zero, addicts: 4 }, warnings: [], personId: h.id, now: new Date("2026-10-20T03:00:00Z") });
    officer = await openConsoleSession(chat.db, off.id, NOW);
    head = await openConsoleSession(chat.db, h.id, NOW);
  });
  afterAll(async () => {
    await chat?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("sends a visitor without a session to the sign-in page, from the page and from each download", async () => {
    for (const [url, form] of [
      ["/console/documents", undefined],
      ["/console/documents/monthly?month=2026-11&format=xlsx", undefined],
      ["/console/documents/review", { from: "2026-06", to: "2026-11" }],
    ] as const) {
      const res = await consoleFetch(chat.base, url, { form });
      expect(res.status, url).toBe(303);
      expect(res.location).toBe("/console/signin");
    }
  });

  it("refuses a head with 403: the table names every unit and the review covers the whole town", async () => {
    for (const url of ["/console/documents", "/console/documents/monthly?month=2026-11&format=xlsx", "/console/documents/monthly?month=2026-11&format=csv"]) {
      const res = await consoleFetch(chat.base, url, { browser: head });
      expect(res.status, url).toBe(403);
      expect(res.body).toContain("Không có quyền xem");
    }
    const review = await consoleFetch(chat.base, "/console/documents/review", { browser: head, form: { _csrf: head.csrf, from: "2026-06", to: "2026-11" } });
    expect(review.status).toBe(403);
    expect(review.headers.get("content-type")).toMatch(/text\/html/);
    // Nor is the area offered in a head's navigation.
    expect((await consoleFetch(chat.base, "/console", { browser: head })).body).not.toContain("/console/documents");
  });

  it("shows the officer both forms, the review defaulting to the last six full months, 12 in one click", async () => {
    const res = await consoleFetch(chat.base, "/console/documents", { browser: officer });
    expect(res.status).toBe(200);
    expect(res.body).toContain("Bảng tổng hợp tháng");
    expect(res.body).toContain('name="month" value="2026-12"');
    expect(res.body).toContain('name="from" value="2026-06"');
    expect(res.body).toContain('name="to" value="2026-11"');
    expect(res.body).toContain("II. Tồn tại, hạn chế");
    expect(res.body).toContain("đề nghị khen thưởng");
    expect(res.body).toContain('aria-current="page"');
    const year = await consoleFetch(chat.base, "/console/documents?months=12", { browser: officer });
    expect(year.body).toContain('name="from" value="2025-12"');
    expect(year.body).toContain('name="to" value="2026-11"');
    // The navigation's older address leads here.
    expect((await consoleFetch(chat.base, "/console/docs", { browser: officer })).location).toBe("/console/documents");
  });

  it("downloads the month's XLSX and CSV: the very bytes `admin export` writes, with their type and a plain file name", async () => {
    const xlsx = await bytes(chat.base, "/console/documents/monthly?month=2026-11&format=xlsx", officer);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(xlsx.headers.get("content-disposition")).toBe('attachment; filename="bao-cao-thang-2026-11.xlsx"');
    const text = await xlsxText(xlsx.body);
    expect(text).toContain("Tổng hợp tình hình thực hiện mô hình khu phố tự quản, phòng chống ma túy tháng 11/2026");
    expect(text).toMatch(/Khu phố Nguyễn Trãi\t3\t/);
    expect(text).toMatch(/Thôn Chí Linh\t.*Chưa báo cáo/);

    const csv = await bytes(chat.base, "/console/documents/monthly?month=2026-11&format=csv", officer);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="bao-cao-thang-2026-11.csv"');

    // The server runs with the demo's issuing body (SIMULATOR on); the command is given the same.
    const org = { name: "Công an thị trấn Lang Chánh", parent: "Công an huyện Lang Chánh", place: "Lang Chánh" };
    const io = { db: chat.db, out: () => {}, err: () => {}, now: NOW, cwd: dir, org };
    expect(await runAdmin(["export", "--month", "2026-11", "--format", "csv", "--out", "t.csv"], io)).toBe(0);
    expect(csv.body.equals(fs.readFileSync(path.join(dir, "t.csv")))).toBe(true);
    expect(csv.body.toString("utf8")).toMatch(/^\uFEFFunit,addicts,/);
    expect(csv.body.toString("utf8")).toContain("Khu phố Nguyễn Trãi,3,");
    // An XLSX holds the instant it was zipped: the sheets' content is compared instead.
    expect(await runAdmin(["export", "--month", "2026-11", "--format", "xlsx", "--out", "t.xlsx"], io)).toBe(0);
    expect(await xlsxText(xlsx.body)).toBe(await xlsxText(fs.readFileSync(path.join(dir, "t.xlsx"))));

    // Another month holds that month's figures.
    const oct = await bytes(chat.base, "/console/documents/monthly?month=2026-10&format=xlsx", officer);
    expect(await xlsxText(oct.body)).toMatch(/Khu phố Nguyễn Trãi\t4\t/);
  });

  it("refuses a month that is wrong or still to come, saying what to type", async () => {
    const bad = await consoleFetch(chat.base, "/console/documents/monthly?month=2026-13&format=xlsx", { browser: officer });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toMatch(/text\/html/);
    expect(bad.body).toContain("Tháng không đúng. Chọn tháng theo dạng NĂM-THÁNG, ví dụ 2026-12.");
    const future = await consoleFetch(chat.base, "/console/documents/monthly?month=2027-01&format=csv", { browser: officer });
    expect(future.status).toBe(400);
    expect(future.body).toContain("Tháng 01/2027 chưa đến. Chọn tháng 12/2026 hoặc một tháng đã qua.");
  });

  it("generates the review .docx with the narrative typed, the period and the number", async () => {
    const form = {
      _csrf: officer.csrf,
      from: "2026-06",
      to: "2026-11",
      number: "15/BC-CAX",
      shortcomings: "Một số thôn còn báo cáo chậm.\r\nCông tác tuyên truyền chưa đều.",
      directions: "Duy trì họp dân hằng tháng.",
      proposals: "Đề nghị khen thưởng Khu phố Nguyễn Trãi <vì> đã giữ vững “vùng xanh”.",
    };
    const res = await bytes(chat.base, "/console/documents/review", officer, form);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="bao-cao-so-ket-2026-06-den-2026-11.docx"');
    const text = await docxText(res.body);
    expect(text).toContain("Sơ kết 6 tháng thực hiện mô hình");
    expect(text).toContain("(Từ tháng 06/2026 đến tháng 11/2026)");
    expect(text).toContain("Số: 15/BC-CAX");
    expect(text).toContain("Một số thôn còn báo cáo chậm.");
    expect(text).toContain("Công tác tuyên truyền chưa đều.");
    expect(text).toContain("Duy trì họp dân hằng tháng.");
    expect(text).toContain("Đề nghị khen thưởng Khu phố Nguyễn Trãi <vì> đã giữ vững “vùng xanh”.");
    expect(text).toContain("Khu phố Nguyễn Trãi");

    const year = await bytes(chat.base, "/console/documents/review", officer, { _csrf: officer.csrf, from: "2025-12", to: "2026-11" });
    expect(year.headers.get("content-disposition")).toBe('attachment; filename="bao-cao-tong-ket-2025-12-den-2026-11.docx"');
    expect(await docxText(year.body)).toContain("Tổng kết 12 tháng");
  });

  it("refuses the review form without the CSRF token, changing nothing and sending no file", async () => {
    const res = await consoleFetch(chat.base, "/console/documents/review", { browser: officer, form: { from: "2026-06", to: "2026-11" } });
    expect(res.status).toBe(403);
    expect(res.body).toContain("Yêu cầu bị từ chối");
    const wrong = await consoleFetch(chat.base, "/console/documents/review", { browser: officer, form: { _csrf: "x".repeat(43), from: "2026-06", to: "2026-11" } });
    expect(wrong.status).toBe(403);
    expect(wrong.headers.get("content-disposition")).toBeNull();
  });

  it.each([
    [{ from: "2026-11", to: "2026-06" }, "Tháng bắt đầu (11/2026) sau tháng kết thúc (06/2026)."],
    [{ from: "2024-01", to: "2026-11" }, "Khoảng thời gian dài 35 tháng; báo cáo tính tối đa 24 tháng."],
    [{ from: "2026-06", to: "2027-02" }, "Tháng 02/2027 chưa đến."],
    [{ from: "tháng sáu", to: "2026-11" }, "Tháng không đúng. Chọn tháng theo dạng NĂM-THÁNG"],
    [{ from: "2026-06", to: "2026-11", number: "15/BC\nCAX" }, "Số văn bản viết trên một dòng"],
  ])("refuses a bad review form %j with a message on the page, keeping what was typed", async (fields, message) => {
    const typed = "Khu phố <b>A</b> còn chậm & thiếu.";
    const res = await consoleFetch(chat.base, "/console/documents/review", {
      browser: officer,
      form: { _csrf: officer.csrf, shortcomings: typed, directions: "Phương hướng đã gõ", proposals: "Đề xuất đã gõ", ...fields },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-disposition")).toBeNull();
    expect(res.body).toContain(message);
    expect(res.body).toContain("Khu phố &lt;b&gt;A&lt;/b&gt; còn chậm &amp; thiếu.</textarea>");
    expect(res.body).toContain("Phương hướng đã gõ</textarea>");
    expect(res.body).toContain("Đề xuất đã gõ</textarea>");
    expect(res.body).toContain(`name="from" value="${fields.from.replace(/&/g, "&amp;")}"`);
  });
});
