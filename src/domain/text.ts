/**
 * Text as people type it on a phone: with or without Vietnamese diacritics, any case, stray
 * spaces. Everything a person may type as a choice is compared in this folded form.
 */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

const YES = new Set(["co", "ok", "dong y", "yes", "y", "vang", "u", "dung"]);
const NO = new Set(["khong", "ko", "k", "no", "n", "sai"]);
const SKIP = new Set(["bo qua", "skip", "-", "boqua"]);

/** Reads a yes/no answer; `undefined` when it is neither. */
export function parseYesNo(text: string): boolean | undefined {
  const f = fold(text).replace(/[.!]+$/, "");
  if (YES.has(f)) return true;
  if (NO.has(f)) return false;
  return undefined;
}

/** True when the person asked to skip an optional question. */
export function isSkip(text: string): boolean {
  return SKIP.has(fold(text));
}
