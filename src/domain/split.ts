/** Where a long text may be cut, best first: a line break, then a space. */
const BREAKS = ["\n", " "] as const;

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * The largest cut at or before `max` (UTF-16 units, as channels count) that falls between two
 * user-perceived characters: an emoji, a flag or a Vietnamese letter with its combining marks
 * (e.g. "ệ" typed as e + U+0323 + U+0302) is never split across two messages.
 */
function graphemeCut(text: string, max: number): number {
  let cut = 0;
  for (const { index } of graphemes.segment(text.slice(0, max + 32))) {
    if (index > max) break;
    cut = index;
  }
  // A single cluster longer than `max` (absurd, but possible) is cut at `max` rather than never.
  return cut > 0 ? cut : max;
}

/**
 * Splits a text into parts of at most `max` UTF-16 units: at a line break in the second half of
 * a part when there is one, else at a space there, else at the last whole character. The break
 * itself is dropped, so joining the parts with it gives the text back.
 */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = -1;
    for (const b of BREAKS) {
      const at = rest.lastIndexOf(b, max);
      if (at > max / 2) {
        cut = at;
        break;
      }
    }
    if (cut === -1) {
      cut = graphemeCut(rest, max);
      parts.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    } else {
      parts.push(rest.slice(0, cut));
      rest = rest.slice(cut + 1);
    }
  }
  parts.push(rest);
  return parts;
}
