import { z } from "zod";

/** A reporting month, `YYYY-MM`. */
export const Period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "expected a month as YYYY-MM");
export type Period = z.infer<typeof Period>;

/** The calendar parts of an instant in a time zone. */
export function zonedParts(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    weekday: "short",
    hourCycle: "h23",
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return {
    year: Number(get("year")),
    month: Number(get("month")),
    day: Number(get("day")),
    hour: Number(get("hour")),
    minute: Number(get("minute")),
    second: Number(get("second")),
    weekday: get("weekday"),
  };
}

/** The month an instant falls in, in the product's time zone. */
export function periodOf(at: Date, timeZone: string): Period {
  const { year, month } = zonedParts(at, timeZone);
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** The month before `period`. */
export function previousPeriod(period: Period): Period {
  const [y, m] = period.split("-").map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}

/** `MM/YYYY`, how a Vietnamese form names a month. */
export function displayPeriod(period: Period): string {
  const [y, m] = period.split("-");
  return `${m}/${y}`;
}

/** A month as a person types it: `YYYY-MM` or `MM/YYYY`. */
export function parsePeriodText(text: string): Period | undefined {
  const t = text.trim();
  const slashed = /^(\d{1,2})\/(\d{4})$/.exec(t);
  const candidate = slashed ? `${slashed[2]}-${slashed[1]!.padStart(2, "0")}` : t;
  return Period.safeParse(candidate).success ? candidate : undefined;
}
