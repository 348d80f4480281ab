import { afterEach, describe, expect, it } from "vitest";
import { recordInbound } from "../../src/store/inbox.ts";
import { freshDb } from "../support/db.ts";

/**
 * All queries share one SQLite connection: a write made while another chat's transaction is
 * open must not become part of it, or that transaction's rollback takes it away.
 */
describe("one connection, many chats", () => {
  let cleanup = async () => {};
  afterEach(() => cleanup());

  it("keeps an update recorded while another chat's step is rolling back", async () => {
    const fresh = await freshDb();
    cleanup = fresh.cleanup;
    const { db } = fresh;
    let release!: () => void;
    const hold = new Promise<void>((r) => (release = r));
    let begun!: () => void;
    const started = new Promise<void>((r) => (begun = r));
    const failing = db
      .$transaction(async (tx) => {
        await tx.setting.create({ data: { key: "inside", value: "x" } });
        begun();
        await hold;
        throw new Error("this step fails");
      })
      .catch(() => "rolled back");
    await started;
    const recording = recordInbound(db, { channel: "telegram", externalId: "42", chatKey: "telegram:other", payload: { a: 1 }, now: new Date() });
    // Let the recording run while the failing step is still open, then let it fail.
    await new Promise((r) => setTimeout(r, 50));
    release();
    expect(await failing).toBe("rolled back");
    expect(await recording).toMatchObject({ duplicate: false });
    expect(await db.setting.count({ where: { key: "inside" } })).toBe(0);
    expect(await db.inboundUpdate.count()).toBe(1);
  });
});
