import { TAG_INPUTS } from "./keyring.ts";
import { sealedKeyId } from "./crypto.ts";

/**
 * Every column that holds something only `DATA_KEY` can read, in one place.
 *
 * Two kinds: a **sealed** column holds values made by `keyring().seal` / `encryptField` (they
 * carry the id of the key that sealed them); a **tagged** column holds keyed one-way tags
 * (`keyring().tag`, HMAC under a key derived from DATA_KEY) that the server looks rows up by.
 * `npm run admin -- rotate-key` walks these lists: it re-seals every sealed value under the new
 * key and recomputes every tag from its plain value; the start-up key check
 * (src/store/key-check.ts) samples them on a database that has no check value yet.
 *
 * A new sealed column is one line in {@link SEALED_COLUMNS}. A new tagged column is one entry in
 * {@link TAGGED_COLUMNS} that says how to get its plain value back from the same row — a tag is
 * one-way, so a tag whose plain value is stored nowhere (not even sealed) cannot be rotated: store
 * a sealed copy of what it is computed from, or prove it as `externalId` is proven below.
 */

/** A column of sealed values (SQLite table and column names, as Prisma names them). */
export interface SealedColumn {
  table: string;
  column: string;
}

/** Every sealed column. Values that are not sealed (null, "", a cleared "{}") are left alone. */
export const SEALED_COLUMNS: readonly SealedColumn[] = [
  { table: "ChannelIdentity", column: "chatId" },
  { table: "ChannelIdentity", column: "lastInboundEnc" },
  { table: "Conversation", column: "data" },
  { table: "InboundUpdate", column: "payload" },
  { table: "OutboxMessage", column: "chatRef" },
  { table: "OutboxMessage", column: "payload" },
  { table: "Tip", column: "photoRef" },
  { table: "Tip", column: "contactEnc" },
  { table: "Tip", column: "tipsterRef" },
  { table: "Tip", column: "createdEnc" },
  { table: "TipMessage", column: "createdEnc" },
  { table: "SimulatorMessage", column: "payload" },
  { table: "RehabCase", column: "nameEnc" },
  { table: "Checkin", column: "noteEnc" },
  { table: "ZaloToken", column: "accessToken" },
  { table: "ZaloToken", column: "refreshToken" },
];

/** What recomputing a tag may use; given by the rotation, which holds both keys. */
export interface RetagContext {
  /** opens a sealed value under whichever of the two keys sealed it */
  open(sealed: string): string;
  /** the tag of `[kind, value]` under the new key */
  tag(input: readonly [string, string]): string;
  /** whether `stored` is the tag of `[kind, value]` under the old or the new key */
  isTagOf(stored: string, input: readonly [string, string]): boolean;
  /** the person id whose tipster tag (under either key) is `stored`, found by tagging every person id */
  tipsterOf(stored: string): number | undefined;
}

/** A tag that cannot be proven to be the tag of anything: rotating it would lose a lookup. */
export class UnprovableTagError extends Error {
  override name = "UnprovableTagError";
}

/** A column of keyed tags, and how to recompute one under the new key. */
export interface TaggedColumn {
  table: string;
  column: string;
  /** the other columns of the row the plain value comes from */
  from: readonly string[];
  /**
   * The column's value under the new key; undefined to leave it as it is (the row no longer keeps
   * what the tag was made from, e.g. a processed update). Throws {@link UnprovableTagError} when
   * the row should have a plain value but it does not match the stored tag.
   */
  retag(row: Record<string, unknown>, ctx: RetagContext): string | undefined;
}

/** The row's value in `column` when it is a sealed value, opened; undefined otherwise. */
function opened(row: Record<string, unknown>, column: string, ctx: RetagContext): string | undefined {
  const value = row[column];
  return typeof value === "string" && sealedKeyId(value) ? ctx.open(value) : undefined;
}

/**
 * The new tag of `input` once the stored one is proven to be its tag (under either key; an empty
 * one, never set, is simply filled): a row tagged some other way (another kind of tag in the same
 * column) stops the rotation instead of being silently re-tagged as something it is not.
 */
function proven(row: Record<string, unknown>, column: string, input: readonly [string, string], ctx: RetagContext, table: string): string {
  const stored = String(row[column] ?? "");
  if (stored !== "" && !ctx.isTagOf(stored, input)) {
    throw new UnprovableTagError(`${table} ${String(row.id)}: its ${column} is not the "${input[0]}" tag of its sealed chat id; add how to recompute it to src/store/sealed-columns.ts`);
  }
  return ctx.tag(input);
}

