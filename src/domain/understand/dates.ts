import { normalize, trimPoliteness, words } from "./normalize.ts";

/** A calendar day, as the person meant it in their time zone. */
export interface Day {
  year: number;
  month: number;
  day: number;
}

export type DateUnderstanding =
  | { kind: "date"; iso: string }
  /** "không", "chưa biết", "không rõ": no date given, where one may be left out */
  | { kind: "none" }
  | { kind: "refuse" };

const NONE = new Set(["khong", "chua biet", "khong biet", "khong ro", "khong nho", "chua ro", "bo qua", "skip", "khong co", "chua co", "chua xac dinh"]);
const RELATIVE: Record<string, number> = { "hom nay": 0, "nay": 0, "bua nay": 0, "hom qua": -1, "qua": -1, "bua qua": -1, "hom kia": -2, "hom truoc": -2, "today": 0, "yesterday": -1 };

/**
 * A day typed as people write it: "28/11", "28/11/2026", "28-11", "2026-11-28", "ngày 28 tháng
 * 11", "hôm nay", "hôm qua", "hôm kia"; a missing year is the latest such day not after today.
 */
export function understandDate(text: string, today: Day): DateUnderstanding {
  const n = normalize(text);
  const ws = trimPoliteness(words(n));
  const said = ws.join(" ").replace(/^ngay /, "");
  if (NONE.has(said)) return { kind: "none" };
  if (said in RELATIVE) return at(shift(today, RELATIVE[said]!));
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(said.replace(/ /g, ""));
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/.exec(text.trim().replace(/^ngày\s*/i, "")) ?? /^(\d{1,2}) (?:thang )?(\d{1,2})(?: (?:nam )?(\d{4}))?$/.exec(said.replace(/thang/g, "thang").replace(/\./g, " "));
  if (m) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    if (m[3]) return checked(m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]), month, day);
    // No year: this year's, or last year's if that day is still to come.
    const thisYear = today.year;
    const later = month > today.month || (month === today.month && day > today.day);
    return checked(later ? thisYear - 1 : thisYear, month, day);
  }
  return { kind: "refuse" };
}

function checked(year: number, month: number, day: number): DateUnderstanding {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return { kind: "refuse" };
  return at({ year, month, day });
}

function shift(day: Day, days: number): Day {
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const at = (d: Day): DateUnderstanding => ({
  kind: "date",
  iso: `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`,
});
