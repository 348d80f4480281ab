import { afterEach, describe, expect, it } from "vitest";
import { housekeeping } from "../../src/store/housekeeping.ts";
import { freshDb } from "../support/db.ts";

describe("housekeeping", () => {
  let cleanup = async () => {};
  afterEach(() => cleanup());

  it("removes old processed updates and old sent messages, never pending ones", async () => {
    const fresh = await freshDb();
    cleanup = fresh.cleanup;
    const { db } = fresh;
    const old = new Date("2026-01-01T00:00:00Z");
    const now = new Date("2026-11-23T00:00:00Z");
    const recent = new Date("2026-11-22T00:00:00Z");
    await db.inboundUpdate.createMany({
      data: [
        { channel: "telegram", externalId: "1", chatKey: "", payload: "{}", status: "done", receivedAt: old },
        { channel: "telegram", externalId: "2", chatKey: "t:1", payload: "{}", status: "pending", receivedAt: old },
        { channel: "telegram", externalId: "3", chatKey: "", payload: "{}", status: "done", receivedAt: recent },
      ],
    });
    await db.outboxMessage.createMany({
      data: [
        { channel: "telegram", chatId: "1", payload: "{}", status: "sent", createdAt: old },
        { channel: "telegram", chatId: "1", payload: "{}", status: "pending", createdAt: old },
        { channel: "telegram", chatId: "1", payload: "{}", status: "sent", createdAt: recent },
      ],
    });
    expect(await housekeeping(db, now)).toEqual({ inbound: 1, outbox: 1, simulator: 0, tipsForgotten: 0 });
    expect((await db.inboundUpdate.findMany()).map((r) => r.externalId).sort()).toEqual(["2", "3"]);
    expect((await db.outboxMessage.findMany()).map((r) => r.status).sort()).toEqual(["pending", "sent"]);
  });
});
