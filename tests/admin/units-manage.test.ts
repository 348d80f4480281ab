import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lockPeriod, lockHistory } from "../../src/store/reports.ts";
import { classChangesOf, listUnits, unitsActiveIn } from "../../src/store/units.ts";
import { freshDb } from "../support/db.ts";
import { adminOn, NOW, type AdminResult } from "./harness.ts";

let env: Awaited<ReturnType<typeof freshDb>>;
let admin: ReturnType<typeof adminOn>;
let dir: string;

beforeEach(async () => {
  env = await freshDb();
  admin = adminOn(env.db);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "vungxanh-import-"));
});
afterEach(async () => {
  await env.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

function expectRefused(result: AdminResult, reason: RegExp) {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe("");
  expect(result.stderr).toMatch(reason);
}

const listed = async () => JSON.parse((await admin("units", "list", "--json")).stdout) as unknown[];

function file(name: string, text: string): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, text);
  return f;
}

describe("units edit and retire", () => {
  beforeEach(async () => {
    await admin("units", "add", "Khu phố Nguyễn Trãi", "--households", "150", "--class", "priority");
    await admin("units", "add", "Thôn Chí Linh", "--households", "80", "--class", "has_cases");
  });

  it("renames a unit, sets its households and reclassifies it from this month, keeping the class change", async () => {
    const result = await admin("units", "edit", "chi linh", "--name", "Thôn Chí Linh Mới", "--households", "95", "--class", "chưa có");
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.lines).toEqual([
      'renamed "Thôn Chí Linh" to "Thôn Chí Linh Mới"',
      "Thôn Chí Linh Mới: households 80 → 95",
      "Thôn Chí Linh Mới: class has_cases → clean from 2025-02",
    ]);
    expect(await listed()).toEqual([
      { id: 1, name: "Khu phố Nguyễn Trãi", households: 150, classification: "priority" },
      { id: 2, name: "Thôn Chí Linh Mới", households: 95, classification: "clean" },
    ]);
    expect(await classChangesOf(env.db, 2)).toEqual([{ fromClass: "has_cases", toClass: "clean", period: "2025-02", by: "admin", at: NOW }]);
    expect((await admin("units", "edit", "Thôn Chí Linh Mới", "--class", "clean")).lines).toEqual(["Thôn Chí Linh Mới: class is clean already"]);
    expect(await classChangesOf(env.db, 2)).toHaveLength(1);
  });

  it("refuses a taken name, an unknown unit, a bad value or nothing to change, and writes nothing", async () => {
    const before = await listed();
    expectRefused(await admin("units", "edit", "Thôn Chí Linh", "--name", "khu pho nguyen trai", "--households", "10"), /"Khu phố Nguyễn Trãi" already exists/);
    expectRefused(await admin("units", "edit", "Thôn Không Có", "--households", "10"), /no unit named "Thôn Không Có"; units: Khu phố Nguyễn Trãi, Thôn Chí Linh/);
    expectRefused(await admin("units", "edit", "Thôn Chí Linh", "--class", "xanh"), /^error: --class: expected one of priority, has_cases, clean \(got "xanh"\)$/m);
    expectRefused(await admin("units", "edit", "Thôn Chí Linh", "--households", "-1"), /--households needs a value/);
    expectRefused(await admin("units", "edit", "Thôn Chí Linh"), /needs what to change/);
    expectRefused(await admin("units", "edit", "--households", "3"), /needs the unit's name/);
    expect(await listed()).toEqual(before);
    expect(await env.db.unitClassChange.count()).toBe(0);
  });

  it("retires a unit from this month: kept and listed as retired, out of this month's units, in last month's", async () => {
    const result = await admin("units", "retire", "chi linh");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("retired Thôn Chí Linh from 2025-02");
    expect(await listed()).toEqual([
      { id: 1, name: "Khu phố Nguyễn Trãi", households: 150, classification: "priority" },
      { id: 2, name: "Thôn Chí Linh", households: 80, classification: "has_cases", retiredPeriod: "2025-02" },
    ]);
    expect((await listUnits(env.db)).map((u) => u.name)).toEqual(["Khu phố Nguyễn Trãi"]);
    expect((await unitsActiveIn(env.db, "2025-02")).map((u) => u.name)).toEqual(["Khu phố Nguyễn Trãi"]);
    expect((await unitsActiveIn(env.db, "2025-01")).map((u) => u.name)).toEqual(["Khu phố Nguyễn Trãi", "Thôn Chí Linh"]);
    expect((await admin("units", "list")).lines.at(-1)).toBe("2 units (1 retired)");
    expect((await admin("units", "retire", "Thôn Chí Linh")).stdout).toContain("was retired already");
    expectRefused(await admin("units", "edit", "Thôn Chí Linh", "--households", "3"), /is retired \(from 2025-02\)/);
    // No new invite for a retired unit.
    expectRefused(await admin("invite", "head", "--unit", "Thôn Chí Linh"), /no unit named/);
  });

  it("leaves a retired unit's head out of the month's report prompt", async () => {
    await env.db.person.createMany({ data: [{ role: "head", unitId: 1 }, { role: "head", unitId: 2 }] });
    const at = ["--at", "2025-02-20T08:00:00+07:00"];
    expect((await admin("jobs", "run", "report-prompt", ...at)).stdout).toContain("2 due");
    await env.db.jobRun.deleteMany();
    await admin("units", "retire", "Thôn Chí Linh");
    expect((await admin("jobs", "run", "report-prompt", ...at)).stdout).toContain("1 due");
  });
});

