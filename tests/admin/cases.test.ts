import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addCaseMentor, caseName, saveCheckin, sealerFor } from "../../src/store/cases.ts";
import { redeemInvite } from "../../src/store/invites.ts";
import { freshDb, TEST_DATA_KEY } from "../support/db.ts";
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
const NAME = "Trịnh Văn Quyết";

/** Nothing written: no case, no invite, no status change. */
async function nothingWritten(cases = 0) {
  expect(await env.db.rehabCase.count()).toBe(cases);
  expect(await env.db.invite.count()).toBe(0);
  expect(await env.db.caseStatusChange.count()).toBe(0);
}

describe("cases add", () => {
  it("opens a case for the unit named as typed, from today by default, with the name sealed", async () => {
    const result = await admin("cases", "add", "nt-01", "--unit", "nguyen trai", "--name", NAME);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    // 2025-02-03 09:00 in Hà Nội.
    expect(result.lines).toEqual([
      "opened case NT-01 in Khu phố Nguyễn Trãi, from 2025-02-03 (no planned end); name stored encrypted",
      "a mentor joins it with a code from: invite mentor --case NT-01",
    ]);
    const row = await env.db.rehabCase.findUniqueOrThrow({ where: { code: "NT-01" } });
    expect(row).toMatchObject({ startDate: "2025-02-03", endDate: null, status: "active" });
    expect(row.nameEnc).toMatch(/^v2:/);
    expect(row.nameEnc).not.toContain("Quyết");
    expect(await caseName(env.db, row.id, sealerFor(TEST_DATA_KEY))).toBe(NAME);

    const dated = await admin("cases", "add", "CL-7", "--unit", "Thôn Chí Linh", "--start", "2025-01-15", "--end", "2025-07-15");
    expect(dated.lines[0]).toBe("opened case CL-7 in Thôn Chí Linh, from 2025-01-15 to 2025-07-15");
    expect(await env.db.rehabCase.findUniqueOrThrow({ where: { code: "CL-7" } })).toMatchObject({ nameEnc: null, endDate: "2025-07-15" });
  });

  it.each([
    [[], /^error: "cases" needs a command: cases add, cases list or cases status$/],
    [["open", "NT-01"], /^error: unknown command "cases open"/],
    [["add"], /^error: "cases add" needs a code/],
    [["add", "NT-01"], /^error: "cases add" needs --unit <name>/],
    [["add", "NT-01", "--unit", "Khu phố Hoàng Hoa Thám"], /^error: no unit named "Khu phố Hoàng Hoa Thám"; units: Khu phố Nguyễn Trãi, Thôn Chí Linh$/],
    [["add", "NT 01", "--unit", "nguyen trai"], /^error: code: a code is letters, digits and dashes inside \(e\.g\. NT-01\) \(got "NT 01"\)$/],
    [["add", "NguyenVanA", "--unit", "nguyen trai"], /^error: code: a code has at least one digit/],
    [["add", "NT-01", "--unit", "nguyen trai", "--name", "Trịnh", "Văn", "Quyết"], /^error: unexpected argument "Văn" for "cases add" \(quote a name with spaces/],
    [["add", "NT-01", "--unit", "nguyen trai", "--name", ""], /^error: --name: the name is empty$/],
    [["add", "NT-01", "--unit", "nguyen trai", "--name", "x".repeat(101)], /^error: --name: the name is longer than 100 characters/],
    [["add", "NT-01", "--unit", "nguyen trai", "--name"], /^error: --name needs a value$/],
    [["add", "NT-01", "--unit", "nguyen trai", "--start", "2025-02-30"], /^error: --start: no such date \(got "2025-02-30"\)$/],
    [["add", "NT-01", "--unit", "nguyen trai", "--start", "03/02/2025"], /^error: --start: expected a date as YYYY-MM-DD/],
    [["add", "NT-01", "--unit", "nguyen trai", "--start", "2025-03-01", "--end", "2025-02-01"], /^error: --end 2025-02-01 is before --start 2025-03-01$/],
    [["add", "NT-01", "--unit", "nguyen trai", "--end", "2025-01-01"], /^error: --end 2025-01-01 is before the start, 2025-02-03$/],
    [["add", "NT-01", "--unit", "nguyen trai", "--status", "active"], /^error: unknown flag --status for "cases add"/],
    [["list", "extra"], /^error: unexpected argument "extra" for "cases list"/],
    [["list", "--unit", "Thôn Đồng Tâm"], /^error: no unit named "Thôn Đồng Tâm"/],
    [["list", "--names=yes"], /^error: --names takes no value$/],
    [["status", "NT-01"], /^error: "cases status" needs a code and a status/],
    [["status", "NT-01", "done"], /^error: status: expected one of active, completed, relapsed, compulsory \(got "done"\)$/],
    [["status", "NT-09", "completed"], /^error: no case with code NT-09$/],
  ])("refuses %j with one line, exit 2, and writes nothing", async (args, reason) => {
    const result = await admin("cases", ...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.split("\n")).toHaveLength(2);
    expect(result.stderr.trimEnd()).toMatch(reason);
    await nothingWritten();
  });

  it("refuses a code already taken, in any case", async () => {
    await admin("cases", "add", "NT-01", "--unit", "nguyen trai");
    const again = await admin("cases", "add", "nt-01", "--unit", "chi linh", "--name", NAME);
    expect(again).toMatchObject({ code: 2, stdout: "", stderr: "error: a case with code NT-01 already exists\n" });
    await nothingWritten(1);
    expect((await env.db.rehabCase.findFirstOrThrow()).nameEnc).toBeNull();
  });
});

describe("cases list and status", () => {
  beforeEach(async () => {
    await admin("cases", "add", "NT-01", "--unit", "nguyen trai", "--name", NAME, "--start", "2025-01-01", "--end", "2025-06-30");
    await admin("cases", "add", "NT-02", "--unit", "nguyen trai", "--start", "2025-01-20");
    await admin("cases", "add", "CL-01", "--unit", "chi linh", "--name", "Lò Thị Hoa", "--start", "2024-12-01");
    const mentor = await env.db.person.create({ data: { role: "mentor" } });
    const nt01 = await env.db.rehabCase.findUniqueOrThrow({ where: { code: "NT-01" } });
    await addCaseMentor(env.db, nt01.id, mentor.id);
    for (const [week, state] of [["2025-01-20", "stable"], ["2025-01-27", "worrying"]] as const) {
      await saveCheckin(env.db, { entry: { caseId: nt01.id, code: "NT-01", contacted: true, method: "phone", state, note: null }, mentorId: mentor.id, week, now: NOW }, null);
    }
  });

  it("lists codes, status, dates, mentors and the last check-in, never names unless asked", async () => {
    const result = await admin("cases", "list");
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.lines).toEqual([
      "code   unit                 status  start       end         mentors  last check-in",
      "CL-01  Thôn Chí Linh        active  2024-12-01  -                 0  never",
      "NT-01  Khu phố Nguyễn Trãi  active  2025-01-01  2025-06-30        1  2025-01-27 worrying",
      "NT-02  Khu phố Nguyễn Trãi  active  2025-01-20  -                 0  never",
      "3 cases",
    ]);
    expect(result.stdout).not.toContain("Quyết");

    const named = await admin("cases", "list", "--names", "--unit", "NGUYEN TRAI");
    expect(named.lines[0]).toMatch(/last check-in\s+name$/);
    expect(named.lines[1]).toMatch(/^NT-01 .*2025-01-27 worrying\s+Trịnh Văn Quyết$/);
    expect(named.lines[2]).toMatch(/^NT-02 .*never\s+-$/);
    expect(named.lines.at(-1)).toBe("2 cases");

    const json = JSON.parse((await admin("cases", "list", "--json")).stdout) as Record<string, unknown>[];
    expect(json[1]).toEqual({
      code: "NT-01",
      unit: "Khu phố Nguyễn Trãi",
      status: "active",
      startDate: "2025-01-01",
      endDate: "2025-06-30",
      mentors: 1,
      lastCheckin: { week: "2025-01-27", state: "worrying", contacted: true },
    });
    expect(JSON.stringify(json)).not.toContain("Quyết");
    const withNames = JSON.parse((await admin("cases", "list", "--json", "--names", "--unit", "chi linh")).stdout) as { code: string; name: string }[];
    expect(withNames.map((c) => [c.code, c.name])).toEqual([["CL-01", "Lò Thị Hoa"]]);
  });

  it("changes a status and keeps the change; the same status changes nothing", async () => {
    expect((await admin("cases", "status", "nt-02", "COMPLETED")).lines).toEqual(["case NT-02: active → completed"]);
    expect((await admin("cases", "status", "NT-02", "completed")).lines).toEqual(["case NT-02 is already completed; nothing changed"]);
    const changes = await env.db.caseStatusChange.findMany();
    expect(changes).toMatchObject([{ fromStatus: "active", toStatus: "completed", byPersonId: null }]);
    expect((await admin("cases", "list")).lines[3]).toMatch(/^NT-02 .* completed /);
  });

  it("says so when there is no case", async () => {
    expect((await admin("cases", "list", "--unit", "thon chi linh")).lines.at(-1)).toBe("1 case");
    await env.db.checkin.deleteMany();
    await env.db.caseMentor.deleteMany();
    await env.db.rehabCase.deleteMany();
    expect((await admin("cases", "list")).lines).toEqual(["no cases yet; open one with: cases add <code> --unit <name>"]);
    expect((await admin("cases", "list", "--json")).stdout).toBe("[]\n");
  });
});

