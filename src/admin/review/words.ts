import type { GreenState } from "../../domain/green-zone.ts";
import { displayPeriod } from "../../domain/period.ts";
import type { ReviewRange } from "./range.ts";
import { monthsBetween } from "../../domain/green-zone.ts";

/** How the report names a green-zone state. */
export const STATE_WORDS: Record<GreenState, string> = {
  green: "vùng xanh",
  "at-risk": "có nguy cơ",
  "not-green": "chưa đạt vùng xanh",
  unknown: "chưa báo cáo",
};

/** A share as Vietnamese writes it: one decimal after a comma, e.g. "83,3%"; "-" of nothing. */
export function percent(part: number, whole: number): string {
  if (whole === 0) return "-";
  const value = Math.round((part / whole) * 1000) / 10;
  return `${String(value).replace(".", ",")}%`;
}

/** A change against the period before: "+3", "−2" (a true minus sign) or "0". */
export function change(current: number, previous: number): string {
  const d = current - previous;
  return d > 0 ? `+${d}` : d < 0 ? `−${-d}` : "0";
}

/** A whole number with Vietnamese thousands dots, e.g. 12.345. */
export function count(n: number): string {
  return n.toLocaleString("vi-VN");
}

/**
 * What the report is, under "BÁO CÁO": a 6-month review ("Sơ kết 6 tháng"), a 12-month one
 * ("Tổng kết năm 2025" for a calendar year, else "Tổng kết 12 tháng"), or any other range by its months.
 */
export function reviewKind(range: ReviewRange): string {
  const months = monthsBetween(range.from, range.to).length;
  if (months === 12 && range.from.endsWith("-01")) return `Tổng kết năm ${range.from.slice(0, 4)}`;
  if (months === 12) return "Tổng kết 12 tháng";
  if (months === 6) return "Sơ kết 6 tháng";
  return `Sơ kết từ tháng ${displayPeriod(range.from)} đến tháng ${displayPeriod(range.to)}`;
}

/** The range in words: "từ tháng 01/2025 đến tháng 06/2025" (or "tháng 01/2025" for one month). */
export function rangeWords(range: ReviewRange): string {
  return range.from === range.to ? `tháng ${displayPeriod(range.from)}` : `từ tháng ${displayPeriod(range.from)} đến tháng ${displayPeriod(range.to)}`;
}

/** The model's name as the plans write it. */
export const MODEL = "“Khu phố tự quản, phòng chống ma túy”";
