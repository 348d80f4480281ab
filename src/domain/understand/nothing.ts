import { normalize, trimPoliteness, words } from "./normalize.ts";

const SKIP = new Set(["bo qua", "boqua", "skip", "qua", "tiep", "tiep tuc", "next"]);
const NEGATION = new Set(["khong", "chua", "het", "chang"]);
/** Words that may stand beside a "no" to an optional question: "không có kiến nghị gì". */
const FILLER = new Set(["co", "gi", "ai", "kien", "nghi", "y", "de", "xuat", "ghi", "chu", "them", "noi", "nao", "ca", "dau", "a", "da", "anh", "hinh", "biet", "ro", "nho"]);

/**
 * Whether an answer to an optional question says "nothing": "bỏ qua", "-", "không", "ko có",
 * "không có kiến nghị gì ạ". Such an answer is stored as nothing, never as the note itself.
 */
export function isNothing(text: string): boolean {
  if (text.trim() === "-") return true;
  const raw = words(normalize(text));
  const ws = trimPoliteness(raw);
  const said = ws.join(" ");
  // "tối qua" (last night) folds to "toi qua", and "toi" (tôi, I) is politeness to trim: a bare
  // "qua" is "skip" only when nothing stood before it but a particle.
  if (said === "qua" && raw.slice(0, raw.indexOf("qua")).some((w) => w === "toi")) return false;
  if (SKIP.has(said)) return true;
  return ws.length > 0 && ws.some((w) => NEGATION.has(w)) && ws.every((w) => NEGATION.has(w) || FILLER.has(w));
}
