import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openChat, type ChatDriver } from "../support/chat.ts";

const SECRET = "test-secret_123";

/**
 * A real full disk: the database lives on a small tmpfs mounted for this test (the tests run as
 * root; where mounting is not allowed the test is skipped and says so). No fault is injected: the
 * disk is filled with a file, then the file is removed, and the same server must recover alone.
 */
const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), "vungxanh-tmpfs-"));
let mounted = false;
try {
  execFileSync("mount", ["-t", "tmpfs", "-o", "size=8m", "tmpfs", mountPoint], { stdio: "ignore" });
  mounted = true;
} catch {
  console.warn("disk-full test skipped: cannot mount a tmpfs here (needs root)");
}

describe.skipIf(!mounted)("a full disk", () => {
  let chat: ChatDriver;
  const filler = path.join(mountPoint, "filler");

  beforeAll(async () => {
    const tmp = process.env.TMPDIR;
    // freshDb() makes its directory under os.tmpdir(): put it on the small file system.
    process.env.TMPDIR = mountPoint;
    try {
      chat = await openChat("telegram");
    } finally {
      if (tmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmp;
    }
  });
  afterAll(async () => {
    fs.rmSync(filler, { force: true });
    await chat?.close();
    execFileSync("umount", ["-l", mountPoint]);
    fs.rmSync(mountPoint, { recursive: true, force: true });
  });

  function fillDisk() {
    // An empty write-ahead log, so the next commit needs new space, as on a busy server.
    const other = new Database(chat.dbFile);
    other.pragma("wal_checkpoint(TRUNCATE)");
    other.close();
    const fd = fs.openSync(filler, "w");
    const chunk = Buffer.alloc(64 * 1024, 1);
    try {
      for (;;) fs.writeSync(fd, chunk);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
    } finally {
      fs.closeSync(fd);
    }
  }

  const update = (id: number, text: string) => ({
    update_id: id,
    message: { message_id: id, date: 1, from: { id: 5000, is_bot: false, first_name: "T" }, chat: { id: 5000, type: "private" }, text },
  });
  // A bound, not a measurement: Telegram must get an answer, never a hang.
  const post = (body: unknown) =>
    fetch(`${chat.base}/telegram/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(2000),
    });

  it("says degraded and refuses webhooks while full, and recovers by itself once space is back", async () => {
    expect((await chat.send("user", "/start")).length).toBeGreaterThan(0);
    const before = chat.fake!.sentTo(5000).length;

    fillDisk();
    const health = await fetch(`${chat.base}/healthz`, { signal: AbortSignal.timeout(1000) });
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ ok: false, status: "degraded", reason: "disk-full" });
    const refused = await post(update(900, "/help"));
    expect(refused.status).toBe(503);
    // Once more: a failed commit must not leave the next write waiting on a lock nobody holds.
    expect((await post(update(900, "/help"))).status).toBe(503);

    fs.rmSync(filler);
    expect((await fetch(`${chat.base}/healthz`, { signal: AbortSignal.timeout(1000) })).status).toBe(200);
    // Telegram delivers the refused update again: the same server, not restarted, acts on it once.
    expect((await post(update(900, "/help"))).status).toBe(200);
    await chat.server.inbox.idle();
    await chat.server.dispatcher.flush();
    expect(chat.fake!.sentTo(5000).length).toBe(before + 1);
    expect(await chat.db.inboundUpdate.count({ where: { status: "done" } })).toBe(2);
  }, 30_000);
});
