import { randomBytes } from "node:crypto";
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ZaloCsMessage } from "../../bots/zalo/api.ts";
import { buttonTitle, createZaloSender, splitText } from "../../bots/zalo/sender.ts";
import { createZaloTokens } from "../../bots/zalo/tokens.ts";
import type { Outbound } from "../../src/engine/types.ts";
import type { SendResult } from "../../src/outbox/sender.ts";
import { decryptField } from "../../src/store/crypto.ts";
import { saveZaloTokens } from "../../src/store/zalo-tokens.ts";
import { freshDb } from "../support/db.ts";
import { captureLogger } from "../support/logger.ts";

const API = "https://openapi.zalo.test";
const OAUTH = "https://oauth.zalo.test";
const KEY = randomBytes(32).toString("base64");
const APP_SECRET = "APP-SECRET-0123456789";
const NOW = new Date("2026-11-23T08:00:00.000Z");
const USER = "2468458835291979220"; // longer than 2^53: a string throughout

const OLD_A = "OLD-ACCESS-aaaaaaaaaaaaaaaa";
const OLD_R = "OLD-REFRESH-rrrrrrrrrrrrrrrr";
const NEW_A = "NEW-ACCESS-ccccccccccccccccc";
const NEW_R = "NEW-REFRESH-ttttttttttttttttt";
const ALL_SECRETS = [OLD_A, OLD_R, NEW_A, NEW_R, APP_SECRET];

let env: Awaited<ReturnType<typeof freshDb>>;
let logs: ReturnType<typeof captureLogger>;
let unmatched: string[];
const onNoMatch = (req: { path?: string }) => unmatched.push(String(req.path));

beforeEach(async () => {
  env = await freshDb();
  logs = captureLogger();
  unmatched = [];
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1|localhost/);
  nock.emitter.on("no match", onNoMatch);
  await saveZaloTokens(env.db, KEY, { accessToken: OLD_A, refreshToken: OLD_R, expiresAt: new Date(NOW.getTime() + 20 * 3_600_000) });
});

afterEach(async () => {
  const logged = logs.lines.join("\n");
  for (const secret of ALL_SECRETS) expect(logged).not.toContain(secret);
  nock.emitter.removeListener("no match", onNoMatch);
  nock.cleanAll();
  nock.enableNetConnect();
  await env.cleanup();
});

function sender(timeoutMs?: number) {
  const tokens = createZaloTokens({ db: env.db, dataKey: KEY, appId: "app-1", appSecret: APP_SECRET, oauthBase: OAUTH, clock: () => NOW, log: logs.log });
  return createZaloSender({ apiBase: API, tokens, log: logs.log, timeoutMs });
}

/** The send endpoint: records each body, answers the given replies in turn (with `token` expected). */
function zalo(replies: (object | [number, unknown])[], token = OLD_A) {
  const bodies: ZaloCsMessage[] = [];
  for (const reply of replies) {
    const [status, body] = Array.isArray(reply) ? reply : [200, reply];
    nock(API)
      .matchHeader("access_token", token)
      .matchHeader("content-type", /application\/json/)
      .post("/v3.0/oa/message/cs", (b: ZaloCsMessage) => {
        bodies.push(b);
        return true;
      })
      .reply(status, body as nock.Body);
  }
  return bodies;
}

const ok = { error: 0, message: "Success", data: { message_id: "m1", user_id: USER } };
const levels = () => logs.lines.map((l) => JSON.parse(l) as { level: number; msg: string });

