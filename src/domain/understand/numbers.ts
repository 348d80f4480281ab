/**
 * Vietnamese number words, as heads say them and type them without diacritics: "mười hai",
 * "hai mươi lăm", "hai mươi mốt", "ba mươi tư", "một trăm linh năm", "một trăm hai" (colloquial
 * 120), "hai nghìn". Works on folded words (see normalize.ts), where "mười" and "mươi" are both
 * "muoi" and "mốt" is "mot": the position tells them apart.
 */

const DIGITS: Record<string, number> = {
  khong: 0, linh: 0, le: 0,
  mot: 1, hai: 2, ba: 3, bon: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9,
};
/** Spellings of a digit only after "mươi": "hai mươi tư", "ba mươi lăm". */
const AFTER_TENS: Record<string, number> = { tu: 4, lam: 5, nham: 5, mot: 1 };

/** Whether a folded word can be part of a spoken number. */
export function isNumberWord(w: string): boolean {
  return w in DIGITS || w in AFTER_TENS || w === "muoi" || w === "tram" || w === "nghin" || w === "ngan" || w === "chuc";
}

/**
 * The value of a run of number words, or null when the run is not one number ("một hai" is two
 * numbers, "mươi" alone is nothing). Handles up to 999,999.
 */
export function wordsToNumber(ws: string[]): number | null {
  if (ws.length === 0) return null;
  const thousand = ws.findIndex((w) => w === "nghin" || w === "ngan");
  if (thousand >= 0) {
    const high = thousand === 0 ? 1 : below1000(ws.slice(0, thousand));
    const rest = ws.slice(thousand + 1);
    if (high === null) return null;
    if (rest.length === 0) return high * 1000;
    // "hai nghìn không trăm năm mươi" = 2050; "hai nghìn rưỡi" is not handled: asked back.
    const low = below1000(rest, true);
    return low === null ? null : high * 1000 + low;
  }
  return below1000(ws);
}

function below1000(ws: string[], afterThousand = false): number | null {
  const hundred = ws.indexOf("tram");
  if (hundred >= 0) {
    const h = hundred === 0 ? 1 : ws.length > 0 && hundred === 1 ? DIGITS[ws[0]!] ?? null : null;
    if (h === null) return null;
    const rest = ws.slice(hundred + 1);
    if (rest.length === 0) return h * 100;
    // "một trăm linh năm" = 105
    if (rest[0] === "linh" || rest[0] === "le") {
      if (rest.length !== 2) return null;
      const u = DIGITS[rest[1]!] ?? AFTER_TENS[rest[1]!];
      return u === undefined || u === 0 ? null : h * 100 + u;
    }
    // "một trăm hai" = 120, "hai trăm rưỡi" is not handled
    if (rest.length === 1 && rest[0] !== "muoi") {
      const u = DIGITS[rest[0]!];
      return u === undefined || u === 0 ? null : h * 100 + u * 10;
    }
    const t = below100(rest);
    return t === null ? null : h * 100 + t;
  }
  if (afterThousand && ws[0] === "khong" && ws[1] === "tram") return below100(ws.slice(2));
  return below100(ws);
}

function below100(ws: string[]): number | null {
  if (ws.length === 1) {
    if (ws[0] === "muoi" || ws[0] === "chuc") return 10;
    // "tư", "lăm" alone still mean four and five
    const d = DIGITS[ws[0]!] ?? AFTER_TENS[ws[0]!];
    return d === undefined || ws[0] === "linh" || ws[0] === "le" ? null : d;
  }
  const tens = ws.indexOf("muoi");
  if (tens < 0) return null;
  const before = ws.slice(0, tens);
  const after = ws.slice(tens + 1);
  if (before.length > 1 || after.length > 1) return null;
  // "mười hai" = 12 (ten, then units); "hai mươi" = 20 (units, then tens)
  const t = before.length === 0 ? 1 : DIGITS[before[0]!];
  if (t === undefined || t === 0) return null;
  if (after.length === 0) return t * 10;
  const w = after[0]!;
  // After "mười" (ten) one says "mười một", "mười bốn", "mười lăm"; after "mươi": "mốt", "tư", "lăm".
  const u = w in AFTER_TENS ? AFTER_TENS[w]! : DIGITS[w];
  if (u === undefined || u === 0 || w === "linh" || w === "le") return null;
  return t * 10 + u;
}
