import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tipByCode } from "../../src/store/tips.ts";
import { joinAs, openChat, seedUnit, type ChatDriver } from "../support/chat.ts";
import { consoleFetch, openConsoleSession, type ConsoleBrowser } from "../support/console.ts";
import { addPerson } from "../support/people.ts";
import { telegramPersonId, tipFrom } from "../support/tips.ts";

/**
 * A tip's neighbourhood on the console: an officer sets or clears it on the tip's page (the
 * `tip.unit` effect), and a unit's page counts the tips placed in it, never showing one.
 */
describe("console: a tip's neighbourhood and a unit's tip counts", () => {
  let chat: ChatDriver;
  let officer: ConsoleBrowser;
  let head: ConsoleBrowser;
  let leLoi: number;
  let chiLinh: number;
  let retired: number;
  let tapped: string;
  let unplaced: string;
  const post = (path: string, form: Record<string, string>, browser = officer) => consoleFetch(chat.base, path, { browser, form: { _csrf: browser.csrf, ...form } });
  const get = (path: string, browser = officer) => consoleFetch(chat.base, path, { browser });
  const unitOf = async (code: string) => (await tipByCode(chat.db, code))!.unitId;

  beforeAll(async () => {
    chat = await openChat("telegram", { now: new Date("2026-11-21T03:00:00Z") });
    leLoi = (await seedUnit(chat.db, "Khu phố Lê Lợi", 150, "priority")).id;
    chiLinh = (await seedUnit(chat.db, "Thôn Chí Linh", 80, "clean")).id;
    retired = (await seedUnit(chat.db, "Khu phố Cũ", 40, "clean")).id;
    await chat.db.unit.update({ where: { id: retired }, data: { retiredAt: new Date("2026-10-01T00:00:00Z"), retiredPeriod: "2026-10" } });
    await joinAs(chat, "officer", "officer", null);
    tapped = await tipFrom(chat, "an", { description: "Có người bán ma túy ở quán nước đầu ngõ", unitId: leLoi });
    unplaced = await tipFrom(chat, "binh");
    officer = await openConsoleSession(chat.db, await telegramPersonId(chat, "officer"), chat.clock.now);
    const h = await addPerson(chat.db, { role: "head", unitId: leLoi });
    head = await openConsoleSession(chat.db, h.id, chat.clock.now);
  });
  afterAll(async () => chat.close());

  it("shows the tip's neighbourhood, and offers only the units in service", async () => {
    expect(await unitOf(tapped)).toBe(leLoi);
    const page = (await get(`/console/tips/${tapped}`)).body;
    expect(page).toMatch(/Khu phố nơi xảy ra<\/dt><dd>Khu phố Lê Lợi<\/dd>/);
    expect(page).toContain(`action="/console/tips/${tapped}/unit"`);
    expect(page).toContain(`<option value="${chiLinh}">Thôn Chí Linh</option>`);
    expect(page).not.toContain("Khu phố Cũ");
    expect((await get(`/console/tips/${unplaced}`)).body).toMatch(/Khu phố nơi xảy ra<\/dt><dd>Chưa rõ<\/dd>/);
  });

  it("lets an officer set, change and clear it, and refuses a retired or unknown unit", async () => {
    expect((await post(`/console/tips/${unplaced}/unit`, { unit: String(chiLinh) })).status).toBe(303);
    expect(await unitOf(unplaced)).toBe(chiLinh);
    expect((await get(`/console/tips/${unplaced}`)).body).toContain(`Đã ghi khu phố nơi xảy ra của tin báo ${unplaced}: Thôn Chí Linh.`);

    await post(`/console/tips/${unplaced}/unit`, { unit: String(retired) });
    expect((await get(`/console/tips/${unplaced}`)).body).toContain("Khu phố này không có hoặc đã ngừng hoạt động");
    await post(`/console/tips/${unplaced}/unit`, { unit: "99999" });
    expect(await unitOf(unplaced)).toBe(chiLinh);
    await post(`/console/tips/${unplaced}/unit`, { unit: "Lê Lợi" });
    expect((await get(`/console/tips/${unplaced}`)).body).toContain("Chọn một khu phố trong danh sách, hoặc “Chưa rõ”.");
    expect(await unitOf(unplaced)).toBe(chiLinh);

    await post(`/console/tips/${unplaced}/unit`, { unit: "" });
    expect(await unitOf(unplaced)).toBeNull();
    expect((await get(`/console/tips/${unplaced}`)).body).toContain(`Tin báo ${unplaced} không còn ghi khu phố.`);
  });

  it("refuses a head (403) and a form without its CSRF token, and changes nothing", async () => {
    expect((await post(`/console/tips/${tapped}/unit`, { unit: String(chiLinh) }, head)).status).toBe(403);
    expect((await consoleFetch(chat.base, `/console/tips/${tapped}/unit`, { browser: officer, form: { unit: String(chiLinh) } })).status).toBe(403);
    expect((await consoleFetch(chat.base, `/console/tips/${tapped}/unit`, { browser: officer, form: { _csrf: "x".repeat(43), unit: String(chiLinh) } })).status).toBe(403);
    expect(await unitOf(tapped)).toBe(leLoi);
  });

  it("counts a unit's tips by status and category on its page, for officers, never showing a tip", async () => {
    await post(`/console/tips/${unplaced}/unit`, { unit: String(leLoi) });
    await post(`/console/tips/${tapped}/move`, { to: "checking" });
    const page = (await get(`/console/units/${leLoi}`)).body;
    expect(page).toContain("Tổng số: 2");
    expect(page).toMatch(/Theo trạng thái<\/h3>\s*<ul><li>mới nhận: 1<\/li><li>đang xác minh: 1<\/li><\/ul>/);
    expect(page).toMatch(/Theo loại<\/h3>\s*<ul><li>Sử dụng, tụ tập: 2<\/li><\/ul>/);
    for (const secret of [tapped, unplaced, "quán nước", "Nhà hoang", "/console/tips/"]) expect(page).not.toContain(secret);
    expect((await get(`/console/units/${chiLinh}`)).body).toContain("Chưa có tin báo nào ghi khu phố này.");

    // A head sees their unit's page, but not its tips, not even counted.
    const own = await get(`/console/units/${leLoi}`, head);
    expect(own.status).toBe(200);
    expect(own.body).toContain("Số tin báo theo khu phố chỉ cán bộ công an xem được.");
    expect(own.body).not.toContain("Tổng số: 2");
  });
});
