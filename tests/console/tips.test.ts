import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tipByCode } from "../../src/store/tips.ts";
import { joinAs, openChat, seedUnit, type ChatDriver } from "../support/chat.ts";
import { consoleFetch, openConsoleSession, type ConsoleBrowser } from "../support/console.ts";
import { addPerson } from "../support/people.ts";
import { telegramPersonId, tipFrom } from "../support/tips.ts";

/**
 * The tips pages over the real server, with residents tipping through the fake Telegram: the
 * queue, one tip, and its actions, which must reach the tipster exactly as chat's commands do.
 */
describe("console tips", () => {
  let chat: ChatDriver;
  let officer: ConsoleBrowser;
  let head: ConsoleBrowser;
  let typed: string;
  let pinned: string;
  const texts = async (user: string) => (await chat.history(user)).map((r) => r.text);
  const post = (path: string, form: Record<string, string>, browser = officer) => consoleFetch(chat.base, path, { browser, form: { _csrf: browser.csrf, ...form } });
  const get = (path: string, browser = officer) => consoleFetch(chat.base, path, { browser });

  beforeAll(async () => {
    chat = await openChat("telegram", { now: new Date("2026-11-21T03:00:00Z") });
    const unit = await seedUnit(chat.db, "Khu phố Lê Lợi", 150, "priority");
    await joinAs(chat, "officer", "officer", null);
    typed = await tipFrom(chat, "an", { description: "Có người <b>bán</b> ma túy ở quán nước đầu ngõ" });
    chat.clock.now = new Date("2026-11-22T09:17:00Z");
    pinned = await tipFrom(chat, "binh", { pin: true });
    officer = await openConsoleSession(chat.db, await telegramPersonId(chat, "officer"), chat.clock.now);
    const h = await addPerson(chat.db, { role: "head", unitId: unit.id });
    head = await openConsoleSession(chat.db, h.id, chat.clock.now);
  });
  afterAll(async () => chat.close());

  it("sends a visitor without a session to sign in, pages and actions alike", async () => {
    for (const path of ["/console/tips", `/console/tips/${typed}`]) {
      const res = await consoleFetch(chat.base, path);
      expect(res.status).toBe(303);
      expect(res.location).toBe("/console/signin");
    }
    const res = await consoleFetch(chat.base, `/console/tips/${typed}/move`, { form: { to: "checking" } });
    expect(res.status).toBe(303);
    expect((await tipByCode(chat.db, typed))!.status).toBe("new");
  });

  it("refuses a head: 403 on the queue, a tip and its actions", async () => {
    expect((await get("/console/tips", head)).status).toBe(403);
    const page = await get(`/console/tips/${typed}`, head);
    expect(page.status).toBe(403);
    expect(page.body).not.toContain("quán nước");
    expect((await post(`/console/tips/${typed}/move`, { to: "checking" }, head)).status).toBe(403);
    expect((await tipByCode(chat.db, typed))!.status).toBe("new");
  });

  it("refuses an action without the form's CSRF token, and changes nothing", async () => {
    const res = await consoleFetch(chat.base, `/console/tips/${typed}/move`, { browser: officer, form: { to: "checking" } });
    expect(res.status).toBe(403);
    const forged = await consoleFetch(chat.base, `/console/tips/${typed}/move`, { browser: officer, form: { _csrf: "x".repeat(43), to: "checking" } });
    expect(forged.status).toBe(403);
    expect((await tipByCode(chat.db, typed))!.status).toBe("new");
  });

  it("lists the tips newest first, with the day only, and filters them", async () => {
    const res = await get("/console/tips");
    expect(res.status).toBe(200);
    expect(res.body.indexOf(pinned)).toBeGreaterThan(0);
    expect(res.body.indexOf(pinned)).toBeLessThan(res.body.indexOf(typed));
    expect(res.body).toContain("21/11/2026");
    expect(res.body).toContain("22/11/2026");
    expect(res.body).not.toMatch(/\b\d{1,2}:\d{2}\b/);
    expect(res.body).toContain("Vị trí đã ghim");
    const none = (await get("/console/tips?category=dealing")).body;
    expect(none).toContain("Không có tin báo nào khớp.");
    expect(none).not.toContain(typed);
    const bad = (await get("/console/tips?status=nonsense")).body;
    expect(bad).toContain("Bộ lọc không đúng");
    expect(bad).toContain(typed);
  });

  it("shows a tip: what was said (escaped), the typed place, no photo, no questions yet", async () => {
    const res = await get(`/console/tips/${typed}`);
    expect(res.status).toBe(200);
    expect(res.body).toContain(`Tin báo ${typed}`);
    expect(res.body).toContain("Có người &lt;b&gt;bán&lt;/b&gt; ma túy");
    expect(res.body).toContain("Nhà hoang cuối xóm");
    expect(res.body).toContain("Ẩn danh");
    expect(res.body).toContain("Chưa có câu hỏi nào.");
    expect((await get("/console/tips/TB-ZZZZZZ")).status).toBe(404);
  });

  it("draws a pinned place as a map drawn on the server, with a plain OpenStreetMap link", async () => {
    const body = (await get(`/console/tips/${pinned}`)).body;
    expect(body).toMatch(/<svg class="map" role="img"/);
    expect(body).toContain("19.90000, 105.20000");
    expect(body).toContain('href="https://www.openstreetmap.org/?mlat=19.90000&amp;mlon=105.20000');
  });

  it("moves a tip from the page: the tipster is told through the Bot API, the page says so and keeps the history", async () => {
    const res = await post(`/console/tips/${typed}/move`, { to: "checking" });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/console/tips/${typed}`);
    await chat.server.dispatcher.flush();
    expect(await texts("an")).toContain(`Tin báo ${typed} của bạn: đang xác minh. Cảm ơn bạn!`);
    const page = (await get(`/console/tips/${typed}`)).body;
    expect(page).toContain(`Tin báo ${typed}: mới nhận → đang xác minh.`);
    expect(page).toMatch(/<li>22\/11\/2026: mới nhận → đang xác minh<\/li>/);
    // The note is shown once.
    expect((await get(`/console/tips/${typed}`)).body).not.toContain("Người báo tin được báo tình trạng mới");
    expect((await get("/console/tips?status=checking")).body).not.toContain(pinned);
    // A move the rules do not allow is refused with chat's words; a status that is none, with what to pick.
    await post(`/console/tips/${typed}/move`, { to: "new" });
    expect((await get(`/console/tips/${typed}`)).body).toContain(`Không thể chuyển tin báo ${typed} từ “đang xác minh” sang “mới nhận”.`);
    await post(`/console/tips/${typed}/move`, { to: "done" });
    expect((await get(`/console/tips/${typed}`)).body).toContain("Tình trạng không đúng. Hãy chọn một tình trạng trong danh sách.");
    expect((await tipByCode(chat.db, typed))!.status).toBe("checking");
  });

  it("asks the tipster from the page, and their answer in chat appears on the page", async () => {
    const before = (await texts("an")).length;
    const res = await post(`/console/tips/${typed}/ask`, { text: "Khoảng mấy giờ thì họ tụ tập?" });
    expect(res.status).toBe(303);
    await chat.server.dispatcher.flush();
    const got = (await texts("an")).slice(before).join("\n");
    expect(got).toContain("Khoảng mấy giờ thì họ tụ tập?");
    expect((await get(`/console/tips/${typed}`)).body).toContain(`Đã gửi câu hỏi cho người báo tin ${typed}`);
    await chat.send("an", "Thường sau 10 giờ tối");
    const page = (await get(`/console/tips/${typed}`)).body;
    expect(page).toMatch(/Cán bộ hỏi:<\/strong> <span class="muted">22\/11\/2026<\/span><br>Khoảng mấy giờ thì họ tụ tập\?/);
    expect(page).toMatch(/Người báo trả lời:<\/strong> <span class="muted">22\/11\/2026<\/span><br>Thường sau 10 giờ tối/);
    // The officers are alerted of the answer, as in chat.
    expect((await texts("officer")).join("\n")).toContain("Thường sau 10 giờ tối");
  });

  it("says what to type when a question is empty, and sends nothing", async () => {
    const before = (await texts("an")).length;
    await post(`/console/tips/${typed}/ask`, { text: " " });
    await chat.server.dispatcher.flush();
    expect((await texts("an")).length).toBe(before);
    expect((await get(`/console/tips/${typed}`)).body).toMatch(/Câu hỏi cần từ 2 đến 1\.?000 ký tự/);
  });

  it("marks a reward and blocks a sender from the page, as chat's commands do", async () => {
    await post(`/console/tips/${pinned}/reward`, {});
    const rewarded = (await get(`/console/tips/${pinned}`)).body;
    expect(rewarded).toContain(`Đã đánh dấu khen thưởng cho tin báo ${pinned}`);
    expect(rewarded).toContain('<span class="tag">Đã khen thưởng</span>');
    expect(rewarded).not.toContain(`/console/tips/${pinned}/reward`);
    await post(`/console/tips/${pinned}/block`, {});
    expect((await get(`/console/tips/${pinned}`)).body).toContain(`Đã chặn người gửi tin báo ${pinned}`);
    const refused = (await chat.send("binh", "/tobao")).map((r) => r.text).join("\n");
    expect(refused).toContain("Bạn hiện không thể gửi tin báo");
    expect((await tipByCode(chat.db, pinned))!.rewarded).toBe(true);
  });
});