describe("Zalo sender: rendering", () => {
  it("sends a text as a consultation message with the bare access_token header", async () => {
    const bodies = zalo([ok]);
    expect(await sender().send(USER, { text: "Xin chào" })).toEqual({ kind: "sent" });
    expect(bodies).toEqual([{ recipient: { user_id: USER }, message: { text: "Xin chào" } }]);
    expect(unmatched).toEqual([]);
  });

  it("renders up to five choices as hidden-query buttons with #c: payloads", async () => {
    const bodies = zalo([ok]);
    const message: Outbound = {
      text: "Chọn loại tin báo",
      choices: [
        { label: "Mua bán", value: "dealing" },
        { label: "Một nhãn rất dài hơn hai mươi ký tự", value: "long" },
      ],
    };
    expect(await sender().send(USER, message)).toEqual({ kind: "sent" });
    expect(bodies[0]).toEqual({
      recipient: { user_id: USER },
      message: {
        text: "Chọn loại tin báo",
        attachment: {
          type: "template",
          payload: {
            buttons: [
              { title: "Mua bán", type: "oa.query.hide", payload: "#c:dealing" },
              { title: "Một nhãn rất dài hơ…", type: "oa.query.hide", payload: "#c:long" },
            ],
          },
        },
      },
    });
  });

  it("offers choices past the fifth as words to type", async () => {
    const bodies = zalo([ok]);
    const choices = ["A", "B", "C", "D", "E", "F", "G"].map((l) => ({ label: l, value: l.toLowerCase() }));
    expect(await sender().send(USER, { text: "Chọn", choices })).toEqual({ kind: "sent" });
    const msg = bodies[0]!.message;
    expect((msg.attachment!.payload as { buttons: { payload: string }[] }).buttons.map((b) => b.payload)).toEqual(["#c:a", "#c:b", "#c:c", "#c:d", "#c:e"]);
    expect(msg.text).toBe("Chọn\n(Hoặc gõ: F / G)");
  });

  it("offers them in the person's language, from the locale files", async () => {
    const bodies = zalo([ok]);
    const choices = ["A", "B", "C", "D", "E", "F", "G", "H"].map((l) => ({ label: l, value: l.toLowerCase() }));
    expect(await sender().send(USER, { text: "Choose", choices, lang: "en" })).toEqual({ kind: "sent" });
    expect(bodies[0]!.message.text).toBe("Choose\n(Or type: F / G / H)");
  });

  it("cuts button titles to 20 characters", () => {
    expect(buttonTitle("Ngắn")).toBe("Ngắn");
    expect(buttonTitle("x".repeat(20))).toBe("x".repeat(20));
    expect(buttonTitle("Tổ dân phố số 12 phường 3")).toBe("Tổ dân phố số 12 ph…");
    // No space left before the ellipsis.
    expect(buttonTitle("Báo cáo hằng tháng của tổ dân phố")).toBe("Báo cáo hằng tháng…");
    // Characters, not UTF-16 units: an emoji is not cut in half.
    expect(buttonTitle("😀".repeat(25))).toBe("😀".repeat(19) + "…");
  });

  it("splits a long text into parts of at most 2,000 characters, buttons on the last", async () => {
    const lines = Array.from({ length: 90 }, (_, i) => `Dòng ${i}: ${"nội dung ".repeat(5)}`);
    const text = lines.join("\n");
    expect(text.length).toBeGreaterThan(4000);
    const bodies = zalo([ok, ok, ok]);
    expect(await sender().send(USER, { text, choices: [{ label: "OK", value: "ok" }] })).toEqual({ kind: "sent" });
    expect(bodies).toHaveLength(3);
    for (const b of bodies) expect(b.message.text!.length).toBeLessThanOrEqual(2000);
    expect(bodies.slice(0, -1).every((b) => b.message.attachment === undefined)).toBe(true);
    expect((bodies.at(-1)!.message.attachment!.payload as { buttons: unknown[] }).buttons).toHaveLength(1);
    // Cut at line breaks: nothing lost, no line broken.
    expect(bodies.map((b) => b.message.text).join("\n")).toBe(text);
  });

  it("splits text without line breaks at spaces, or anywhere, within the limit", () => {
    const words = "chữ ".repeat(1200);
    for (const part of splitText(words)) expect(part.length).toBeLessThanOrEqual(2000);
    const solid = "x".repeat(4500);
    expect(splitText(solid).map((p) => p.length)).toEqual([2000, 2000, 500]);
  });

  it("stops at the first part that fails", async () => {
    const bodies = zalo([ok, { error: -230, message: "User has not interacted" }]);
    const result = await sender().send(USER, { text: "y".repeat(5000) });
    expect(result.kind).toBe("outside-window");
    expect(bodies).toHaveLength(2);
  });
});

