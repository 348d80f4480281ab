/**
 * Text as people type it on a cheap phone, made comparable: with or without diacritics, any
 * case, full-width digits, emoji for yes and no, stray punctuation, and the abbreviations of
 * chat ("ko", "dc", "ng"). Every parser of answers reads this form, so that "Không có ạ.",
 * "ko co a" and "KHONG CO" are the same answer.
 */

/** Emoji that mean yes or no when they stand for an answer. */
const EMOJI_WORDS: [RegExp, string][] = [
  [/[\u{1F44D}\u{1F44C}\u{2705}\u{2714}\u{1F197}\u{1F64F}]/gu, " ok "],
  [/[\u{1F44E}\u{274C}\u{274E}\u{1F6AB}\u{2716}]/gu, " khong "],
];

/** Chat spellings and their full (folded) words. */
const ABBREVIATIONS: Record<string, string> = {
  ko: "khong", k: "khong", kg: "khong", kh: "khong", khg: "khong", hok: "khong", hong: "khong", hem: "khong", hk: "khong", khog: "khong", khum: "khong",
  dc: "duoc", dk: "duoc",
  ng: "nguoi",
  r: "roi", rui: "roi",
  j: "gi",
  vs: "voi",
  oke: "ok", okie: "ok", oki: "ok", okela: "ok", okay: "ok", okey: "ok", okê: "ok", uki: "ok",
  uh: "u", uhm: "u", um: "u", uk: "u", uom: "u", ukm: "u",
  bc: "bao cao", tg: "thoi gian",
};

/** Removes diacritics and folds case: "Mười Hai" → "muoi hai". */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}

/**
 * The comparable form of an answer: folded, full-width characters made plain (NFKC), yes/no
 * emoji made words, other emoji dropped, punctuation made spaces (but not inside a number such
 * as "1.200", "1,5" or "2-3"), abbreviations written out, spaces collapsed.
 */
export function normalize(text: string): string {
  let t = text.normalize("NFKC");
  for (const [re, word] of EMOJI_WORDS) t = t.replace(re, word);
  t = t.replace(/\p{Extended_Pictographic}|\u{FE0F}|\u{200D}/gu, " ");
  t = fold(t);
  // Keep the signs that make a number what it is: "1.200", "1,5", "2-3", "-1".
  t = t.replace(/(\d)[.,](?=\d)/g, "$1\u0001").replace(/(\d)\s*[-–]\s*(?=\d)/g, "$1\u0002").replace(/(^|\s)[-–]\s*(?=\d)/g, "$1\u0003");
  t = t.replace(/[^\p{L}\p{N}\u0001\u0002\u0003]+/gu, " ");
  t = t.replace(/\u0001/g, ".").replace(/\u0002/g, "-").replace(/\u0003/g, "-");
  return t
    .split(" ")
    .filter(Boolean)
    .map((w) => ABBREVIATIONS[w] ?? w)
    .join(" ")
    .trim();
}

/** The words of a normalized answer. */
export function words(normalized: string): string[] {
  return normalized ? normalized.split(" ") : [];
}

/**
 * Words of politeness and address that carry no answer: "dạ", "ạ", "nhé", "bác", "em"…
 * Dropped from the edges of an answer, so "dạ 12 ạ" is "12" and "không ạ" is "không".
 */
// Not "ba" (three, and "bà"): "mười ba" must stay thirteen.
const LEADING = new Set(["da", "thua", "em", "chau", "con", "toi", "minh", "anh", "chi", "bac", "co", "ong", "thi", "la", "vang", "u"]);
const TRAILING = new Set(["a", "ah", "ak", "nhe", "nha", "nhen", "ha", "hen", "nhi", "day", "roi", "luon", "the", "vay", "ne", "bac", "anh", "chi", "em", "chau", "co", "ong", "oi"]);

/**
 * The answer without the politeness around it. `keep` lists words that must not be dropped
 * because they are the answer itself in this context ("có" at a yes/no question, "dạ" alone).
 */
export function trimPoliteness(ws: string[], keep: ReadonlySet<string> = new Set()): string[] {
  let start = 0;
  let end = ws.length;
  while (end - start > 1 && TRAILING.has(ws[end - 1]!) && !keep.has(ws[end - 1]!)) end--;
  while (end - start > 1 && LEADING.has(ws[start]!) && !keep.has(ws[start]!)) start++;
  return ws.slice(start, end);
}
