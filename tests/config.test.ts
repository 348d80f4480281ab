import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.ts";

const KEY = Buffer.alloc(32, 3).toString("base64");
const SIM = "simulator-secret-0123456789";

describe("environment", () => {
  it("starts in demo mode with no credentials, simulator on, defaults of CONTRACT.md", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ demo: true, simulator: true, port: 3000, timeZone: "Asia/Ho_Chi_Minh", databaseUrl: "file:./data/vungxanh.db" });
    expect(c.telegram).toBeUndefined();
  });

  it("names the issuing body of exported documents: demo values in demo mode, unset (dotted blanks) outside it", () => {
    expect(loadConfig({}).org).toEqual({ name: "Công an thị trấn Lang Chánh", parent: "Công an huyện Lang Chánh", place: "Lang Chánh" });
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: "1:abc", DATA_KEY: KEY }).org).toEqual({ name: undefined, parent: undefined, place: undefined });
    expect(
      loadConfig({ TELEGRAM_BOT_TOKEN: "1:abc", DATA_KEY: KEY, ORG_NAME: " Công an xã Đồng Tâm ", ORG_PARENT: "Công an huyện Võ Nhai", ORG_PLACE: "Đồng Tâm" }).org,
    ).toEqual({ name: "Công an xã Đồng Tâm", parent: "Công an huyện Võ Nhai", place: "Đồng Tâm" });
  });

  it("configures Telegram polling or webhook", () => {
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: "1:abc", DATA_KEY: KEY })).toMatchObject({
      demo: false,
      simulator: false,
      telegram: { mode: "polling", apiRoot: "https://api.telegram.org" },
    });
    expect(
      loadConfig({ TELEGRAM_BOT_TOKEN: "1:abc", DATA_KEY: KEY, TELEGRAM_MODE: "webhook", TELEGRAM_WEBHOOK_SECRET: "s3cret", SIMULATOR: "on", SIMULATOR_SECRET: SIM }),
    ).toMatchObject({ simulator: true, simulatorSecret: SIM, telegram: { mode: "webhook", secret: "s3cret" } });
  });

  it("refuses the simulator next to real credentials unless SIMULATOR_SECRET is set", () => {
    for (const env of [
      { TELEGRAM_BOT_TOKEN: "1:abc", DATA_KEY: KEY, SIMULATOR: "on" },
      { ZALO_APP_ID: "a", ZALO_APP_SECRET: "b", ZALO_OA_SECRET_KEY: "c", DATA_KEY: KEY, SIMULATOR: "on" },
    ]) {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(/SIMULATOR_SECRET: required when SIMULATOR=on outside demo mode/);
    }
    // Demo mode needs no secret; a short one is refused anywhere.
    expect(loadConfig({ SIMULATOR: "on" })).toMatchObject({ demo: true, simulator: true, simulatorSecret: undefined });
    expect(() => loadConfig({ SIMULATOR_SECRET: "short" })).toThrow("SIMULATOR_SECRET");
  });

  it("points console links at PUBLIC_URL, by default http://localhost:PORT, without a trailing slash", () => {
    expect(loadConfig({}).publicUrl).toBe("http://localhost:3000");
    expect(loadConfig({ PORT: "8080" }).publicUrl).toBe("http://localhost:8080");
    expect(loadConfig({ PUBLIC_URL: "https://vungxanh.example.vn/" }).publicUrl).toBe("https://vungxanh.example.vn");
    for (const bad of ["vungxanh.example.vn", "ftp://x.vn"]) expect(() => loadConfig({ PUBLIC_URL: bad })).toThrow("PUBLIC_URL");
  });

  it("makes invite codes work 14 days unless INVITE_TTL_DAYS says otherwise", () => {
    expect(loadConfig({}).inviteTtlDays).toBe(14);
    expect(loadConfig({ INVITE_TTL_DAYS: "3" }).inviteTtlDays).toBe(3);
    for (const bad of ["0", "two", "1.5", "400"]) expect(() => loadConfig({ INVITE_TTL_DAYS: bad })).toThrow("INVITE_TTL_DAYS");
  });

  it.each([
    [{ PORT: "http" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ APP_TIMEZONE: "Mars/Base" }, "APP_TIMEZONE"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ TELEGRAM_BOT_TOKEN: "not a token" }, "TELEGRAM_BOT_TOKEN"],
    [{ TELEGRAM_BOT_TOKEN: "1:abc" }, "DATA_KEY"],
    [{ TELEGRAM_BOT_TOKEN: "1:abc", DATA_KEY: "short" }, "DATA_KEY"],
    [{ TELEGRAM_BOT_TOKEN: "1:abc", DATA_KEY: KEY, TELEGRAM_MODE: "webhook" }, "TELEGRAM_WEBHOOK_SECRET"],
    [{ TELEGRAM_MODE: "push" }, "TELEGRAM_MODE"],
    [{ TELEGRAM_WEBHOOK_URL: "http://insecure.example" }, "TELEGRAM_WEBHOOK_URL"],
    [{ SIMULATOR: "yes" }, "SIMULATOR"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
  ])("refuses %o naming %s", (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });

  it("treats blank variables as unset", () => {
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: "", PORT: " " })).toMatchObject({ demo: true, port: 3000 });
  });
});
