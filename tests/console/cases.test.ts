import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveCheckin, sealerFor, setCaseStatus } from "../../src/store/cases.ts";
import type { ChatDriver } from "../support/chat.ts";
import { openCaseChat, openTestCase, WEDNESDAY } from "../support/cases.ts";
import { consoleFetch, openConsoleSession, type ConsoleBrowser } from "../support/console.ts";
import { TEST_DATA_KEY } from "../support/db.ts";
import { addPerson } from "../support/people.ts";

/**
 * The cases pages on Wednesday 25/11/2026 (the week of 23/11): NT-01 checked in this week,
 * NT-02 due and not checked for two weeks, NT-03 relapsed, CL-04 suspected of relapse last week
 * and not yet checked this week. Names are sealed; only the case page opens one, and logs it.
 */
describe("console cases", () => {
  let chat: ChatDriver;
  let officer: ConsoleBrowser;
  let officerId: number;
  let head: ConsoleBrowser;
  let mentor: ConsoleBrowser;
  const NAME = "Trần Văn Kín Đáo";
  const views = () => chat.db.caseNameView.findMany();
  const get = (path: string, browser = officer) => consoleFetch(chat.base, path, { browser });

  beforeAll(async () => {
    const opened = await openCaseChat("simulator");
    chat = opened.chat;
    const sealer = sealerFor(TEST_DATA_KEY);
    const m = await addPerson(chat.db, { role: "mentor", unitId: opened.unitA });
    const nt1 = await openTestCase(chat, "NT-01", opened.unitA, { name: NAME });
    await openTestCase(chat, "NT-02", opened.unitA);
    const nt3 = await openTestCase(chat, "NT-03", opened.unitA, { name: "Lê Thị Riêng Tư" });
    const cl4 = await openTestCase(chat, "CL-04", opened.unitB);
    const checkin = (c: { id: number; code: string }, week: string, state: "stable" | "suspected_relapse", note: string | null = null) =>
      saveCheckin(chat.db, { entry: { caseId: c.id, code: c.code, contacted: true, method: "in_person", state, note }, mentorId: m.id, week, now: WEDNESDAY }, sealer);
    await checkin(nt1, "2026-11-23", "stable", "Đi làm đều, gia đình yên tâm");
    await checkin(nt1, "2026-11-16", "stable");
    await checkin(cl4, "2026-11-16", "suspected_relapse");
    await setCaseStatus(chat.db, nt3.id, "relapsed", null, WEDNESDAY);
    const off = await addPerson(chat.db, { role: "officer" });
    officerId = off.id;
    officer = await openConsoleSession(chat.db, off.id, WEDNESDAY);
    head = await openConsoleSession(chat.db, (await addPerson(chat.db, { role: "head", unitId: opened.unitA })).id, WEDNESDAY);
    mentor = await openConsoleSession(chat.db, m.id, WEDNESDAY);
  });
  afterAll(async () => chat.close());

  it("sends a visitor without a session to sign in", async () => {
    for (const path of ["/console/cases", "/console/cases/NT-01", "/console/audit"]) {
      const res = await consoleFetch(chat.base, path);
      expect(res.status).toBe(303);
      expect(res.location).toBe("/console/signin");
    }
  });

  it("refuses heads and mentors, shows them no name and logs no view", async () => {
    for (const who of [head, mentor]) {
      for (const path of ["/console/cases", "/console/cases/NT-01", "/console/audit"]) {
        const res = await get(path, who);
        expect(res.status).toBe(403);
        expect(res.body).not.toContain(NAME);
      }
    }
    expect(await views()).toHaveLength(0);
  });

  it("lists the week's cases by code: checked, not yet, overdue two weeks, relapses; never a name", async () => {
    const res = await get("/console/cases");
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body).toContain("Cai nghiện: tuần từ 23/11/2026");
    expect(body).toMatch(/1\/3<\/span>trường hợp đã xác nhận tuần này/);
    // One heading's part of the page: from its id to the next heading.
    const section = (id: string) => {
      const from = body.indexOf(`id="${id}"`);
      const to = body.indexOf("<h2", from);
      return body.slice(from, to === -1 ? undefined : to);
    };
    expect(section("unchecked")).toContain("NT-02");
    expect(section("unchecked")).toContain("CL-04");
    expect(section("unchecked")).not.toContain("NT-01");
    expect(section("overdue")).toContain("NT-02");
    expect(section("overdue")).not.toContain("CL-04");
    expect(section("relapses")).toContain("CL-04");
    expect(section("relapses")).toContain("Nghi tái nghiện");
    expect(section("relapses")).toContain("NT-03");
    expect(section("checked")).toContain("NT-01");
    expect(body).not.toContain(NAME);
    expect(body).not.toContain("Riêng Tư");
    expect(await views()).toHaveLength(0);
  });

  it("shows an officer a case's name and check-ins, and writes the view to the audit log", async () => {
    const res = await get("/console/cases/nt-01");
    expect(res.status).toBe(200);
    expect(res.body).toContain("Trường hợp NT-01");
    expect(res.body).toContain(NAME);
    expect(res.body).toContain("Đi làm đều, gia đình yên tâm");
    expect(res.body).toMatch(/<th scope="row">23\/11\/2026<\/th><td data-label="Tình hình">Ổn định<\/td><td data-label="Cách liên hệ">Gặp trực tiếp<\/td>/);
    const rows = await views();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ personId: officerId, at: WEDNESDAY });
    await get("/console/cases/NT-01");
    expect(await views()).toHaveLength(2);
  });

  it("logs no view when a case has no name recorded, and 404s an unknown code", async () => {
    const before = (await views()).length;
    const res = await get("/console/cases/NT-02");
    expect(res.body).toContain("Chưa ghi họ tên.");
    expect(await views()).toHaveLength(before);
    expect((await get("/console/cases/ZZ-99")).status).toBe(404);
  });

  it("lets officers who may see names read who saw them, never the names themselves", async () => {
    const res = await get("/console/audit");
    expect(res.status).toBe(200);
    expect(res.body).toContain("Nhật ký xem họ tên");
    expect(res.body.match(/<a href="\/console\/cases\/NT-01">NT-01<\/a>/g)).toHaveLength(2);
    expect(res.body).toContain(`Cán bộ số ${officerId} <span class="tag">bạn</span>`);
    expect(res.body).toContain("10:00 25/11/2026");
    expect(res.body).not.toContain(NAME);
  });
});
