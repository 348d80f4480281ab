import { z } from "zod";
import { broadcastMessage } from "../domain/broadcast.ts";
import { queueBulkForPerson } from "../outbox/address.ts";
import { Audience, MAX_BROADCAST_LENGTH, sendBroadcast } from "../store/broadcasts.ts";
import { inTransaction } from "../store/client.ts";
import { fail, parseFlags, validate } from "./args.ts";
import { ADMIN_CREATOR } from "./invite.ts";
import type { AdminIo } from "./io.ts";
import { unitNamedOrFail } from "./units.ts";

/** `broadcast --to heads|mentors|residents [--unit <name>] <text>`, parsed and checked. */
export interface BroadcastCommand {
  kind: "broadcast";
  audience: Audience;
  /** the unit as typed; looked up when the command runs. null: every unit */
  unit: string | null;
  text: string;
}

const BroadcastArgs = z.object({
  to: z.string().trim().toLowerCase().pipe(Audience),
  unit: z.string().trim().min(1, "the unit name is empty").optional(),
});

/** How the output names an audience. */
const AUDIENCE_TEXT: Record<Audience, string> = { heads: "heads", mentors: "mentors", residents: "subscribed residents" };

/** Reads the words after `broadcast`; throws a UsageError for anything it cannot run. */
export function parseBroadcastCommand(args: string[]): BroadcastCommand {
  const { values, positionals } = parseFlags("broadcast", args, { to: { type: "string" }, unit: { type: "string" } });
  if (values.to === undefined) fail(`"broadcast" needs --to heads|mentors|residents`);
  // An unquoted text arrives as several words; terminals may send decomposed diacritics.
  const text = positionals.join(" ").normalize("NFC").trim();
  if (!text) fail(`"broadcast" needs the text, e.g. broadcast --to heads "Họp giao ban 8:00 thứ Hai tại Công an thị trấn"`);
  const parsed = validate(BroadcastArgs, { to: values.to, unit: values.unit }, { to: "--to", unit: "--unit" });
  // Not echoed: the line would be as long as the text.
  if (text.length > MAX_BROADCAST_LENGTH) fail(`the text is ${text.length} characters long; at most ${MAX_BROADCAST_LENGTH}`);
  return { kind: "broadcast", audience: parsed.to, unit: parsed.unit ?? null, text };
}

/**
 * Sends an announcement as an officer's /broadcast does (same recipients, same store function),
 * recorded as created by "admin". It only queues: the server's outbox dispatcher sends.
 */
export async function runBroadcastCommand(command: BroadcastCommand, io: AdminIo): Promise<void> {
  // Looked up before anything is written: an unknown unit is refused with nothing stored.
  const unit = command.unit === null ? null : await unitNamedOrFail(io.db, command.unit);
  const sent = await inTransaction(
    io.db,
    (tx) => sendBroadcast(tx, { audience: command.audience, unitId: unit?.id ?? null, text: command.text, createdBy: ADMIN_CREATOR }, io.now, queueBulkForPerson, { say: [broadcastMessage(command.text)] }),
    { maxWait: 30_000, timeout: 120_000 },
  );
  const whom = `${AUDIENCE_TEXT[command.audience]} of ${unit ? unit.name : "all units"}`;
  io.out(`broadcast ${sent.broadcastId} to ${whom}: ${sent.queued} queued, ${sent.unreachable} with no reachable channel`);
  io.out(`it goes through the outbox: the running server sends it within a second (or when it next starts)`);
}
