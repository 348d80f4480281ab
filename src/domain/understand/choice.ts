import { normalize, trimPoliteness, words } from "./normalize.ts";
import { wordsToNumber } from "./numbers.ts";

/** A choice of the current question: its value and every way to say it (labels, synonyms). */
export interface ChoiceOption {
  value: string;
  /** labels in every language, synonyms; compared normalized */
  says: string[];
}

export type ChoiceUnderstanding =
  | { kind: "match"; value: string }
  /** the answer fits several choices: ask which */
  | { kind: "ambiguous"; values: string[] }
  | { kind: "none" };

/** "mục 8", "số 8", "câu 8", "chọn 8", "8", "tám": the number of a choice in the list. */
const NUMBERING = new Set(["muc", "so", "cau", "chon", "phan", "dong", "y", "item", "number", "no", "option"]);
/** "sửa mục 8", "đổi số 3": what comes before the number when correcting. */
const EDITING = new Set(["sua", "doi", "chinh", "lai", "thay"]);

/**
 * Finds the choice a person meant: by its number in the list, by its words, or by a close typo.
 * An answer that fits more than one choice is never guessed.
 */
export function understandChoice(text: string, options: ChoiceOption[], opts: { numbered?: boolean } = {}): ChoiceUnderstanding {
  const raw = words(normalize(text));
  let ws = trimPoliteness(raw);
  if (ws.length === 0) return { kind: "none" };
  const said = ws.join(" ");
  const forms = options.map((o) => ({ value: o.value, says: o.says.map((x) => normalize(x)).filter(Boolean) }));

  // Exactly a label or a synonym, as typed ("có tên") or without its politeness ("dạ giấu tên ạ").
  const isSaid = (o: (typeof forms)[number], t: string) => o.value === t || normalize(o.value) === t || o.says.includes(t);
  let exact = forms.filter((o) => isSaid(o, raw.join(" ")));
  if (exact.length === 0) exact = forms.filter((o) => isSaid(o, said));
  if (exact.length === 1) return { kind: "match", value: exact[0]!.value };
  if (exact.length > 1) return { kind: "ambiguous", values: exact.map((o) => o.value) };

  if (opts.numbered !== false) {
    while (ws.length > 1 && (NUMBERING.has(ws[0]!) || EDITING.has(ws[0]!))) ws = ws.slice(1);
    const numberWords = ws;
    const n = numberWords.length === 1 && /^\d+$/.test(numberWords[0]!) ? Number(numberWords[0]) : wordsToNumber(numberWords);
    if (n !== null && n >= 1 && n <= options.length) return { kind: "match", value: options[n - 1]!.value };
  }

  // The words of a label inside the answer ("ban ma tuy" holds "mua ban"'s "ban"), or the
  // answer inside a label: each option that fits is a candidate.
  const contains = forms.filter((o) => o.says.some((s) => (s.length >= 3 && containsWords(said, s)) || (said.length >= 3 && containsWords(s, said))));
  if (contains.length === 1) return { kind: "match", value: contains[0]!.value };
  if (contains.length > 1) return { kind: "ambiguous", values: contains.map((o) => o.value) };

  const close = forms.filter((o) => o.says.some((s) => typoClose(said, s)));
  if (close.length === 1) return { kind: "match", value: close[0]!.value };
  if (close.length > 1) return { kind: "ambiguous", values: close.map((o) => o.value) };
  return { kind: "none" };
}

/** Whether `phrase` appears in `text` as whole words. */
function containsWords(text: string, phrase: string): boolean {
  return ` ${text} `.includes(` ${phrase} `);
}

/** A typo away: one edit for short words, two for longer ones (Damerau–Levenshtein). */
export function typoClose(a: string, b: string): boolean {
  if (a === b) return true;
  const limit = Math.min(a.length, b.length) <= 4 ? 0 : Math.min(a.length, b.length) <= 8 ? 1 : 2;
  if (limit === 0 || Math.abs(a.length - b.length) > limit) return false;
  return distance(a, b) <= limit;
}

function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}
