// A process that only sends the outbox to Telegram, so a test can kill it mid-fan-out (SIGKILL)
// and start another on the same database.
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
  senders: [throttled(createTelegramSender(api), { perSecond: 1000, perChatMs: 0 })],
  clock: () => new Date(),
  log: createLogger("silent"),
  pollMs: 50,
});
await dispatcher.start();
console.log("ready");