/** The channel, chat id and update id of a pending update's sealed payload (an Inbound). */
function inboundOf(row: Record<string, unknown>, ctx: RetagContext): { chatId: string; messageId: string } | undefined {
  const payload = opened(row, "payload", ctx);
  if (payload === undefined) return undefined;
  const inbound = JSON.parse(payload) as { chatId?: unknown; messageId?: unknown };
  return typeof inbound.chatId === "string" && typeof inbound.messageId === "string"
    ? { chatId: inbound.chatId, messageId: inbound.messageId }
    : undefined;
}

/** Every tagged column. */
export const TAGGED_COLUMNS: readonly TaggedColumn[] = [
  {
    table: "ChannelIdentity",
    column: "chatTag",
    from: ["id", "channel", "chatId"],
    retag: (row, ctx) => {
      const chatId = opened(row, "chatId", ctx);
      return chatId === undefined ? undefined : proven(row, "chatTag", TAG_INPUTS.chat(String(row.channel), chatId), ctx, "ChannelIdentity");
    },
  },
  {
    // The tag of the channel's user id, whose plain value is stored nowhere. Every channel talks
    // to people in private chats only (Telegram drops groups, Zalo and the simulator are one to
    // one), where the user id is the chat id, which is stored sealed. Rotation proves that for
    // each row (the stored tag must be the old key's tag of the chat id) and refuses before
    // writing anything if a row does not match.
    table: "ChannelIdentity",
    column: "externalId",
    from: ["id", "channel", "chatId"],
    retag: (row, ctx) => {
      const chatId = opened(row, "chatId", ctx);
      const input = TAG_INPUTS.user(String(row.channel), chatId ?? "");
      if (chatId === undefined || !ctx.isTagOf(String(row.externalId), input)) {
        throw new UnprovableTagError(
          `ChannelIdentity ${String(row.id)}: its user tag is not the tag of its chat id, so it cannot be recomputed; ` +
            "that channel needs a sealed copy of the user id before the key can be rotated",
        );
      }
      return ctx.tag(input);
    },
  },
  {
    // A message to a tip's sender has a chat tag of its own (per tip): the tip's code travels in
    // its sealed payload (src/store/outbox.ts).
    table: "OutboxMessage",
    column: "chatId",
    from: ["id", "channel", "chatRef", "payload"],
    retag: (row, ctx) => {
      const chatId = opened(row, "chatRef", ctx);
      if (chatId === undefined) return undefined;
      const payload = opened(row, "payload", ctx);
      const code = payload === undefined ? undefined : (JSON.parse(payload) as { __tipster?: { code?: string } }).__tipster?.code;
      const input = code ? TAG_INPUTS.tipsterChat(String(row.channel), chatId, code) : TAG_INPUTS.chat(String(row.channel), chatId);
      return proven(row, "chatId", input, ctx, "OutboxMessage");
    },
  },
  {
    // What the simulator showed keeps only the tag of its chat: it cannot be recomputed and stays
    // under the old key, so a trial chat's history starts again after a rotation (it is kept 7 days).
    table: "SimulatorMessage",
    column: "chatTag",
    from: [],
    retag: () => undefined,
  },
  {
    // Pending updates keep their payload; a processed one has had it (and its chat key) cleared.
    table: "InboundUpdate",
    column: "chatKey",
    from: ["channel", "payload"],
    retag: (row, ctx) => {
      const inbound = inboundOf(row, ctx);
      const channel = String(row.channel);
      return inbound === undefined ? undefined : `${channel}:${ctx.tag(TAG_INPUTS.chat(channel, inbound.chatId))}`;
    },
  },
  {
    // A processed update keeps only this tag, to recognise a redelivery, and nothing to recompute
    // it from: it stays under the old key, harmless noise once that key is gone (README).
    table: "InboundUpdate",
    column: "externalId",
    from: ["channel", "payload"],
    retag: (row, ctx) => {
      const inbound = inboundOf(row, ctx);
      return inbound === undefined ? undefined : ctx.tag(TAG_INPUTS.update(String(row.channel), inbound.messageId));
    },
  },
  {
    table: "Tip",
    column: "tipsterTag",
    from: ["tipsterRef"],
    retag: (row, ctx) => {
      const personId = opened(row, "tipsterRef", ctx);
      return personId === undefined ? undefined : ctx.tag(TAG_INPUTS.tipster(personId));
    },
  },
  {
    // A block keeps only the tag; the person it names is found by tagging every person id.
    table: "TipBlock",
    column: "tipsterTag",
    from: [],
    retag: (row, ctx) => {
      const personId = ctx.tipsterOf(String(row.tipsterTag));
      if (personId === undefined) {
        throw new UnprovableTagError(`TipBlock ${String(row.tipsterTag).slice(0, 6)}…: no person has this tipster tag under either key`);
      }
      return ctx.tag(TAG_INPUTS.tipster(personId));
    },
  },
];
