import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classChangesOf, unitByName, unitById } from "../../src/store/units.ts";
import { openChat, seedUnit, type ChatDriver } from "../support/chat.ts";
import { consoleFetch, openConsoleSession, type ConsoleBrowser } from "../support/console.ts";
import { submit, upload } from "../support/console-admin.ts";
import { addPerson } from "../support/people.ts";

/** The console's units administration, over HTTP on a real database (27/11/2026). */
describe("console administration: units", () => {
  let chat: ChatDriver;
  let officer: ConsoleBrowser;
  let officerId: number;
  let head: ConsoleBrowser;
  let anBinh: number;

  beforeAll(async () => {
    chat = await openChat("simulator", { now: new Date("2026-11-27T03:00:00Z") });
    anBinh = (await seedUnit(chat.db, "Khu phố An Bình", 120, "priority")).id;
    await seedUnit(chat.db, "Khu phố Chiềng", 80, "clean");
    officerId = (await addPerson(chat.db, { role: "officer" })).id;
    officer = await openConsoleSession(chat.db, officerId, chat.clock.now);
    head = await openConsoleSession(chat.db, (await addPerson(chat.db, { role: "head", unitId: anBinh })).id, chat.clock.now);
  });
  afterAll(async () => chat.close());

  it("sends someone without a session to sign in, and refuses a head with 403, changing nothing", async () => {
    for (const path of ["/console/admin", "/console/admin/units", `/console/admin/units/${anBinh}`]) {
      const res = await consoleFetch(chat.base, path);
      expect(res.status).toBe(303);
      expect(res.location).toBe("/console/signin");
      expect((await consoleFetch(chat.base, path, { browser: head })).status).toBe(403);
    }
    const posted = await consoleFetch(chat.base, "/console/admin/units/add", { browser: head, form: { _csrf: head.csrf, name: "Khu phố Mới", households: "10", class: "clean" } });
    expect(posted.status).toBe(403);
    const renamed = await consoleFetch(chat.base, `/console/admin/units/${anBinh}/rename`, { browser: head, form: { _csrf: head.csrf, name: "Tên Lạ" } });
    expect(renamed.status).toBe(403);
    expect(await unitByName(chat.db, "Khu phố Mới")).toBeNull();
    expect((await unitById(chat.db, anBinh))!.name).toBe("Khu phố An Bình");
    // The head's console has no administration link.
    expect((await consoleFetch(chat.base, "/console", { browser: head })).body).not.toContain("/console/admin");
  });

  it("refuses a form without the session's CSRF token, and stores nothing", async () => {
    const res = await consoleFetch(chat.base, "/console/admin/units/add", { browser: officer, form: { name: "Khu phố Giả", households: "10", class: "clean" } });
    expect(res.status).toBe(403);
    const wrong = await consoleFetch(chat.base, "/console/admin/units/add", { browser: officer, form: { _csrf: head.csrf, name: "Khu phố Giả", households: "10", class: "clean" } });
    expect(wrong.status).toBe(403);
    expect(await unitByName(chat.db, "Khu phố Giả")).toBeNull();
  });

  it("lists the units with class, households and retirement, and adds one as `units add` would", async () => {
    const page = await submit(chat.base, officer, "/console/admin/units/add", { name: "  Khu phố   Đông  ", households: "75", class: "has_cases" });
    expect(page.at).toBe("/console/admin/units");
    expect(page.body).toContain("Đã thêm Khu phố Đông: 75 hộ, phân loại Đã có người nghiện.");
    const unit = await unitByName(chat.db, "Khu phố Đông");
    expect(unit).toMatchObject({ households: 75, classification: "has_cases" });
    expect(page.body).toMatch(/Khu phố Đông<\/a><\/th><td [^>]*>Đã có người nghiện<\/td><td class="num" [^>]*>75<\/td>/);
    expect(page.body).toContain("Danh sách (3 khu phố)");
  });

  it("refuses bad input with a Vietnamese message saying what to type, and stores nothing", async () => {
    let page = await submit(chat.base, officer, "/console/admin/units/add", { name: "Khu phố Bốn", households: "1e2", class: "clean" });
    expect(page.body).toContain("Số hộ phải là số nguyên từ 0 đến 100000, chỉ gồm chữ số. Ví dụ: 150.");
    expect(await unitByName(chat.db, "Khu phố Bốn")).toBeNull();
    // The same name in other case and without diacritics is the same unit.
    page = await submit(chat.base, officer, "/console/admin/units/add", { name: "KHU PHO AN BINH", households: "5", class: "clean" });
    expect(page.body).toContain("Đã có khu phố tên “KHU PHO AN BINH”; không có gì thay đổi.");
    page = await submit(chat.base, officer, "/console/admin/units/add", { name: "x".repeat(81), households: "5", class: "clean" });
    expect(page.body).toContain("Tên khu phố không được để trống và dài tối đa 80 ký tự.");
    page = await submit(chat.base, officer, `/console/admin/units/${anBinh}/rename`, { name: "Khu phố Chiềng" });
    expect(page.body).toContain("Đã có khu phố tên “Khu phố Chiềng”; không có gì thay đổi.");
    page = await submit(chat.base, officer, `/console/admin/units/${anBinh}/households`, { households: "-3" });
    expect(page.body).toContain("Số hộ phải là số nguyên");
    page = await submit(chat.base, officer, `/console/admin/units/${anBinh}/reclassify`, { class: "clean", period: "2026-13" });
    expect(page.body).toContain("Tháng không hợp lệ. Chọn tháng dạng NĂM-THÁNG, ví dụ 2026-11.");
    expect(await unitById(chat.db, anBinh)).toMatchObject({ name: "Khu phố An Bình", households: 120, classification: "priority" });
    expect(await classChangesOf(chat.db, anBinh)).toEqual([]);
  });

  it("renames, sets households and reclassifies from a month through the units feature, recording who", async () => {
    let page = await submit(chat.base, officer, `/console/admin/units/${anBinh}/rename`, { name: "Khu phố An Bình Mới" });
    expect(page.at).toBe(`/console/admin/units/${anBinh}`);
    expect(page.body).toContain("Đã đổi tên “Khu phố An Bình” thành “Khu phố An Bình Mới”.");
    page = await submit(chat.base, officer, `/console/admin/units/${anBinh}/households`, { households: "140" });
    expect(page.body).toContain("Đã sửa số hộ của Khu phố An Bình Mới: 120 → 140.");
    page = await submit(chat.base, officer, `/console/admin/units/${anBinh}/reclassify`, { class: "has_cases", period: "2026-10" });
    expect(page.body).toContain("Đã phân loại lại Khu phố An Bình Mới từ tháng 10/2026");
    expect(await unitById(chat.db, anBinh)).toMatchObject({ name: "Khu phố An Bình Mới", households: 140, classification: "has_cases" });
    const [change] = await classChangesOf(chat.db, anBinh);
    expect(change).toMatchObject({ fromClass: "priority", toClass: "has_cases", period: "2026-10", by: `person:${officerId}` });
  });

  it("retires a unit from a month; a retired unit is kept and refuses further changes", async () => {
    const chieng = (await unitByName(chat.db, "Khu phố Chiềng"))!.id;
    let page = await submit(chat.base, officer, `/console/admin/units/${chieng}/retire`, { period: "2026-12" });
    expect(page.body).toContain("Đã ngừng theo dõi Khu phố Chiềng từ tháng 12/2026.");
    expect((await unitById(chat.db, chieng))!.retiredPeriod).toBe("2026-12");
    expect(page.body).not.toContain(`action="/console/admin/units/${chieng}/rename"`);
    page = await submit(chat.base, officer, `/console/admin/units/${chieng}/rename`, { name: "Khu phố Khác" });
    expect(page.body).toContain("Khu phố này không còn được theo dõi; không có gì thay đổi.");
    expect((await unitById(chat.db, chieng))!.name).toBe("Khu phố Chiềng");
    const list = await consoleFetch(chat.base, "/console/admin/units", { browser: officer });
    expect(list.body).toContain("từ 12/2026");
  });

  it("imports a CSV: first a preview that changes nothing, then the confirm button applies it", async () => {
    const csv = "Tên;Số hộ;Phân loại\nKhu phố Tây;60;trọng điểm\nKhu phố An Bình Mới;150;\nKhu phố Đông;75;has_cases\n";
    const checked = await upload(chat.base, officer, `/console/admin/units/import?_csrf=${officer.csrf}`, "danh-sach.csv", csv);
    expect(checked.status).toBe(303);
    const preview = await consoleFetch(chat.base, checked.location!, { browser: officer });
    expect(preview.body).toContain("danh-sach.csv: thêm 1, cập nhật 1, giữ nguyên 1 khu phố.");
    expect(preview.body).toContain("Khu phố An Bình Mới: households 140 → 150");
    expect(await unitByName(chat.db, "Khu phố Tây")).toBeNull();
    expect((await unitById(chat.db, anBinh))!.households).toBe(140);
    const done = await submit(chat.base, officer, checked.location!, {});
    expect(done.body).toContain("Đã nhập danh-sach.csv: thêm 1, cập nhật 1, giữ nguyên 1 khu phố.");
    expect(await unitByName(chat.db, "Khu phố Tây")).toMatchObject({ households: 60, classification: "priority" });
    expect((await unitById(chat.db, anBinh))!.households).toBe(150);
    // A preview is used once.
    const again = await submit(chat.base, officer, checked.location!, {});
    expect(again.body).toContain("Bản xem trước không còn");
  });

  it("imports an XLSX the same way, and refuses a list with bad rows naming each line, importing nothing", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Khu phố");
    sheet.addRow(["Tên", "Số hộ", "Phân loại"]);
    sheet.addRow(["Khu phố Bắc", 33, "clean"]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const checked = await upload(chat.base, officer, `/console/admin/units/import?_csrf=${officer.csrf}`, "list.xlsx", bytes);
    const preview = await consoleFetch(chat.base, checked.location!, { browser: officer });
    expect(preview.body).toContain("list.xlsx: thêm 1, cập nhật 0");
    expect(await unitByName(chat.db, "Khu phố Bắc")).toBeNull();

    const bad = await upload(chat.base, officer, `/console/admin/units/import?_csrf=${officer.csrf}`, "bad.csv", "Tên,Số hộ\nKhu phố Nam,abc\n");
    const page = await consoleFetch(chat.base, bad.location!, { browser: officer });
    expect(page.body).toContain("Tệp bad.csv có 1 dòng sai; chưa nhập gì.");
    expect(page.body).toContain("Dòng 2:");
    expect(await unitByName(chat.db, "Khu phố Nam")).toBeNull();

    const none = await upload(chat.base, officer, `/console/admin/units/import?_csrf=${officer.csrf}`, "notes.pdf", "%PDF");
    expect((await consoleFetch(chat.base, none.location!, { browser: officer })).body).toContain("Không đọc được tệp");
  });

  it("refuses an upload without the CSRF token or from a head, importing nothing", async () => {
    const csv = "Tên,Số hộ\nKhu phố Lén,10\n";
    expect((await upload(chat.base, officer, "/console/admin/units/import", "a.csv", csv)).status).toBe(403);
    expect((await upload(chat.base, head, `/console/admin/units/import?_csrf=${head.csrf}`, "a.csv", csv)).status).toBe(403);
    const anon = await upload(chat.base, undefined, "/console/admin/units/import", "a.csv", csv);
    expect(anon.status).toBe(303);
    expect(anon.location).toBe("/console/signin");
    expect(await unitByName(chat.db, "Khu phố Lén")).toBeNull();
  });
});
