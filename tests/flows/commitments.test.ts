import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getReport } from "../../src/store/reports.ts";
import { holdersOf, removeGrant } from "../../src/store/roles.ts";
import { joinAs, lastText, openChat, seedUnit, type ChatDriver } from "../support/chat.ts";

const rows = (chat: ChatDriver) =>
  chat.db.householdCommitment.findMany({ orderBy: { id: "asc" }, select: { unitId: true, households: true, signedOn: true, householdNo: true } });

describe("household commitments over telegram", () => {
  let chat: ChatDriver;
  let unitId: number;
  beforeEach(async () => {
    // 21/11/2026, 10:00 in Vietnam
    chat = await openChat("telegram");
    unitId = (await seedUnit(chat.db, "Khu phố Nguyễn Trãi", 40)).id;
    await joinAs(chat, "head", "head", unitId);
  });
  afterEach(async () => chat.close());

  it("records a count and a day once confirmed, and a single household's number", async () => {
    const start = await chat.send("head", "/camket");
    expect(lastText(start)).toContain("Sổ cam kết của Khu phố Nguyễn Trãi: đã ghi 0 / 40 hộ ký cam kết");
    const date = await chat.send("head", "mười hai");
    expect(lastText(date)).toContain("Các hộ ký cam kết ngày nào?");
    expect(date.at(-1)!.choices.map((c) => c.label)).toEqual(["Hôm nay", "Hôm qua"]);
    const confirm = await chat.send("head", "12/11");
    expect(lastText(confirm)).toContain("Ghi vào sổ cam kết của Khu phố Nguyễn Trãi: 12 hộ ký ngày 12/11/2026. Ghi không?");
    expect(await rows(chat)).toEqual([]);
    const saved = await chat.press("head", "yes");
    expect(lastText(saved)).toContain("Đã ghi 12 hộ ký cam kết ngày 12/11/2026 vào sổ của Khu phố Nguyễn Trãi. Tổng: 12 / 40 hộ.");
    expect(await rows(chat)).toEqual([{ unitId, households: 12, signedOn: "2026-11-12", householdNo: null }]);

    // In words ("ghi cam kết"), one household, with its number; a name is refused kindly.
    expect(lastText(await chat.send("head", "ghi cam kết"))).toContain("đã ghi 12 / 40 hộ");
    await chat.send("head", "1");
    expect(lastText(await chat.press("head", "yesterday"))).toContain("Số hộ hoặc số nhà của hộ này?");
    const name = await chat.send("head", "Nguyễn Văn Ba");
    expect(lastText(name)).toContain("Sổ cam kết không ghi tên người");
    expect(lastText(name)).toContain("Số hộ hoặc số nhà của hộ này?");
    expect(lastText(await chat.send("head", "số nhà 45B"))).toContain("1 hộ (số nhà 45B) ký ngày 20/11/2026");
    await chat.send("head", "có");
    expect((await rows(chat)).at(-1)).toEqual({ unitId, households: 1, signedOn: "2026-11-20", householdNo: "số nhà 45B" });
  });

  it("refuses more households than the unit has, saying its household count, and stores nothing", async () => {
    await chat.send("head", "/camket");
    await chat.send("head", "30");
    await chat.press("head", "today");
    await chat.press("head", "yes");
    await chat.send("head", "/camket");
    const over = await chat.send("head", "11");
    expect(lastText(over)).toContain("Khu phố Nguyễn Trãi có 40 hộ, đã ghi 30 hộ ký cam kết, nên chỉ ghi thêm được nhiều nhất 10 hộ.");
    expect(lastText(over)).toContain("Lần này có bao nhiêu hộ ký?");
    await chat.send("head", "10");
    await chat.press("head", "today");
    await chat.press("head", "yes");
    expect((await rows(chat)).map((r) => r.households)).toEqual([30, 10]);
    const full = await chat.send("head", "/camket");
    expect(lastText(full)).toContain("đã ghi đủ 40 / 40 hộ ký cam kết, không ghi thêm được");
  });

  it("checks the cap again at commit, when another person recorded in the meantime", async () => {
    await joinAs(chat, "officer", "officer", null);
    await chat.send("head", "/camket");
    await chat.send("head", "25");
    await chat.press("head", "today");
    // The officer records for the same unit while the head is at the confirmation.
    await chat.send("officer", "/camket");
    await chat.send("officer", "20");
    await chat.press("officer", "today");
    await chat.press("officer", "yes");
    const late = await chat.press("head", "yes");
    expect(lastText(late)).toContain("đã ghi 20 hộ ký cam kết, nên chỉ ghi thêm được nhiều nhất 20 hộ");
    expect((await rows(chat)).map((r) => r.households)).toEqual([20]);
  });

  it("lists the unit's total and latest lines to its head, and every unit's total to an officer", async () => {
    expect(lastText(await chat.send("head", "/camket xem"))).toContain("Sổ cam kết của Khu phố Nguyễn Trãi: chưa ghi hộ nào");
    for (const [count, day] of [["5", "10/11"], ["1", "hôm qua"]] as const) {
      await chat.send("head", "/camket");
      await chat.send("head", count);
      await chat.send("head", day);
      if (count === "1") await chat.send("head", "12");
      await chat.press("head", "yes");
    }
    const list = lastText(await chat.send("head", "/camket xem"));
    expect(list).toContain("Sổ cam kết của Khu phố Nguyễn Trãi: 6 / 40 hộ đã ký");
    expect(list.indexOf("20/11/2026: 1 hộ (số 12)")).toBeLessThan(list.indexOf("10/11/2026: 5 hộ"));
    expect(list.indexOf("10/11/2026: 5 hộ")).toBeGreaterThan(0);

    const other = (await seedUnit(chat.db, "Khu phố Lê Lợi", 90)).id;
    await joinAs(chat, "officer", "officer", null);
    const totals = lastText(await chat.send("officer", "/camket xem"));
    expect(totals).toContain("Khu phố Nguyễn Trãi: 6 / 40 hộ");
    expect(totals).toContain("Khu phố Lê Lợi: 0 / 90 hộ");
    // An officer picks the unit, then records for it.
    const pick = await chat.send("officer", "/camket");
    expect(pick.at(-1)!.choices.map((c) => c.label).sort()).toEqual(["Khu phố Lê Lợi", "Khu phố Nguyễn Trãi"]);
    expect(lastText(await chat.press("officer", `unit:${other}`))).toContain("Sổ cam kết của Khu phố Lê Lợi: đã ghi 0 / 90 hộ");
    await chat.send("officer", "7");
    await chat.press("officer", "today");
    await chat.press("officer", "yes");
    expect((await rows(chat)).at(-1)).toEqual({ unitId: other, households: 7, signedOn: "2026-11-21", householdNo: null });
  });

  it("checks access again at commit: a head whose role was taken away meanwhile records nothing", async () => {
    await chat.send("head", "/camket");
    await chat.send("head", "5");
    await chat.press("head", "today");
    // As an officer's /boquyen would, through the store.
    const [head] = await holdersOf(chat.db, "head", unitId);
    expect(await removeGrant(chat.db, head!.personId, { role: "head", unitId }, chat.clock.now)).toBe(true);
    expect(lastText(await chat.press("head", "yes"))).toContain("Sổ cam kết do trưởng khu phố");
    expect(await rows(chat)).toEqual([]);
  });

  it("refuses a resident, saying who keeps the register", async () => {
    expect(lastText(await chat.send("someone", "/camket"))).toContain("Sổ cam kết do trưởng khu phố");
    expect(await rows(chat)).toEqual([]);
  });

  it("pre-fills the report's households committed from the register, which the head keeps", async () => {
    await chat.send("head", "/camket");
    await chat.send("head", "35");
    await chat.send("head", "12/11");
    await chat.press("head", "yes");
    await chat.send("head", "/baocao");
    let q = "";
    for (const v of ["12", "4", "2", "5", "1", "1"]) q = lastText(await chat.send("head", v));
    expect(q).toContain("(7/11) Số hộ đã ký cam kết?");
    expect(q).toContain("Gợi ý theo sổ cam kết, đến ngày 12/11/2026: 35");
    await chat.press("head", "35");
    for (const v of ["3", "1", "2"]) await chat.send("head", v);
    await chat.send("head", "bỏ qua");
    await chat.press("head", "yes");
    expect((await getReport(chat.db, unitId, "2026-11"))?.values.householdsCommitted).toBe(35);
  });
});