describe("Zalo sender: what Zalo's answers mean", () => {
  const cases: [number, SendResult["kind"]][] = [
    [-32, "retry-after"],
    [-200, "transient"],
    [-230, "outside-window"],
    [-232, "outside-window"],
    [-320, "outside-window"],
    [-321, "outside-window"],
    [-213, "unreachable"],
    [-217, "unreachable"],
    [-227, "unreachable"],
    [-244, "unreachable"],
    [-211, "rejected"],
    [-218, "rejected"],
    [-201, "rejected"],
    [-210, "rejected"],
    [-233, "rejected"],
    [-209, "rejected"],
    [-212, "rejected"],
    [-219, "rejected"],
    [-221, "rejected"],
    [-223, "rejected"],
    [-224, "rejected"],
    [-235, "rejected"],
    [-242, "rejected"],
    [-999, "transient"],
  ];

  it.each(cases)("error %i (HTTP 200) → %s", async (code, kind) => {
    zalo([{ error: code, message: `message for ${code}` }]);
    const result = await sender().send(USER, { text: "Xin chào" });
    expect(result.kind).toBe(kind);
    if (result.kind !== "sent") expect(result.error).toContain(String(code));
    expect(unmatched).toEqual([]);
  });

  it("-32 waits a minute", async () => {
    zalo([{ error: -32, message: "limit" }]);
    expect(await sender().send(USER, { text: "x" })).toMatchObject({ kind: "retry-after", seconds: 60 });
  });

  it("quota says so; a malformed message and a configuration problem are logged at error level", async () => {
    zalo([{ error: -211, message: "Out of quota" }]);
    expect(await sender().send(USER, { text: "x" })).toMatchObject({ kind: "rejected", error: expect.stringMatching(/quota/) });

    zalo([{ error: -201, message: "Parameters are invalid" }]);
    expect(await sender().send(USER, { text: "x" })).toMatchObject({ kind: "rejected", error: expect.stringMatching(/bug/) });
    expect(levels().some((l) => l.level === 50 && /a bug/.test(l.msg))).toBe(true);

    zalo([{ error: -224, message: "OA has not been verified" }]);
    expect(await sender().send(USER, { text: "x" })).toMatchObject({ kind: "rejected", error: expect.stringMatching(/configuration/) });
    expect(levels().some((l) => l.level === 50 && /operator must fix the OA\/app configuration/.test(l.msg))).toBe(true);
  });

  it("HTTP 5xx, a timeout and a reset are transient", async () => {
    zalo([[502, "<html>Bad gateway</html>"]]);
    expect((await sender().send(USER, { text: "x" })).kind).toBe("transient");

    nock(API).post("/v3.0/oa/message/cs").delay(500).reply(200, ok);
    const timedOut = await sender(100).send(USER, { text: "x" });
    expect(timedOut).toMatchObject({ kind: "transient", error: expect.stringMatching(/timeout|ECONNABORTED|ETIMEDOUT/i) });

    nock(API).post("/v3.0/oa/message/cs").replyWithError({ code: "ECONNRESET", message: "socket hang up" });
    expect(await sender().send(USER, { text: "x" })).toMatchObject({ kind: "transient", error: expect.stringMatching(/ECONNRESET/) });

    zalo([[500, { error: -200, message: "Internal" }]]);
    expect((await sender().send(USER, { text: "x" })).kind).toBe("transient");
  });

  it("never puts a token in an error text, even when Zalo's message quotes it", async () => {
    zalo([{ error: -201, message: `bad access_token ${OLD_A}` }]);
    const result = await sender().send(USER, { text: "x" });
    expect(JSON.stringify(result)).not.toContain(OLD_A);
  });
});

describe("Zalo sender: token expiry", () => {
  function oauthRotates() {
    return nock(OAUTH)
      .matchHeader("secret_key", APP_SECRET)
      .post("/v4/oa/access_token", { refresh_token: OLD_R, app_id: "app-1", grant_type: "refresh_token" })
      .reply(200, { access_token: NEW_A, refresh_token: NEW_R, expires_in: "90000" });
  }

  it("-216 mid-send: refreshes, stores the new pair encrypted, and tries once more", async () => {
    const first = zalo([{ error: -216, message: "Access token is invalid" }], OLD_A);
    const scope = oauthRotates();
    const second = zalo([ok], NEW_A);
    expect(await sender().send(USER, { text: "Xin chào" })).toEqual({ kind: "sent" });
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    expect(scope.isDone()).toBe(true);
    expect(unmatched).toEqual([]);

    const raw = await env.db.zaloToken.findUniqueOrThrow({ where: { id: 1 } });
    const stored = JSON.stringify(raw);
    for (const secret of ALL_SECRETS) expect(stored).not.toContain(secret);
    expect(decryptField(raw.accessToken, KEY)).toBe(NEW_A);
    expect(decryptField(raw.refreshToken, KEY)).toBe(NEW_R);
  });

  it("-220 after the refresh too: transient, with one refresh only", async () => {
    zalo([{ error: -220, message: "Access token has expired" }], OLD_A);
    const scope = oauthRotates();
    zalo([{ error: -220, message: "Access token has expired" }], NEW_A);
    const result = await sender().send(USER, { text: "x" });
    expect(result).toMatchObject({ kind: "transient", error: expect.stringMatching(/-220/) });
    expect(scope.isDone()).toBe(true);
    expect(unmatched).toEqual([]);
  });

  it("a refused refresh keeps the message for later (retry-after), loudly", async () => {
    zalo([{ error: -216, message: "Access token is invalid" }], OLD_A);
    nock(OAUTH).post("/v4/oa/access_token").reply(200, { error: -14014, error_name: "Invalid refresh token", error_description: "invalid" });
    const result = await sender().send(USER, { text: "x" });
    expect(result).toMatchObject({ kind: "retry-after", seconds: 600 });
    expect(levels().some((l) => l.level === 50 && /an OA admin must authorise the app again/.test(l.msg))).toBe(true);
    expect(unmatched).toEqual([]);
  });

  it("a refresh that cannot reach Zalo is transient", async () => {
    zalo([{ error: -216, message: "Access token is invalid" }], OLD_A);
    nock(OAUTH).post("/v4/oa/access_token").replyWithError({ code: "ECONNRESET", message: "socket hang up" });
    expect((await sender().send(USER, { text: "x" })).kind).toBe("transient");
  });
});
