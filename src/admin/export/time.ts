/**
 * How the exports write an instant: as the clock in APP_TIMEZONE showed it. A spreadsheet or a
 * printed page has no time zone, and officers read Việt Nam's clock, not UTC.
 */
import { zonedParts } from "../../domain/period.ts";

const two = (n: number) => String(n).padStart(2, "0");

/**
 * ISO 8601 with the zone's offset, e.g. `2026-11-21T10:00:00+07:00`: the same instant as the UTC
 * form, but a person opening the file reads the local time and a program still parses it exactly.
 */
export function isoWithOffset(at: Date, timeZone: string): string {
  const p = zonedParts(at, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const offsetMinutes = Math.round((wall - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  const date = `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}:${two(p.second)}`;
  return `${date}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/**
 * The digits a clock in `timeZone` showed, as a Date whose UTC fields hold them: exceljs writes a
 * Date's UTC fields, and a spreadsheet shows the digits it holds.
 */
export function wallClock(at: Date, timeZone: string): Date {
  const p = zonedParts(at, timeZone);
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute));
}

/**
 * The date line of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I): "ngày 03
 * tháng 02 năm 2025"; a day below 10 and the months 1 and 2 take a leading zero, other months not.
 */
export function documentDate(at: Date, timeZone: string): string {
  const p = zonedParts(at, timeZone);
  const month = p.month <= 2 ? two(p.month) : String(p.month);
  return `ngày ${two(p.day)} tháng ${month} năm ${p.year}`;
}
