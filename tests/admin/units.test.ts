import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshDb } from "../support/db.ts";
import { adminOn, type AdminResult } from "./harness.ts";

let env: Awaited<ReturnType<typeof freshDb>>;
let admin: ReturnType<typeof adminOn>;

beforeEach(async () => {
  env = await freshDb();
  admin = adminOn(env.db);
});
afterEach(() => env.cleanup());

/** A refused command: exit 2, one `error: ` line, nothing on standard output. */
function expectRefused(result: AdminResult, reason: RegExp) {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe("");
  expect(result.stderr).toMatch(/^error: [^\n]+\n$/);
  expect(result.stderr).toMatch(reason);
}

async function listed() {
  const result = await admin("units", "list", "--json");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as unknown;
}

describe("units add", () => {
  it("adds a unit whose quoted name has spaces and diacritics, with its households and class", async () => {
    const result = await admin("units", "add", "Khu phố Nguyễn Trãi", "--households", "150", "--class", "priority");
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toBe("added unit 1: Khu phố Nguyễn Trãi (150 households, priority)\n");
    expect(await listed()).toEqual([{ id: 1, name: "Khu phố Nguyễn Trãi", households: 150, classification: "priority" }]);
  });

  it("joins an unquoted name's words and defaults to 0 households, clean", async () => {
    const result = await admin("units", "add", "Thôn", "Chí", "Linh");
    expect(result.code).toBe(0);
    expect(await listed()).toEqual([{ id: 1, name: "Thôn Chí Linh", households: 0, classification: "clean" }]);
  });

  it("stores decomposed diacritics (as some terminals send them) in the composed form", async () => {
    await admin("units", "add", "Khu phố Nguyễn Trãi".normalize("NFD"));
    expect(await listed()).toEqual([expect.objectContaining({ name: "Khu phố Nguyễn Trãi" })]);
  });

  it("refuses a name already taken, whatever its case or diacritics, and writes nothing", async () => {
    await admin("units", "add", "Khu phố Nguyễn Trãi", "--households", "150", "--class", "priority");
    const before = await listed();
    expectRefused(await admin("units", "add", "KHU PHO NGUYEN TRAI", "--households", "20"), /already exists/);
    expectRefused(await admin("units", "add", "khu phố nguyễn trãi"), /"Khu phố Nguyễn Trãi" already exists/);
    expect(await listed()).toEqual(before);
  });

  it.each([
    [["--class", "complicated"], /^error: --class: expected one of priority, has_cases, clean \(got "complicated"\)$/m],
    [["--households", "1.5"], /^error: --households: expected a whole number ≥ 0 \(got "1\.5"\)$/m],
    [["--households=-3"], /^error: --households: expected a whole number ≥ 0 \(got "-3"\)$/m],
    [["--households", "-3"], /^error: --households needs a value/m],
    [["--households", "many"], /--households: expected a whole number/],
    [["--households", ""], /--households: expected a whole number/],
    [["--households", "1e2"], /--households: expected a whole number/],
    [["--households", "200000"], /--households: too big/],
    [["--households"], /^error: --households needs a value$/m],
    [["--colour", "green"], /^error: unknown flag --colour for "units add"/m],
  ])("refuses %j with a one-line reason and writes nothing", async (flags, reason) => {
    await admin("units", "add", "Khu phố Nguyễn Trãi");
    const before = await listed();
    expectRefused(await admin("units", "add", "Thôn Chí Linh", ...flags), reason);
    expect(await listed()).toEqual(before);
  });

  it("refuses a missing or blank name", async () => {
    expectRefused(await admin("units", "add"), /needs a name/);
    expectRefused(await admin("units", "add", "   ", "--households", "3"), /needs a name/);
    expectRefused(await admin("units", "add", "x".repeat(81)), /^error: name: the name is longer than 80 characters/);
    expect(await listed()).toEqual([]);
  });
});

describe("units list", () => {
  it("prints an aligned table, one unit per line, and a count", async () => {
    await admin("units", "add", "Khu phố Nguyễn Trãi", "--households", "150", "--class", "priority");
    await admin("units", "add", "Thôn Chí Linh", "--households", "80", "--class", "has_cases");
    const result = await admin("units", "list");
    expect(result.code).toBe(0);
    expect(result.lines).toEqual([
      "id  name                 households  class",
      " 1  Khu phố Nguyễn Trãi         150  priority",
      " 2  Thôn Chí Linh                80  has_cases",
      "2 units",
    ]);
  });

  it("prints a JSON array of id, name, households and classification", async () => {
    await admin("units", "add", "Thôn Chí Linh", "--households", "80", "--class", "has_cases");
    const result = await admin("units", "list", "--json");
    expect(JSON.parse(result.stdout)).toEqual([{ id: 1, name: "Thôn Chí Linh", households: 80, classification: "has_cases" }]);
  });

  it("says how to add a unit when there is none, and prints [] as JSON", async () => {
    expect((await admin("units", "list")).stdout).toMatch(/^no units yet; add one with: units add <name>/);
    expect((await admin("units", "list", "--json")).stdout).toBe("[]\n");
  });

  it("refuses arguments it does not take", async () => {
    expectRefused(await admin("units", "list", "all"), /unexpected argument "all" for "units list"/);
    expectRefused(await admin("units", "list", "--json=yes"), /^error: --json takes no value$/m);
    expectRefused(await admin("units", "remove", "x"), /unknown command "units remove"/);
    expectRefused(await admin("units"), /"units" needs a command/);
  });
});

describe("the command line as a whole", () => {
  it("prints the usage on --help, wherever it is, and exits 0", async () => {
    for (const argv of [["--help"], ["help"], ["units", "add", "-h"], ["export", "--month", "nope", "--help"]]) {
      const result = await admin(...argv);
      expect(result).toMatchObject({ code: 0, stderr: "" });
      expect(result.lines[0]).toBe("Vùng Xanh administration: npm run admin -- <command>");
      expect(result.stdout).toContain("export --month YYYY-MM [--format csv|xlsx] [--out FILE]");
    }
  });

  it("refuses an unknown or a missing command", async () => {
    expectRefused(await admin("frobnicate"), /^error: unknown command "frobnicate"/);
    expectRefused(await admin(), /^error: no command given/);
  });
});
