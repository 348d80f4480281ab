import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportValues } from "../../src/domain/report.ts";
import { openCase, sealerFor } from "../../src/store/cases.ts";
import { saveReport } from "../../src/store/reports.ts";
import { reclassifyUnit } from "../../src/store/units.ts";
import { openChat, seedUnit, type ChatDriver } from "../support/chat.ts";
import { consoleFetch, openConsoleSession, type ConsoleBrowser } from "../support/console.ts";
import { TEST_DATA_KEY } from "../support/db.ts";
import { addPerson } from "../support/people.ts";
import { reportValues } from "../support/reports.ts";

const zero = reportValues({ householdsCommitted: 40, propagandaSessions: 1 });

/** The order in which names first appear in a page. */
const order = (body: string, names: string[]) => names.map((n) => body.indexOf(n));

/**
 * Four units on 27/11/2026 (after the 26th's deadline): An Bình green six months in a row (a
 * candidate, classed has_cases), a priority unit with markup in its name that filed late, Chiềng
 * (clean) at risk last month and overdue this month, Đông with no head at all.
 */
describe("console pages", () => {
  let chat: ChatDriver;
  let officer: ConsoleBrowser;
  let headA: ConsoleBrowser;
  const ids: Record<string, number> = {};
  const NASTY = 'Khu phố <script>alert("x")</script>';

  beforeAll(async () => {
    chat = await openChat("simulator", { now: new Date("2026-11-27T03:00:00Z") });
    const db = chat.db;
    ids.a = (await seedUnit(db, "Khu phố An Bình", 120, "priority")).id;
    ids.b = (await seedUnit(db, NASTY, 90, "priority")).id;
    ids.c = (await seedUnit(db, "Khu phố Chiềng", 80, "clean")).id;
    ids.d = (await seedUnit(db, "Khu phố Đông", 70, "priority")).id;
    const off = await addPerson(db, { role: "officer" });
    const hA = await addPerson(db, { role: "head", unitId: ids.a });
    const hB = await addPerson(db, { role: "head", unitId: ids.b });
    await addPerson(db, { role: "head", unitId: ids.c });
    const file = (unitId: number, period: string, at: string, values: Partial<ReportValues> = {}) =>
      saveReport(db, { unitId, period, values: { ...zero, ...values }, warnings: [], personId: hA.id, now: new Date(at) });
    for (const p of ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]) await file(ids.a, p, `${p}-20T03:00:00Z`);
    await file(ids.a, "2026-11", "2026-11-20T03:00:00Z");
    await file(ids.a, "2025-11", "2025-11-20T03:00:00Z", { addicts: 2 });
    await saveReport(db, {
      unitId: ids.b,
      period: "2026-11",
      values: { ...zero, addicts: 3 },
      warnings: [{ rule: "big-change", field: "addicts", previous: 1, value: 3 }],
      personId: hB.id,
      now: new Date("2026-11-26T02:00:00Z"),
    });
    await file(ids.c, "2026-10", "2026-10-20T03:00:00Z", { newCases: 1, addicts: 1 });
    await reclassifyUnit(db, ids.a, "has_cases", { byPersonId: null, by: "admin", period: "2026-09", now: new Date("2026-09-02T03:00:00Z") });
    await openCase(db, { code: "CA-017", unitId: ids.a, name: "Nguyễn Văn Bí Mật", startDate: "2026-09-01", endDate: null }, sealerFor(TEST_DATA_KEY));
    officer = await openConsoleSession(db, off.id, chat.clock.now);
    headA = await openConsoleSession(db, hA.id, chat.clock.now);
  });
  afterAll(async () => chat.close());

  it("shows the officer the month: X of N, on time or late, action first, markup escaped", async () => {
    const res = await consoleFetch(chat.base, "/console", { browser: officer });
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body).toContain("Tổng quan tháng 11/2026");
    expect(body).toMatch(/2\/4<\/span>đơn vị đã báo cáo/);
    expect(body).toContain("1 nộp muộn");
    expect(body).toContain("Hạn nộp: 08:00 26/11/2026");
    expect(body).not.toContain("<script>alert");
    expect(body).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    // No head, then overdue, then filed late, then green.
    const [d, c, b, a] = order(body, ["Khu phố Đông", "Khu phố Chiềng", "Khu phố &lt;script&gt;", "Khu phố An Bình"]);
    expect(d).toBeGreaterThan(0);
    expect(d).toBeLessThan(c!);
    expect(c).toBeLessThan(b!);
    expect(b).toBeLessThan(a!);
    expect(body).toContain("Chưa có trưởng khu phố");
    expect(body).toContain("Chưa nộp, quá hạn");
    expect(body).toContain("Nộp muộn");
    expect(body).toContain("Đủ điều kiện đề nghị");
    // The warning, in words.
    expect(body).toContain("Số người nghiện có hồ sơ quản lý");
    // Totals: 3 addicts now; last month 1 (Chiềng), the same month last year 2 (An Bình).
    expect(body).toMatch(/Số người nghiện có hồ sơ quản lý<\/th><td [^>]*class="num">3<\/td><td [^>]*class="num">1 \(\+2\)<\/td><td [^>]*class="num">2 \(\+1\)<\/td>/);
  });

  it("filters by status and by class", async () => {
    const missing = (await consoleFetch(chat.base, "/console?status=missing", { browser: officer })).body;
    expect(missing).toContain("Khu phố Chiềng");
    expect(missing).not.toContain("Khu phố An Bình</a>");
    expect(missing).not.toContain("Khu phố Đông</a>");
    const priority = (await consoleFetch(chat.base, "/console?class=priority", { browser: officer })).body;
    expect(priority).toContain("Khu phố Đông</a>");
    expect(priority).not.toContain("Khu phố Chiềng</a>");
    expect(priority).not.toContain("Khu phố An Bình</a>");
  });

  it("reads another month, and says so when the month typed is wrong", async () => {
    const oct = (await consoleFetch(chat.base, "/console?month=2026-10", { browser: officer })).body;
    expect(oct).toContain("Tổng quan tháng 10/2026");
    expect(oct).toContain("Có nguy cơ");
    const bad = await consoleFetch(chat.base, "/console?month=2026-13", { browser: officer });
    expect(bad.status).toBe(200);
    expect(bad.body).toContain("Tháng không đúng");
    expect(bad.body).toContain("Tổng quan tháng 11/2026");
  });

  it("shows a head only their own unit, and 403 on another unit's page", async () => {
    const home = (await consoleFetch(chat.base, "/console", { browser: headA })).body;
    expect(home).toContain("Khu phố An Bình");
    expect(home).not.toContain("Khu phố Chiềng");
    expect(home).not.toContain("Khu phố Đông");
    expect(home).toMatch(/1\/1<\/span>/);
    const green = (await consoleFetch(chat.base, "/console/green", { browser: headA })).body;
    expect(green).toContain("Khu phố An Bình");
    expect(green).not.toContain("Khu phố Chiềng");
    expect((await consoleFetch(chat.base, `/console/units/${ids.a}`, { browser: headA })).status).toBe(200);
    const other = await consoleFetch(chat.base, `/console/units/${ids.c}`, { browser: headA });
    expect(other.status).toBe(403);
    expect(other.body).not.toContain("Khu phố Chiềng");
    expect((await consoleFetch(chat.base, "/console/units/99999", { browser: headA })).status).toBe(403);
  });

  it("draws the green zone: a grid with words beside colours, a chart, and the candidates", async () => {
    const res = await consoleFetch(chat.base, "/console/green", { browser: officer });
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body).toContain("<svg");
    expect(body).toContain("Số khu phố vùng xanh mỗi tháng, từ 12/2025 đến 11/2026");
    // Each cell has its word for screen readers, not colour alone.
    expect(body).toMatch(/state-green" title="Vùng xanh"><span aria-hidden="true">✓<\/span><span class="sr">Vùng xanh<\/span>/);
    expect(body).toContain('title="Có nguy cơ"');
    expect(body).toMatch(/<li><a href="\/console\/units\/\d+">Khu phố An Bình<\/a> — 6 tháng xanh liền/);
    // An Bình's row: six green months, streak 6.
    const row = body.slice(body.indexOf(">Khu phố An Bình</a></th>"), body.indexOf("</tr>", body.indexOf(">Khu phố An Bình</a></th>")));
    expect(row.match(/state-green/g)).toHaveLength(6);
    expect(row).toMatch(/<td class="num">6<\/td>$/);
  });

  it("shows a unit's history and figures; case codes to officers, never names, and counts to heads", async () => {
    const res = await consoleFetch(chat.base, `/console/units/${ids.a}`, { browser: officer });
    expect(res.status).toBe(200);
    expect(res.body).toContain("Báo cáo 12 tháng gần nhất");
    expect(res.body).toContain("Số liệu qua các tháng");
    expect(res.body).toContain("<td>09/2026</td><td>Trọng điểm, phức tạp → Đã có người nghiện</td>");
    expect(res.body).toContain("CA-017");
    expect(res.body).not.toContain("Bí Mật");
    const head = (await consoleFetch(chat.base, `/console/units/${ids.a}`, { browser: headA })).body;
    expect(head).not.toContain("CA-017");
    expect(head).toContain("Đang giúp đỡ: 1");
    const unknown = await consoleFetch(chat.base, "/console/units/99999", { browser: officer });
    expect(unknown.status).toBe(404);
  });
});
