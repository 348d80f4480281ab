/** Where a long text may be cut, best first: a line break, then a space. */
const BREAKS = ["\n", " "] as const;

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * How far before the limit the segmenter looks. Segmenting a whole 4,096-unit part costs about
 * 10 ms; only the boundaries near the cut matter, and a user-perceived character is far shorter.
 */
const WINDOW = 128;

/**
 * The largest cut at or before `max` (UTF-16 units, as channels count) that falls between two
 * user-perceived characters: an emoji, a flag or a Vietnamese letter with its combining marks
 * (e.g. "ệ" typed as e + U+0323 + U+0302) is never split across two messages.
 */
function graphemeCut(text: string, max: number): number {
  const from = Math.max(0, max - WINDOW);
  let cut = 0;
  // A little past the limit too, so a boundary exactly at the limit is seen as one.
  for (const { index } of graphemes.segment(text.slice(from, max + 32))) {
    const at = from + index;
    if (at > max) break;
    // The window's own start may fall inside a character: it is not a boundary we know of.
    if (index > 0) cut = at;
  }
  // A single cluster longer than the window (absurd, but possible) is cut at `max` rather than never.
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
