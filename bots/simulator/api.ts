import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import { Router, json } from "express";
import { z } from "zod";
import type { Inbox } from "../../src/engine/inbox.ts";
import type { Outbound } from "../../src/engine/types.ts";
import type { Db } from "../../src/store/client.ts";
import { recordSimulatorMessage, simulatorMessages } from "../../src/store/simulator.ts";
import type { ChannelSender } from "../../src/outbox/sender.ts";

/** The longest display name the simulator takes ("Bạn là"). */
export const MAX_NAME = 64;

/**
 * The person a display name stands for: any name a person types ("Bác Tâm", "Chị Hoa tổ 3"),
 * with spaces and diacritics, is one person whatever its case, spacing or Unicode form, so
 * "bác  tâm" is "Bác Tâm". It is the simulator's user and chat id; like every channel id it is
 * only stored sealed or tagged.
 */
export function simulatorUserId(name: string): string {
  return name.normalize("NFC").trim().replace(/\s+/gu, " ").toLocaleLowerCase("vi");
}

const User = z
  .string({ error: "Vui lòng nhập tên vào ô “Bạn là”." })
  .transform(simulatorUserId)
  .pipe(
    z
      .string()
      .min(1, "Vui lòng nhập tên vào ô “Bạn là”.")
      .max(MAX_NAME, `Tên trong ô “Bạn là” dài tối đa ${MAX_NAME} ký tự.`)
      // Control characters (a pasted tab or line feed is already a space) have no place in a name.
      .refine((name) => !/\p{Cc}/u.test(name), "Tên trong ô “Bạn là” có ký tự không hợp lệ."),
  );
const SendBody = z.object({
  user: User,
  /** the page's own id for this message, so a resend after a network error is acted on once */
  id: z.string().max(100).optional(),
  text: z.string().max(10_000, "Tin nhắn dài quá 10.000 ký tự.").optional(),
  choice: z.string().max(64).optional(),
  sticker: z.boolean().optional(),
});

/** The page has no command key either: a command may be typed without "/", as on Zalo. */
export const BARE_COMMANDS = true;

/** The header the page sends the operator's SIMULATOR_SECRET in. */
export const SIMULATOR_SECRET_HEADER = "x-simulator-secret";

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  // Hashing first makes the comparison constant-time whatever the lengths.
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * The web simulator as a channel: the page posts what a person types and reads back what the
 * outbox sent to that person's chat. Nothing else differs from Telegram or Zalo. With `secret`,
 * every API call must present it ({@link SIMULATOR_SECRET_HEADER}), since whoever reaches the
 * API can read any simulator chat and write as anyone in it.
 */
export function simulatorRouter(deps: { db: Db; inbox: Inbox; demo: boolean; secret?: string }): Router {
  const router = Router();
  const { secret } = deps;
  if (secret) {
    router.use("/api", (req, res, next) => {
      if (!sameSecret(req.get(SIMULATOR_SECRET_HEADER), secret)) {
        res.status(401).json({ error: "simulator secret required (SIMULATOR_SECRET)", secretRequired: true });
        return;
      }
      next();
    });
  }
  router.post("/api/send", json({ limit: "64kb" }), async (req, res) => {
    const body = SendBody.safeParse(req.body);
    if (!body.success || (body.data.text === undefined && body.data.choice === undefined && !body.data.sticker)) {
      res.status(400).json({ error: body.success ? "Vui lòng nhập tin nhắn trước khi gửi." : body.error.issues[0]?.message });
      return;
    }
    const { user, id, text, choice } = body.data;
    const content =
      choice !== undefined ? { kind: "choice" as const, value: choice } : text !== undefined ? { kind: "text" as const, text } : { kind: "sticker" as const };
    const outcome = await deps.inbox.receive({
      channel: "simulator",
      externalUserId: user,
      chatId: user,
      messageId: id ?? randomUUID(),
      bareCommands: BARE_COMMANDS,
      content,
    });
    res.json({ ok: true, outcome });
  });
  router.get("/api/messages", async (req, res) => {
    const user = User.safeParse(req.query.user);
    const after = z.coerce.number().int().min(0).default(0).safeParse(req.query.after);
    if (!user.success || !after.success) {
      res.status(400).json({ error: user.success ? "Tham số after phải là một số." : user.error.issues[0]?.message });
      return;
    }
    const rows = await simulatorMessages(deps.db, user.data, after.data);
    res.json({ demo: deps.demo, messages: rows.map((r) => ({ id: r.id, ...(r.payload as Outbound) })) });
  });
  return router;
}

/**
 * The simulator's "delivery" is a row the page reads back (the outbox forgets a message once it
 * is sent, for the sake of anonymous tipsters; the simulator is a trial channel).
 */
export function createSimulatorSender(db: Db, clock: () => Date): ChannelSender {
  return {
    channel: "simulator",
    async send(chatId, payload) {
      await recordSimulatorMessage(db, chatId, payload, clock());
      return { kind: "sent" };
    },
  };
}
