import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { demoRefusal, prepareDemo } from "../../src/demo.ts";
import { addUnit } from "../../src/store/units.ts";
import { freshDb } from "../support/db.ts";

const root = path.resolve(import.meta.dirname, "..", "..");

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** The real entry point, as `npm start` runs it, on a database that does not exist yet. */
describe("npm start", () => {
  it("creates and migrates the database, starts in demo mode with invite codes, serves health, stops cleanly", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vungxanh-start-"));
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: `file:${dir}/sub/vungxanh.db`, PORT: String(port), LOG_LEVEL: "info" },
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    try {
      await expect.poll(() => out, { timeout: 45_000, interval: 200 }).toContain("Vùng Xanh is running");
      expect(out).toContain("DEMO MODE");
      expect(out).toMatch(/officer\s+[A-Z0-9]{8}/);
      expect(out).toMatch(/head\s+[A-Z0-9]{8}\s+\(Khu phố Nguyễn Trãi\)/);
      // The mentor's code is for the demo case, so it leads to a check-in.
      expect(out).toMatch(/mentor\s+[A-Z0-9]{8}\s+\(Khu phố Nguyễn Trãi, case NT-01\)/);
      expect(out).toContain(`http://localhost:${port}/simulator`);
      expect(fs.existsSync(path.join(dir, "sub", "vungxanh.db"))).toBe(true);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/simulator`)).status).toBe(200);
      const exit = new Promise<number | null>((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      expect(await exit).toBe(0);
    } finally {
      child.kill("SIGKILL");
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("refuses to start on a bad variable, naming it", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: root, env: { ...process.env, PORT: "not-a-port" } });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(2);
    expect(err).toContain("PORT");
  }, 30_000);

  it("refuses demo mode on a database with real data: exit 2, says why, changes nothing", async () => {
    const { db, url, cleanup } = await freshDb();
    try {
      // A deployment's database: a unit and an officer, started without its environment.
      const unit = await addUnit(db, { name: "Khu phố Lê Lai", households: 120, classification: "clean" });
      await db.person.create({ data: { role: "officer" } });
      const before = { invites: await db.invite.count(), settings: await db.setting.count(), units: await db.unit.count() };
      // The server migrates the file first: leave it to the server alone.
      await db.$disconnect();
      const port = await freePort();
      const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: url, PORT: String(port), LOG_LEVEL: "info" },
      });
      let out = "";
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (out += d));
      // A server that does start (the bug) is stopped after a while, so the test fails, not hangs.
      const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
      clearTimeout(timer);
      expect(out).toContain("Vùng Xanh cannot start");
      expect(code).toBe(2);
      expect(out).toContain("holds real data");
      expect(out).toContain("TELEGRAM_BOT_TOKEN");
      expect(out).not.toContain("DEMO MODE");
      expect(out).not.toMatch(/officer\s+[A-Z0-9]{8}/);
      expect({ invites: await db.invite.count(), settings: await db.setting.count(), units: await db.unit.count() }).toEqual(before);
      expect(unit.id).toBeGreaterThan(0);
    } finally {
      await cleanup();
    }
  }, 60_000);

  it("lets demo mode start again on a database it made, and on an empty one", async () => {
    const { db, cleanup } = await freshDb();
    try {
      expect(await demoRefusal(db)).toBeNull();
      await prepareDemo(db);
      await db.person.create({ data: { role: "officer" } });
      expect(await demoRefusal(db)).toBeNull();
      await db.setting.deleteMany();
      expect(await demoRefusal(db)).toMatch(/holds real data — 1 people, 5 units, 3 invites/);
      await expect(prepareDemo(db)).rejects.toThrow("real data");
    } finally {
      await cleanup();
    }
  });
});
