import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BROADCAST_LENGTH } from "../../src/domain/broadcast.ts";
import { isLocked, lockHistory } from "../../src/store/reports.ts";
import { grantsOf } from "../../src/store/roles.ts";
import { lastText, openChat, seedUnit, type ChatDriver } from "../support/chat.ts";
import { consoleFetch, openConsoleSession, type ConsoleBrowser } from "../support/console.ts";
import { submit } from "../support/console-admin.ts";
import { addPerson } from "../support/people.ts";

/**
 * The console's invite codes, people, announcements and month locks, on the Telegram channel
 * with its fake Bot API (27/11/2026): one officer, a head of An Bình, a mentor, a resident who
 * subscribed (and sends tips).
 */
describe("console administration: invites, people, announcements, months", () => {
  let chat: ChatDriver;
  let officer: ConsoleBrowser;
  let officerId: number;
  let head: ConsoleBrowser;
  let headId: number;
  let residentId: number;
  let anBinh: number;

  beforeAll(async () => {
    chat = await openChat("telegram", { now: new Date("2026-11-27T03:00:00Z") });
    const db = chat.db;
    anBinh = (await seedUnit(db, "Khu phố An Bình", 120, "priority")).id;
    officerId = (await addPerson(db, { role: "officer" })).id;
    headId = (await addPerson(db, { role: "head", unitId: anBinh, channel: "telegram" })).id;
    await addPerson(db, { role: "mentor", unitId: anBinh, channel: "zalo" });
    residentId = (await addPerson(db, { role: "resident", unitId: anBinh })).id;
    await db.person.update({ where: { id: residentId }, data: { subscribed: true } });
    officer = await openConsoleSession(db, officerId, chat.clock.now);
    head = await openConsoleSession(db, headId, chat.clock.now);
  });
  afterAll(async () => chat.close());

  const sections = ["invites", "people", "announcements", "months", "changes"];
  const posts: [string, Record<string, string>][] = [
    ["/console/admin/invites/make", { role: "officer", unit: "" }],
    ["/console/admin/people/remove", { person: String(1), role: "officer", unit: "" }],
    ["/console/admin/announcements/send", { text: "Họp tổ dân phố", audience: "heads", unit: "" }],
    ["/console/admin/months/lock", { period: "2026-10" }],
    ["/console/admin/months/unlock", { period: "2026-10", reason: "sai số" }],
  ];

  it("redirects without a session, refuses heads with 403 and forms without CSRF, changing nothing", async () => {
    for (const s of sections) {
      const anon = await consoleFetch(chat.base, `/console/admin/${s}`);
      expect(anon.location).toBe("/console/signin");
      expect((await consoleFetch(chat.base, `/console/admin/${s}`, { browser: head })).status).toBe(403);
    }
    for (const [path, form] of posts) {
      expect((await consoleFetch(chat.base, path, { form })).location).toBe("/console/signin");
      expect((await consoleFetch(chat.base, path, { browser: head, form: { _csrf: head.csrf, ...form } })).status).toBe(403);
      expect((await consoleFetch(chat.base, path, { browser: officer, form })).status).toBe(403);
    }
    expect(await chat.db.invite.count()).toBe(0);
    expect(await chat.db.broadcast.count()).toBe(0);
    expect(await isLocked(chat.db, "2026-10")).toBe(false);
  });

  it("makes an invite code, lists it while unused, and a revoked code no longer works in /join", async () => {
    let page = await submit(chat.base, officer, "/console/admin/invites/make", { role: "head", unit: "" });
    expect(page.body).toContain("Mã mời trưởng khu phố cần một khu phố. Chọn khu phố rồi tạo lại.");
    expect(await chat.db.invite.count()).toBe(0);

    page = await submit(chat.base, officer, "/console/admin/invites/make", { role: "head", unit: String(anBinh) });
    const code = /\/join ([A-Z0-9]{8})/.exec(page.body)![1]!;
    expect(page.body).toContain("Mã mời trưởng khu phố Khu phố An Bình");
    const invite = await chat.db.invite.findUniqueOrThrow({ where: { code } });
    expect(invite).toMatchObject({ role: "head", unitId: anBinh, createdBy: `person:${officerId}` });
    expect(page.body).toContain(`<code>${code}</code>`);
    expect(page.body).toContain("Mã chưa dùng (1)");

    page = await submit(chat.base, officer, `/console/admin/invites/${invite.id}/revoke`, {});
    expect(page.body).toContain("Đã thu hồi mã; mã này không dùng được nữa.");
    expect(page.body).not.toContain(`<code>${code}</code>`);
    expect(lastText(await chat.send("newhead", `/join ${code}`))).toBe("Mã mời này đã hết hạn. Hãy xin cán bộ một mã mới.");
    expect(await chat.db.invite.findUniqueOrThrow({ where: { code } })).toMatchObject({ usedAt: null });

    page = await submit(chat.base, officer, `/console/admin/invites/${invite.id}/revoke`, {});
    expect(page.body).toContain("Mã này đã được dùng, đã hết hạn hoặc không có; không có gì thay đổi.");
  });

  it("lists role holders by unit with their channels, never a resident, and keeps the last officer", async () => {
    let page = await consoleFetch(chat.base, "/console/admin/people", { browser: officer });
    expect(page.body).toMatch(new RegExp(`<th scope="row">#${headId}</th><td [^>]*>trưởng khu phố</td><td [^>]*>telegram</td>`));
    expect(page.body).toMatch(/người giúp đỡ<\/td><td [^>]*>zalo<\/td>/);
    expect(page.body).not.toContain(`#${residentId}<`);

    page = await submit(chat.base, officer, "/console/admin/people/remove", { person: String(officerId), role: "officer", unit: "" });
    expect(page.body).toContain("Không bỏ được: đây là cán bộ cuối cùng.");
    expect(await grantsOf(chat.db, officerId)).toEqual([{ role: "officer", unitId: null }]);

    page = await submit(chat.base, officer, "/console/admin/people/remove", { person: String(headId), role: "head", unit: String(anBinh) });
    expect(page.body).toContain(`trưởng (người báo cáo) Khu phố An Bình của người #${headId}.`);
    expect(await grantsOf(chat.db, headId)).toEqual([]);
    expect(page.body).not.toContain(`#${headId}</th>`);
  });

  it("shows audience sizes, refuses an empty or too long announcement, and sends one with delivery counts", async () => {
    let page = await consoleFetch(chat.base, "/console/admin/announcements", { browser: officer });
    expect(page.body).toMatch(/người dân đã đăng ký<span class="big">1<\/span>/);
    expect(page.body).toContain("Khu phố An Bình (trưởng khu phố 0 · người giúp đỡ 1 · người dân đã đăng ký 1)");

    page = await submit(chat.base, officer, "/console/admin/announcements/send", { text: "x".repeat(MAX_BROADCAST_LENGTH + 1), audience: "residents", unit: "" });
    expect(page.body).toContain("Thông báo dài 2.001 ký tự; tối đa 2.000. Rút ngắn rồi gửi lại.");
    page = await submit(chat.base, officer, "/console/admin/announcements/send", { text: "   ", audience: "residents", unit: "" });
    expect(page.body).toContain("Thông báo chưa có nội dung.");
    expect(await chat.db.broadcast.count()).toBe(0);

    page = await submit(chat.base, officer, "/console/admin/announcements/send", { text: "Tối thứ Bảy họp tổ dân phố <b>7 giờ</b>", audience: "residents", unit: String(anBinh) });
    expect(page.body).toContain("Đã gửi thông báo: 1 người sẽ nhận");
    const sent = await chat.db.broadcast.findFirstOrThrow();
    expect(sent).toMatchObject({ audience: "residents", unitId: anBinh, createdBy: `person:${officerId}`, recipients: 1 });
    expect(page.body).toContain("Tối thứ Bảy họp tổ dân phố &lt;b&gt;7 giờ&lt;/b&gt;");
    // One message, waiting in the outbox (the test's dispatcher may have sent it already).
    expect(page.body).toMatch(/<td class="num">[01]<\/td><td class="num">[01]<\/td><td class="num">0<\/td><td>person:\d+<\/td>/);
  });

  it("locks a past month, refuses the running one, and unlocks only with a reason, keeping the history", async () => {
    let page = await submit(chat.base, officer, "/console/admin/months/lock", { period: "2026-11" });
    expect(page.body).toContain("Tháng 11/2026 chưa kết thúc: chỉ khóa sổ được tháng đã qua.");
    expect(await isLocked(chat.db, "2026-11")).toBe(false);

    page = await submit(chat.base, officer, "/console/admin/months/lock", { period: "2026-10" });
    expect(page.body).toContain("Đã khóa sổ tháng 10/2026.");
    expect(await isLocked(chat.db, "2026-10")).toBe(true);
    expect(page.body).toContain(`Khóa bởi person:${officerId}`);

    page = await submit(chat.base, officer, "/console/admin/months/unlock", { period: "2026-10", reason: "  " });
    expect(page.body).toContain("Mở khóa cần lý do (tối đa 500 ký tự).");
    expect(await isLocked(chat.db, "2026-10")).toBe(true);

    page = await submit(chat.base, officer, "/console/admin/months/unlock", { period: "2026-10", reason: "Khu phố An Bình nhập sai số hộ" });
    expect(page.body).toContain("Đã mở lại sổ tháng 10/2026.");
    expect(await isLocked(chat.db, "2026-10")).toBe(false);
    expect(await lockHistory(chat.db, "2026-10")).toMatchObject([
      { action: "lock", by: `person:${officerId}` },
      { action: "unlock", by: `person:${officerId}`, reason: "Khu phố An Bình nhập sai số hộ" },
    ]);
    expect(page.body).toContain("Mở khóa bởi person:");
    expect(page.body).toContain("Khu phố An Bình nhập sai số hộ");
  });

  it("records every change made above with who made it, newest first, for officers only", async () => {
    const page = await consoleFetch(chat.base, "/console/admin/changes", { browser: officer });
    expect(page.status).toBe(200);
    const rows = [...page.body.matchAll(/<tr><th scope="row">[^<]+<\/th><td[^>]*>Cán bộ số (\d+)[\s\S]*?<code>([\w.]+)<\/code>/g)].map((m) => [Number(m[1]), m[2]]);
    const actions = rows.map(([, action]) => action);
    for (const done of ["invite.create", "invite.revoke", "role.remove", "broadcast.send", "period.lock", "period.unlock"]) expect(actions).toContain(done);
    expect(rows.every(([who]) => who === officerId)).toBe(true);
    // Newest first: the month was unlocked after it was locked.
    expect(actions.indexOf("period.unlock")).toBeLessThan(actions.indexOf("period.lock"));
    expect((await consoleFetch(chat.base, "/console/admin/changes", { browser: head })).status).toBe(403);
  });
});