describe("invite mentor --case", () => {
  beforeEach(async () => {
    await admin("cases", "add", "CL-01", "--unit", "chi linh");
  });

  it("makes an invite whose taker becomes a mentor of the case, in its unit", async () => {
    const result = await admin("invite", "mentor", "--case", "cl-01");
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const code = result.lines.at(-1)!;
    expect(code).toMatch(CODE);
    expect(result.lines[0]).toBe(`invite for a rehab mentor of case CL-01 (Thôn Chí Linh); works once, until 09:00 17/02/2025 (Asia/Ho_Chi_Minh): the person sends /join ${code} to the bot`);
    const invite = await env.db.invite.findUniqueOrThrow({ where: { code }, include: { unit: true } });
    const rehabCase = await env.db.rehabCase.findUniqueOrThrow({ where: { code: "CL-01" } });
    expect(invite).toMatchObject({ role: "mentor", caseId: rehabCase.id, createdBy: "admin", unit: { name: "Thôn Chí Linh" } });

    const person = await env.db.person.create({ data: {} });
    expect(await redeemInvite(env.db, code, person.id, NOW)).toEqual({ ok: true, role: "mentor", unitId: rehabCase.unitId, caseCode: "CL-01" });
    expect(await env.db.caseMentor.findMany()).toMatchObject([{ caseId: rehabCase.id, personId: person.id }]);
    // A second case for the same mentor: another invite.
    await admin("cases", "add", "NT-01", "--unit", "nguyen trai");
    const second = (await admin("invite", "mentor", "--case", "NT-01")).lines.at(-1)!;
    await redeemInvite(env.db, second, person.id, NOW);
    expect(await env.db.caseMentor.count({ where: { personId: person.id } })).toBe(2);
  });

  it.each([
    [["mentor", "--case", "CL-09"], /^error: no case with code CL-09 \(cases list shows them; cases add opens one\)$/],
    [["head", "--case", "CL-01"], /^error: only a mentor's invite takes --case/],
    [["officer", "--case", "CL-01"], /^error: only a mentor's invite takes --case/],
    [["mentor", "--case", "CL-01", "--unit", "chi linh"], /^error: --case and --unit together: a case invite's unit is the case's$/],
    [["mentor", "--case"], /^error: --case needs a value$/],
    [["mentor", "--case", "Lò Thị Hoa"], /^error: --case: a code is letters, digits and dashes inside/],
  ])("refuses %j with one line, exit 2, and stores no invite", async (args, reason) => {
    const result = await admin("invite", ...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.split("\n")).toHaveLength(2);
    expect(result.stderr.trimEnd()).toMatch(reason);
    expect(await env.db.invite.count()).toBe(0);
  });

  it("refuses a case that is no longer active", async () => {
    await admin("cases", "status", "CL-01", "compulsory");
    const result = await admin("invite", "mentor", "--case", "CL-01");
    expect(result).toMatchObject({ code: 2, stderr: "error: case CL-01 is compulsory: only an active case takes new mentors\n" });
    expect(await env.db.invite.count()).toBe(0);
  });
});

describe("export: check-in compliance", () => {
  let dir: string;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "vungxanh-cases-export-"));
    admin = adminOn(env.db, { cwd: dir });
    // January 2025 has four weeks (Mondays 6, 13, 20, 27).
    await admin("cases", "add", "NT-01", "--unit", "nguyen trai", "--start", "2024-12-01");
    // Opened on Wednesday 15/01 (due from the week of the 13th), completed on the 22nd.
    await admin("cases", "add", "NT-02", "--unit", "nguyen trai", "--start", "2025-01-15");
    const nt01 = await env.db.rehabCase.findUniqueOrThrow({ where: { code: "NT-01" } });
    const nt02 = await env.db.rehabCase.findUniqueOrThrow({ where: { code: "NT-02" } });
    await env.db.rehabCase.update({ where: { id: nt02.id }, data: { status: "completed" } });
    await env.db.caseStatusChange.create({ data: { caseId: nt02.id, fromStatus: "active", toStatus: "completed", at: new Date("2025-01-22T03:00:00Z") } });
    const mentor = await env.db.person.create({ data: { role: "mentor" } });
    for (const week of ["2025-01-06", "2025-01-20", "2025-02-03"]) {
      await saveCheckin(env.db, { entry: { caseId: nt01.id, code: "NT-01", contacted: true, method: "phone", state: "stable", note: null }, mentorId: mentor.id, week, now: NOW }, null);
    }
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("appends checkinsDue and checkinsDone after the contract's columns", async () => {
    const result = await admin("export", "--month", "2025-01");
    expect(result.code).toBe(0);
    expect(result.lines).toEqual([
      "unit,addicts,suspected,newCases,familyRehab,compulsoryReferrals,relapses,householdsCommitted,propagandaSessions,incidents,suspectedSpots,notes,status,submittedAt,checkinsDue,checkinsDone",
      // NT-01: 4 weeks due, 2 done; NT-02: the weeks of the 13th and 20th (completed before the 27th).
      "Khu phố Nguyễn Trãi,,,,,,,,,,,,missing,,6,2",
      "Thôn Chí Linh,,,,,,,,,,,,missing,,0,0",
    ]);
    // February, on its 3rd: only the week that has begun counts.
    expect((await admin("export", "--month", "2025-02")).lines[1]).toBe("Khu phố Nguyễn Trãi,,,,,,,,,,,,missing,,1,1");
  });

  it("adds the two columns with Vietnamese headers and totals to the spreadsheet", async () => {
    const file = path.join(dir, "t1.xlsx");
    expect((await admin("export", "--month", "2025-01", "--format", "xlsx", "--out", file)).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    // The table starts under the document's heading: find its header row.
    let h = 1;
    while (sheet.getRow(h).getCell(1).value !== "STT") h++;
    const row = (n: number) => [16, 17].map((c) => sheet.getRow(n).getCell(c));
    expect(row(h).map((c) => c.value)).toEqual(["Số lượt xác nhận giúp đỡ phải có", "Số lượt đã xác nhận giúp đỡ"]);
    expect(sheet.getRow(h).getCell(15).value).toBe("Thời gian gửi");
    // h + 1 holds the column numbers; then one row per unit and the totals.
    expect(row(h + 2).map((c) => c.value)).toEqual([6, 2]);
    expect(row(h + 3).map((c) => c.value)).toEqual([0, 0]);
    expect(row(h + 4).map((c) => c.result)).toEqual([6, 2]);
    expect(row(h + 4)[0]!.formula).toBe(`SUM(P${h + 2}:P${h + 3})`);
  });
});