describe("units import", () => {
  it("adds new names and updates known ones from a CSV with Vietnamese headers and class words, saying which", async () => {
    await admin("units", "add", "Khu phố Nguyễn Trãi", "--households", "150", "--class", "priority");
    await admin("units", "add", "Thôn Chí Linh", "--households", "80", "--class", "has_cases");
    const csv = file("ds.csv", "\ufeffTên;Số hộ;Phân loại\nKhu phố Nguyễn Trãi;1.200;Trọng điểm\nthon chi linh;80;Chưa có\nKhu phố Bắc Sơn;;đã có người nghiện\nXóm Mới;12;\n");
    const result = await admin("units", "import", csv);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.lines).toEqual([
      "added: Khu phố Bắc Sơn",
      "added: Xóm Mới",
      "updated: Khu phố Nguyễn Trãi (households 150 → 1200)",
      "updated: Thôn Chí Linh (class has_cases → clean)",
      `imported ${csv}: 2 added, 2 updated, 0 unchanged`,
    ]);
    expect(await listed()).toEqual([
      { id: 3, name: "Khu phố Bắc Sơn", households: 0, classification: "has_cases" },
      { id: 1, name: "Khu phố Nguyễn Trãi", households: 1200, classification: "priority" },
      { id: 2, name: "Thôn Chí Linh", households: 80, classification: "clean" },
      { id: 4, name: "Xóm Mới", households: 12, classification: "clean" },
    ]);
    expect(await classChangesOf(env.db, 2)).toEqual([{ fromClass: "has_cases", toClass: "clean", period: "2025-02", by: `import ${csv}`, at: NOW }]);
    // The same file again changes nothing.
    expect((await admin("units", "import", csv)).lines.at(-1)).toBe(`imported ${csv}: 0 added, 0 updated, 4 unchanged`);
  });

  it("reads an XLSX with English headers and keys", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Units");
    ws.addRow(["name", "households", "class"]);
    ws.addRow(["Khu phố Nguyễn Trãi", 150, "priority"]);
    ws.addRow(["Thôn Chí Linh", 80, "has_cases"]);
    const xlsx = path.join(dir, "units.xlsx");
    await wb.xlsx.writeFile(xlsx);
    const result = await admin("units", "import", xlsx);
    expect(result.code).toBe(0);
    expect(result.lines.at(-1)).toBe(`imported ${xlsx}: 2 added, 0 updated, 0 unchanged`);
    expect(await listed()).toEqual([
      { id: 1, name: "Khu phố Nguyễn Trãi", households: 150, classification: "priority" },
      { id: 2, name: "Thôn Chí Linh", households: 80, classification: "has_cases" },
    ]);
  });

  it("reports every bad row by its line and reason, and writes nothing", async () => {
    await admin("units", "add", "Thôn Chí Linh", "--households", "80", "--class", "has_cases");
    const csv = file("bad.csv", "Tên,Số hộ,Phân loại\nKhu phố Nguyễn Trãi,150,trọng điểm\n,20,sạch\nKhu phố Bắc Sơn,nhiều,sạch\n\nKhu phố Tây Sơn,30,xanh\nkhu pho nguyen trai,10,\nThôn Chí Linh,99,sạch\n");
    const result = await admin("units", "import", csv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.split("\n").slice(0, -1)).toEqual([
      `${csv}: line 3: name: the name is empty`,
      `${csv}: line 4: households: expected a whole number from 0 to 100000 (got "nhiều")`,
      `${csv}: line 6: class: expected priority ("trọng điểm"), has_cases ("đã có người nghiện") or clean ("chưa có") (got "xanh")`,
      `${csv}: line 7: "khu pho nguyen trai" is also on line 2`,
      `error: 4 bad rows in ${csv}; nothing was imported`,
    ]);
    expect(await listed()).toEqual([{ id: 1, name: "Thôn Chí Linh", households: 80, classification: "has_cases" }]);
  });

  it("refuses a file without a name column, a missing file, another format, or a retired unit's name", async () => {
    expectRefused(await admin("units", "import", file("x.csv", "STT,Số hộ\n1,20\n")), /line 1: no name column in the header/);
    expectRefused(await admin("units", "import", path.join(dir, "none.csv")), /^error: no file /);
    expectRefused(await admin("units", "import", file("x.json", "[]")), /expected a \.csv or \.xlsx file/);
    expectRefused(await admin("units", "import"), /needs one file/);
    await admin("units", "add", "Thôn Chí Linh");
    await admin("units", "retire", "Thôn Chí Linh");
    expectRefused(await admin("units", "import", file("r.csv", "Tên,Số hộ\nXóm Mới,3\nThôn Chí Linh,20\n")), /line 3: "Thôn Chí Linh" is a retired unit; .*nothing was imported/);
    expect((await listed()).map((u: any) => u.name)).toEqual(["Thôn Chí Linh"]);
  });

  it("imports 10,000 rows in one go, then updates them all", async () => {
    const rows = (households: (i: number) => number) =>
      ["Tên,Số hộ,Phân loại", ...Array.from({ length: 10_000 }, (_, i) => `Khu phố Tân Thành ${String(i + 1).padStart(5, "0")},${households(i)},${["trọng điểm", "đã có người nghiện", "chưa có"][i % 3]}`)].join("\n");
    const first = await admin("units", "import", file("big.csv", rows((i) => 100 + (i % 50))));
    expect(first.lines.at(-1)).toMatch(/: 10000 added, 0 updated, 0 unchanged$/);
    expect(await env.db.unit.count()).toBe(10_000);
    const second = await admin("units", "import", file("big2.csv", rows((i) => (i < 5000 ? 7 : 100 + (i % 50)))));
    expect(second.lines.at(-1)).toMatch(/: 0 added, 5000 updated, 5000 unchanged$/);
    expect(await env.db.unit.count({ where: { households: 7 } })).toBe(5000);
    const some = await env.db.unit.findFirstOrThrow({ where: { name: "Khu phố Tân Thành 00001" } });
    expect(some).toMatchObject({ households: 7, classification: "priority" });
    expect(some.createdAt).toEqual(NOW);
  });
});

describe("unlock", () => {
  it("reopens a locked month with the reason kept, and refuses a month not locked or no reason", async () => {
    await lockPeriod(env.db, "2025-01", 7, NOW);
    expectRefused(await admin("unlock", "2025-01"), /needs --reason/);
    expectRefused(await admin("unlock", "2025-13", "--reason", "x"), /<month>: expected a month as YYYY-MM/);
    expectRefused(await admin("unlock", "2024-12", "--reason", "sửa số"), /2024-12 is not locked/);
    const result = await admin("unlock", "2025-01", "--reason", "Thôn Chí Linh nhập sai số hộ");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("unlocked 2025-01");
    expect(await env.db.periodLock.count()).toBe(0);
    expect((await lockHistory(env.db, "2025-01")).map((e) => [e.action, e.by, e.reason])).toEqual([
      ["lock", "person:7", null],
      ["unlock", "admin", "Thôn Chí Linh nhập sai số hộ"],
    ]);
  });
});
