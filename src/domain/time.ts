import { zonedParts } from "./period.ts";

/** The offset of a time zone from UTC at an instant, in milliseconds. */
function offsetAt(at: Date, timeZone: string): number {
  const p = zonedParts(at, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return asUtc - Math.floor(at.getTime() / 60_000) * 60_000;
}

/**
 * The instant a wall-clock time happens in a time zone. Month and day overflow like Date.UTC
 * (month 13 is January of the next year). Correct across offset changes for whole-minute zones.
 */
export function zonedTime(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let guess = wall - offsetAt(new Date(wall), timeZone);
  guess = wall - offsetAt(new Date(guess), timeZone);
  return new Date(guess);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** 1 for Monday … 7 for Sunday, in the time zone. */
export function isoWeekday(at: Date, timeZone: string): number {
  return WEEKDAYS.indexOf(zonedParts(at, timeZone).weekday) + 1;
}

/** The local calendar date `YYYY-MM-DD` of an instant. */
export function localDate(at: Date, timeZone: string): string {
  const p = zonedParts(at, timeZone);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/** The local date of the Monday of the week an instant falls in: the key of a check-in week. */
export function weekOf(at: Date, timeZone: string): string {
  const p = zonedParts(at, timeZone);
  const back = isoWeekday(at, timeZone) - 1;
  const monday = new Date(Date.UTC(p.year, p.month - 1, p.day - back));
  return monday.toISOString().slice(0, 10);
}

/** The week before a week key. */
export function previousWeek(week: string): string {
  const d = new Date(`${week}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 7);
  return d.toISOString().slice(0, 10);
}

/** `DD/MM/YYYY` from `YYYY-MM-DD`, as dates are written in Vietnamese. */
export function displayDate(date: string): string {
  const [y, m, d] = date.split("-");
  return `${d}/${m}/${y}`;
}

/** `HH:MM DD/MM/YYYY` in a time zone: when something ends, as a person reads it. */
export function displayInstant(at: Date, timeZone: string): string {
  const p = zonedParts(at, timeZone);
  return `${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")} ${displayDate(localDate(at, timeZone))}`;
}
