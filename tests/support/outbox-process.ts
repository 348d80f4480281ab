// A process that only sends the outbox to Telegram, so a test can kill it mid-fan-out (SIGKILL)
// and start another on the same database. OUTBOX_PER_SECOND and OUTBOX_CONCURRENCY set the
// channel's rate and the dispatcher's messages in hand (default: unthrottled, 16).
import { Api } from "grammy";
import { createTelegramSender } from "../../bots/telegram/sender.ts";
import { createLogger } from "../../src/logger.ts";
import { createDispatcher } from "../../src/outbox/dispatcher.ts";
import { throttled } from "../../src/outbox/throttle.ts";
import { openDb } from "../../src/store/client.ts";
import { useDataKey } from "../../src/store/keyring.ts";

useDataKey(process.env.DATA_KEY!);
const db = await openDb(process.env.DATABASE_URL!);
const api = new Api(process.env.TELEGRAM_BOT_TOKEN!, { apiRoot: process.env.TELEGRAM_API_ROOT! });
const dispatcher = createDispatcher({
  db,
  senders: [throttled(createTelegramSender(api), { perSecond: Number(process.env.OUTBOX_PER_SECOND ?? 1000), perChatMs: 0 })],
  concurrency: Number(process.env.OUTBOX_CONCURRENCY ?? 16),
  clock: () => new Date(),
  log: createLogger("silent"),
  pollMs: 50,
});
await dispatcher.start();
console.log("ready");
