import { fold } from "../../src/domain/text.ts";

/** The longest household number kept: "hẻm 12/3 số 45B" fits, a sentence does not. */
export const MAX_HOUSEHOLD_NO = 30;

// Words people put before a number ("số nhà 12", "hộ số 5", "hẻm 3"): not names.
const NUMBER_WORDS = new Set(["so", "nha", "ho", "hem", "kiet", "ngo", "ngach", "to", "can", "lo", "phong", "no", "house", "number", "household", "apt", "#"]);

/**
 * A household's number or house number as typed ("12", "45B", "số nhà 12/3"), tidied; undefined
 * when it is not only a number (a person's name, a street's name): the register never holds a
 * name (DOMAIN.md, "Household commitments"), so anything with a word that is neither a number nor
 * a word for one is refused, not guessed at.
 */
export function householdNo(text: string): string | undefined {
  const tidy = text.trim().replace(/\s+/g, " ");
  if (!tidy || tidy.length > MAX_HOUSEHOLD_NO) return undefined;
  const tokens = fold(tidy).split(/[\s,;:]+/).filter(Boolean);
  let digits = false;
  for (const token of tokens) {
    if (NUMBER_WORDS.has(token)) continue;
    if (/^[0-9a-z]*[0-9][0-9a-z/.\-]*$/.test(token)) digits = true;
    // A lone letter beside a number ("12 A") is part of it, not a name.
    else if (!/^[a-z]$/.test(token)) return undefined;
  }
  return digits ? tidy : undefined;
}
