import { normalize, trimPoliteness, words } from "./normalize.ts";

/**
 * A yes or a no as people say it: "có ạ", "dạ", "vâng", "oke", "gửi đi", "đúng rồi", 👍; "không
 * gửi", "thôi", "sửa", 👎. `edit` marks a no that asks to change something ("sửa"), so a
 * confirmation can go straight to choosing what to correct.
 */
export type YesNo = { value: true } | { value: false; edit?: boolean };

const YES = new Set([
  "co", "da", "vang", "ok", "u", "yes", "y", "yep", "yeah", "sure",
  "gui", "gui di", "gui luon", "co gui", "ok gui", "gui nhe", "nop", "nop di",
  "dung", "dung roi", "dung vay", "dung the", "chinh xac", "chuan", "chuan roi", "phai", "phai roi",
  "duoc", "duoc roi", "dong y", "xac nhan", "dong y gui", "co a", "da co", "da vang", "da dung", "da duoc", "da gui", "vang gui",
  "ok roi", "on", "on roi", "tot", "xong", "xong roi",
]);
const NO = new Set([
  "khong", "no", "n", "nope", "khong gui", "chua gui", "dung gui", "thoi", "thoi khong", "khong can", "khong phai", "khong dung",
  "sai", "sai roi", "chua", "chua dung", "de sau", "khong dong y", "da khong", "khong a", "khoan", "khoan da", "cho da",
]);
const EDIT = new Set(["sua", "sua lai", "can sua", "muon sua", "sua di", "chinh sua", "thay doi", "doi", "sua so", "khong sua lai"]);

/** Reads a yes/no answer; `undefined` when it is neither (the question is asked again). */
export function understandYesNo(text: string): YesNo | undefined {
  const ws = words(normalize(text));
  if (ws.length === 0) return undefined;
  const whole = ws.join(" ");
  const trimmed = trimPoliteness(ws, new Set(["co", "da", "vang", "u"])).join(" ");
  // "dạ gửi đi", "vâng đúng rồi ạ": the polite opening dropped (not "có": "có không" is a question).
  const polite = trimmed.replace(/^(da|vang|u|thua) /, "");
  for (const form of [whole, trimmed, polite]) {
    if (EDIT.has(form) || form.startsWith("sua ")) return { value: false, edit: true };
    if (NO.has(form)) return { value: false };
    if (YES.has(form)) return { value: true };
  }
  return undefined;
}
