import { openOutboxPayload } from "../../src/store/outbox.ts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshDb } from "../support/db.ts";
import { lastInbound, sealedIdentity } from "../support/people.ts";
import { keyring, chatTag } from "../../src/store/keyring.ts";
import { adminOn, NOW } from "./harness.ts";

let env: Awaited<ReturnType<typeof freshDb>>;
let admin: ReturnType<typeof adminOn>;
let a: number;
let b: number;

/** A person in a role, reachable on the simulator unless `reachable` is false. */
async function person(name: string, data: { role: string; unitId?: number | null; subscribed?: boolean; lang?: string }, reachable = true) {
  return env.db.person.create({
    data: {
      ...data,
      ...(reachable ? { identities: { create: { ...sealedIdentity("simulator", name), ...lastInbound(NOW) } } } : {}),
    },
  });
}

const payloads = async () =>
  (await env.db.outboxMessage.findMany({ orderBy: { id: "asc" } })).map((m) => ({
    key: m.idempotencyKey,
    chatId: keyring().open(m.chatRef),
    text: (openOutboxPayload(m.payload) as { text: string }).text,
  }));

beforeEach(async () => {
  env = await freshDb();
  admin = adminOn(env.db);
  await admin("units", "add", "Khu phố Nguyễn Trãi", "--households", "150", "--class", "priority");
  await admin("units", "add", "Thôn Chí Linh");
  [a, b] = (await env.db.unit.findMany({ orderBy: { id: "asc" } })).map((u) => u.id) as [number, number];
});
afterEach(() => env.cleanup());

describe("broadcast", () => {
  it("queues one message per head through the outbox, in each head's language, and counts the unreachable", async () => {
    const headA = await person("head-a", { role: "head", unitId: a });
    const headB = await person("head-b", { role: "head", unitId: b, lang: "en" });
    await person("head-lost", { role: "head", unitId: b }, false);
    await person("mentor", { role: "mentor", unitId: a });
    await person("resident", { role: "resident", subscribed: true });

    const result = await admin("broadcast", "--to", "heads", "Giao", "ban", "sáng", "thứ", "Hai", "lúc", "8:00.");
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.lines).toEqual([
      "broadcast 1 to heads of all units: 2 queued, 1 with no reachable channel",
      "it goes through the outbox: the running server sends it within a second (or when it next starts)",
    ]);
    expect(await payloads()).toEqual([
      { key: `broadcast:1:p${headA.id}`, chatId: "head-a", text: "📢 Thông báo từ Công an:\nGiao ban sáng thứ Hai lúc 8:00." },
      { key: `broadcast:1:p${headB.id}`, chatId: "head-b", text: "📢 Announcement from the police:\nGiao ban sáng thứ Hai lúc 8:00." },
    ]);
    expect(await env.db.broadcast.findMany()).toEqual([
      expect.objectContaining({ id: 1, audience: "heads", unitId: null, text: "Giao ban sáng thứ Hai lúc 8:00.", createdBy: "admin", recipients: 2, createdAt: NOW }),
    ]);
  });

  it("sends to the residents subscribed to a unit or to every unit, and to the mentors of a unit", async () => {
    const resA = await person("res-a", { role: "resident", unitId: a, subscribed: true });
    const resAll = await person("res-all", { role: "resident", unitId: null, subscribed: true });
    await person("res-b", { role: "resident", unitId: b, subscribed: true });
    await person("res-off", { role: "resident", unitId: a, subscribed: false });
    await person("head-a", { role: "head", unitId: a, subscribed: true }); // subscribed before becoming head
    const mentorB = await person("mentor-b", { role: "mentor", unitId: b });
    await person("mentor-a", { role: "mentor", unitId: a });

    const residents = await admin("broadcast", "--to", "Residents", "--unit", "nguyen trai", "Tối nay họp khu phố");
    expect(residents.lines[0]).toBe("broadcast 1 to subscribed residents of Khu phố Nguyễn Trãi: 2 queued, 0 with no reachable channel");
    const mentors = await admin("broadcast", "--to", "mentors", "--unit", "CHÍ LINH", "--", "-- nhắc liên hệ tuần này");
    expect(mentors.lines[0]).toBe("broadcast 2 to mentors of Thôn Chí Linh: 1 queued, 0 with no reachable channel");
    expect((await payloads()).map((p) => p.key)).toEqual([`broadcast:1:p${resA.id}`, `broadcast:1:p${resAll.id}`, `broadcast:2:p${mentorB.id}`]);
    expect((await payloads()).at(-1)!.text).toBe("📢 Thông báo từ Công an:\n-- nhắc liên hệ tuần này");
  });

  it("records an announcement that reached nobody", async () => {
    const result = await admin("broadcast", "--to", "mentors", "Không ai nhận");
    expect(result.lines[0]).toBe("broadcast 1 to mentors of all units: 0 queued, 0 with no reachable channel");
    expect(await env.db.outboxMessage.count()).toBe(0);
  });

  it.each([
    [["--to", "chiefs", "Họp"], 'error: --to: expected one of heads, mentors, residents (got "chiefs")'],
    [["Họp"], 'error: "broadcast" needs --to heads|mentors|residents'],
    [["--to", "heads"], 'error: "broadcast" needs the text, e.g. broadcast --to heads "Họp giao ban 8:00 thứ Hai tại Công an thị trấn"'],
    [["--to", "heads", "   "], 'error: "broadcast" needs the text, e.g. broadcast --to heads "Họp giao ban 8:00 thứ Hai tại Công an thị trấn"'],
    [["--to", "heads", "--unit", "Khu phố Hoàng Hoa Thám", "Họp"], 'error: no unit named "Khu phố Hoàng Hoa Thám"; units: Khu phố Nguyễn Trãi, Thôn Chí Linh'],
    [["--to", "heads", "--unit", "", "Họp"], "error: --unit: the unit name is empty"],
    [["--to", "heads", "x".repeat(2001)], "error: the text is 2001 characters long; at most 2000"],
    [["--to", "heads", "--at", "now", "Họp"], 'error: unknown flag --at for "broadcast" (see --help)'],
  ])("refuses %j with one line, exit 2, and writes nothing", async (args, reason) => {
    await person("head-a", { role: "head", unitId: a });
    const result = await admin("broadcast", ...args);
    expect(result).toEqual({ code: 2, stdout: "", stderr: `${reason}\n`, lines: [] });
    expect(await env.db.broadcast.count()).toBe(0);
    expect(await env.db.outboxMessage.count()).toBe(0);
  });

  it("is in --help", async () => {
    const help = await admin("--help");
    expect(help.stdout).toContain("broadcast --to heads|mentors|residents [--unit <name>] <text>");
    expect(help.stdout).toContain("jobs list");
    expect(help.stdout).toContain("jobs run <job> [--at ISO-TIME]");
  });
});
