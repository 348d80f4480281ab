import { userTag } from "../../src/store/keyring.ts";
import { lastText, type ChatDriver } from "./chat.ts";

/**
 * A resident sends a tip through the real /tobao flow: about people using, with a typed place
 * or (with `pin`) a location, with a photo (`photo`: the channel driver's file "p"), anonymous
 * unless `named` gives their contact; where units exist, in the neighbourhood `unitId` (tapped),
 * or not known. Returns its code.
 */
export async function tipFrom(chat: ChatDriver, user: string, options: { description?: string; place?: string; pin?: boolean; named?: string; photo?: boolean; unitId?: number } = {}): Promise<string> {
  await chat.send(user, "/tobao");
  await chat.press(user, "using");
  await chat.send(user, options.description ?? "Có người tụ tập sử dụng ma túy ở nhà hoang");
  const placed = options.pin ? await chat.sendOther(user, "location") : await chat.send(user, options.place ?? "Nhà hoang cuối xóm");
  // The neighbourhood question comes only when there are units to name.
  if (placed.at(-1)?.choices.some((c) => c.value === "skip" && c.label === "Không rõ / Bỏ qua")) {
    await chat.press(user, options.unitId !== undefined ? `unit:${options.unitId}` : "skip");
  } else if (options.unitId !== undefined) {
    throw new Error("no neighbourhood question was asked");
  }
  await chat.send(user, "bỏ qua");
  if (options.photo) await chat.sendOther(user, "photo");
  else await chat.send(user, "bỏ qua");
  if (options.named) {
    await chat.press(user, "named");
    await chat.send(user, options.named);
  } else {
    await chat.press(user, "anonymous");
  }
  const done = lastText(await chat.press(user, "yes"));
  const code = /(TB-[A-Z0-9]{6})/.exec(done)?.[1];
  if (!code) throw new Error(`no tip code in ${done}`);
  return code;
}

/** The person behind a Telegram user of the chat driver (found as the product finds them: by tag). */
export async function telegramPersonId(chat: ChatDriver, user: string): Promise<number> {
  return (await chat.db.channelIdentity.findFirstOrThrow({ where: { channel: "telegram", externalId: userTag("telegram", chat.idOf(user)) } })).personId;
}
