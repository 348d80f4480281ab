import { MAX_COUNT } from "../report.ts";
import { normalize, trimPoliteness, words } from "./normalize.ts";
import { isNumberWord, wordsToNumber } from "./numbers.ts";

/**
 * What a person meant by a count: a value; a value to ask back about ("Ý bác là 12 phải
 * không?") because they hedged ("hơn 3") or the words can be read two ways ("một hai"); or a
 * refusal that says what to type.
 */
export type CountUnderstanding =
  | { kind: "value"; value: number }
  | { kind: "confirm"; value: number }
  | { kind: "refuse"; reason: CountRefusal };

export type CountRefusal = "not-a-number" | "negative" | "not-whole" | "too-large" | "range" | "vague" | "two-numbers";

/** Words that say "nobody, nothing" as a whole answer (after the nouns and particles are gone). */
const NONE = new Set(["khong", "khong co", "khong co ai", "khong ai", "chua co", "chua", "chua co ai", "het", "khong con", "khong con ai", "chang co", "chang co ai", "khong co gi", "chua co gi", "khong nguoi nao", "khong co nguoi nao", "0", "o", "zero", "none", "no", "nobody", "nothing", "khong co truong hop nao", "khong co vu nao", "khong co diem nao", "khong co buoi nao", "khong co ho nao", "chua co ho nao", "chua co buoi nao", "chua co vu nao"]);

/** The nouns a count may come with: "12 người", "3 hộ", "2 vụ"; and what may follow them. */
const NOUNS = new Set(["nguoi", "nghien", "ho", "so", "vu", "viec", "diem", "buoi", "truong", "hop", "ca", "doi", "tuong", "dan", "gia", "dinh", "lan", "cai", "ban", "chiec", "nao", "ai", "gi", "tat", "ca", "thoi", "trong", "thang", "nay", "quan", "ly", "moi", "tai", "phat", "sinh", "tu", "tuyen", "truyen", "nghi", "ky", "cam", "ket", "dia", "ban", "khu", "pho", "thon", "xom", "cai", "nghien", "bat", "buoc", "tong", "cong", "la", "co", "duoc", "da", "dang", "con", "them", "moi", "ma", "tuy", "su", "dung", "mua"]);

/** Hedges that make the number a guess to confirm rather than take: "hơn 3", "gần 10". */
const HEDGES = new Set(["hon", "tren", "duoi", "gan", "xap", "ngoai"]);
/** Words that say "some" without a number: "vài", "mấy", "nhiều", "một số". */
const VAGUE = new Set(["vai", "may", "nhieu", "it", "kha", "dong", "lac"]);
/** Words that say "I do not know". */
const UNSURE = new Set(["biet", "ro", "nho", "chac", "hieu", "hoi"]);
/** Words that keep a "none" answer what it is when the nouns around it are dropped. */
const NEGATION = new Set(["khong", "chua", "chang", "co", "ai", "nao", "gi", "het"]);
/** After "tám" these make it eight ("tám mươi"); before another number word it is "tạm" (about). */
const SCALE = new Set(["muoi", "tram", "nghin", "ngan"]);

/** Reads a count from what a person typed. Digits always win over words. */
export function understandCount(text: string): CountUnderstanding {
  let n = normalize(text);
  // "1 200" written with a space between thousands, as the whole answer
  if (/^\d{1,3}( \d{3})+$/.test(n)) n = n.replace(/ /g, "");
  if (/(^|\s)-\d/.test(n)) return refuse("negative");
  if (/\d-\d/.test(n)) return refuse("range");
  const digits = [...n.matchAll(/\d+(?:\.\d+)*/g)].map((m) => m[0]);
  if (digits.length > 0) return fromDigits(digits, n);
  const ws = trimPoliteness(words(n), new Set(["co"]));
  const core = ws.filter((w) => !NOUNS.has(w) || NEGATION.has(w));
  const onlyNegation = core.length > 0 && core.every((w) => NEGATION.has(w)) && core.some((w) => ["khong", "chua", "chang", "het"].includes(w));
  if (NONE.has(ws.join(" ")) || NONE.has(core.join(" ")) || onlyNegation) return { kind: "value", value: 0 };
  if (n.includes("mot so") || ws.some((w) => VAGUE.has(w))) return refuse("vague");
  // "không biết", "chưa rõ lắm": no number, whatever "lắm" (five when it is "lăm") may look like.
  if (ws.some((w) => UNSURE.has(w))) return refuse("not-a-number");
  // Runs of number words: exactly one run must be there.
  const runs: string[][] = [];
  let current: string[] = [];
  let hedged = false;
  ws.forEach((w, i) => {
    const next = ws[i + 1];
    const isAbout = w === "tam" && current.length === 0 && next !== undefined && isNumberWord(next) && !SCALE.has(next);
    // "không" starts no number ("không biết" is not zero); inside one it is ("hai nghìn không trăm").
    const isNot = w === "khong" && current.length === 0;
    if (isNumberWord(w) && !isAbout && !isNot) {
      current.push(w);
      return;
    }
    if (current.length) runs.push(current), (current = []);
    if (HEDGES.has(w)) hedged = true;
  });
  if (current.length) runs.push(current);
  if (runs.length === 0) return refuse("not-a-number");
  if (runs.length > 1) return refuse("two-numbers");
  const value = wordsToNumber(runs[0]!);
  if (value === null) {
    // "một hai": each word a number, the whole none: which one was meant?
    return refuse("two-numbers");
  }
  if (value > MAX_COUNT) return refuse("too-large");
  return { kind: hedged ? "confirm" : "value", value };
}

function fromDigits(digits: string[], n: string): CountUnderstanding {
  const values = digits.map(readDigits);
  if (values.some((v) => v === "not-whole")) return refuse("not-whole");
  const distinct = [...new Set(values as number[])];
  if (distinct.length > 1) return refuse("two-numbers");
  const value = distinct[0]!;
  if (!Number.isFinite(value) || value > MAX_COUNT) return refuse("too-large");
  const hedged = words(n).some((w) => HEDGES.has(w));
  return { kind: hedged ? "confirm" : "value", value };
}

/** "1.200" and "1.200.000" are thousands; "1.5" is not a whole number. */
function readDigits(d: string): number | "not-whole" {
  if (!d.includes(".")) return d.length > 9 ? Infinity : Number(d);
  if (/^\d{1,3}(\.\d{3})+$/.test(d)) return Number(d.replace(/\./g, ""));
  return "not-whole";
}

const refuse = (reason: CountRefusal): CountUnderstanding => ({ kind: "refuse", reason });
