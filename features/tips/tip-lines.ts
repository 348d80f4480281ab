import type { Msg } from "../../src/domain/message.ts";
import type { TipCategory } from "../../src/domain/tips.ts";

/**
 * The lines describing a tip, for the tipster's check and the officers' alert alike. The unit line
 * shows when `unitName` is given (null: "not known"); left out where there was no unit to ask about.
 */
export function tipLines(t: { category?: TipCategory; description?: string; placeText?: string | null; location?: { latitude: number; longitude: number } | null; whenText?: string | null; unitName?: string | null; hasPhoto: boolean; anonymous?: boolean; contact?: string | null }): Msg[] {
  const none: Msg = { key: "notes-none" };
  const lines: Msg[] = [
    { key: "tip-line-category", args: { value: { key: `tip-cat-${t.category ?? "other"}` } } },
    { key: "tip-line-description", args: { value: t.description ?? "" } },
    t.location
      ? { key: "tip-line-location", args: { lat: t.location.latitude.toFixed(5), lng: t.location.longitude.toFixed(5) } }
      : { key: "tip-line-place", args: { value: t.placeText ?? none } },
    ...(t.unitName !== undefined ? [{ key: "tip-line-unit", args: { value: t.unitName ?? none } }] : []),
    { key: "tip-line-when", args: { value: t.whenText ?? none } },
  ];
  if (t.hasPhoto) lines.push({ key: "tip-line-photo" });
  lines.push(t.anonymous === false ? { key: "tip-line-named", args: { contact: t.contact ?? "" } } : { key: "tip-line-anonymous" });
  return lines;
}

