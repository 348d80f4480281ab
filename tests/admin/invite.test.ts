import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { redeemInvite } from "../../src/store/invites.ts";
import { freshDb } from "../support/db.ts";
import { addTwoUnits, adminOn, NOW } from "./harness.ts";

let env: Awaited<ReturnType<typeof freshDb>>;
let admin: ReturnType<typeof adminOn>;

beforeEach(async () => {
  env = await freshDb();
  admin = adminOn(env.db);
  await addTwoUnits(admin);
});
afterEach(() => env.cleanup());

const CODE = /^[A-HJKMNP-Z2-9]{8}$/;

describe("invite", () => {
  it("prints a head's code alone on the last line and stores it for the unit named as typed", async () => {
    const result = await admin("invite", "head", "--unit", "nguyen trai");
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const code = result.lines.at(-1)!;
    expect(code).toMatch(CODE);
    expect(result.lines.slice(0, -1).join("\n")).toContain("Khu phố Nguyễn Trãi");
    const stored = await env.db.invite.findUnique({ where: { code }, include: { unit: true } });
    expect(stored).toMatchObject({ role: "head", createdBy: "admin", usedAt: null, unit: { name: "Khu phố Nguyễn Trãi" } });
  });

  it("gives codes that the chat's /join redeems once", async () => {
    const code = (await admin("invite", "officer")).lines.at(-1)!;
    const person = await env.db.person.create({ data: {} });
    expect(await redeemInvite(env.db, code.toLowerCase(), person.id, NOW)).toEqual({ ok: true, role: "officer", unitId: null });
    expect(await redeemInvite(env.db, code, person.id, NOW)).toEqual({ ok: false, reason: "used" });
  });

  it("says until when a code works (14 days), and the code stops working then", async () => {
    const { lines } = await admin("invite", "officer");
    // 02:00 UTC is 09:00 in Hà Nội; fourteen days later.
    expect(lines.at(-2)).toContain("works once, until 09:00 17/02/2025 (Asia/Ho_Chi_Minh)");
    const code = lines.at(-1)!;
    const person = await env.db.person.create({ data: {} });
    const justBefore = new Date(NOW.getTime() + 14 * 86_400_000 - 1);
    const at = new Date(NOW.getTime() + 14 * 86_400_000);
    expect(await redeemInvite(env.db, code, person.id, at)).toEqual({ ok: false, reason: "expired" });
    expect(await redeemInvite(env.db, code, person.id, justBefore)).toMatchObject({ ok: true });
  });

  it("makes mentor invites with or without a unit, and a new code each time", async () => {
    const a = (await admin("invite", "mentor")).lines.at(-1)!;
    const b = (await admin("invite", "Mentor", "--unit", "THÔN CHÍ LINH")).lines.at(-1)!;
    expect(a).not.toBe(b);
    const rows = await env.db.invite.findMany({ orderBy: { id: "asc" }, include: { unit: true } });
    expect(rows.map((r) => [r.code, r.role, r.unit?.name ?? null])).toEqual([
      [a, "mentor", null],
      [b, "mentor", "Thôn Chí Linh"],
    ]);
  });

  it.each([
    [["head"], /^error: a head's invite needs --unit <name>/],
    [["head", "--unit", "Khu phố Hoàng Hoa Thám"], /^error: no unit named "Khu phố Hoàng Hoa Thám"; units: Khu phố Nguyễn Trãi, Thôn Chí Linh$/],
    [["head", "--unit"], /^error: --unit needs a value$/],
    [["head", "--unit", "Thôn", "Chí", "Linh"], /^error: unexpected argument "Chí" for "invite"/],
    [["officer", "--unit", "Thôn Chí Linh"], /^error: an officer's invite takes no --unit/],
    [["chief", "--unit", "Thôn Chí Linh"], /^error: role: expected one of head, mentor, officer \(got "chief"\)$/],
    [[], /^error: "invite" needs a role/],
    [["mentor", "--case", "C1"], /^error: no case with code C1 /],
  ])("refuses %j with one line, exit 2, and stores no invite", async (args, reason) => {
    const result = await admin("invite", ...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.split("\n")).toHaveLength(2); // one line and its newline
    expect(result.stderr.trimEnd()).toMatch(reason);
    expect(await env.db.invite.count()).toBe(0);
  });
});
