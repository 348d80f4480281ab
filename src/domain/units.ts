import { z } from "zod";
import { typoClose } from "./understand/choice.ts";
import { fold } from "./text.ts";

/** A neighbourhood's classification from the plans (DOMAIN.md, "The units"). */
export const Classification = z.enum(["priority", "has_cases", "clean"]);
export type Classification = z.infer<typeof Classification>;

export const UnitName = z
  .string()
  .trim()
  .min(1, "the name is empty")
  .max(80, "the name is longer than 80 characters");

export const Households = z.coerce.number().int().min(0).max(100_000);

/** What the rules need to know of a unit. */
export interface UnitInfo {
  id: number;
  name: string;
  households: number;
  classification: Classification;
  /** set once the unit is retired: the first month (YYYY-MM) it is left out of */
  retiredPeriod?: string;
}

/** Whether a unit belongs to a month: not retired, or retired after it. */
export function activeIn(unit: Pick<UnitInfo, "retiredPeriod">, period: string): boolean {
  return unit.retiredPeriod === undefined || period < unit.retiredPeriod;
}

// How the committee's lists and officers write the classes (folded), beside the English keys.
const CLASS_WORDS: Record<string, Classification> = {
  priority: "priority",
  "trong diem": "priority",
  "trong diem, phuc tap": "priority",
  "trong diem phuc tap": "priority",
  "phuc tap": "priority",
  has_cases: "has_cases",
  "has cases": "has_cases",
  "co nguoi nghien": "has_cases",
  "da co nguoi nghien": "has_cases",
  clean: "clean",
  "chua co": "clean",
  "chua co nguoi nghien": "clean",
  sach: "clean",
};

/** Reads a class as typed in English or Vietnamese, with or without diacritics; undefined if none. */
export function readClassification(text: string): Classification | undefined {
  return CLASS_WORDS[fold(text).replace(/[.!]+$/, "")];
}

/** A unit's class changed from a month on. */
export interface ClassChange {
  fromClass: Classification;
  toClass: Classification;
  period: string;
}

/**
 * The class a unit had in a month, from its class today and its changes (any order): the class
 * of the last change at or before the month, or the class before the first change after it.
 */
export function classIn(current: Classification, changes: readonly ClassChange[], period: string): Classification {
  const sorted = [...changes].sort((a, b) => a.period.localeCompare(b.period));
  let cls: Classification | undefined;
  for (const c of sorted) if (c.period <= period) cls = c.toClass;
  if (cls !== undefined) return cls;
  return sorted[0]?.fromClass ?? current;
}

/** The form of a unit's name used to look it up as typed. */
export function unitSearchName(name: string): string {
  return fold(name);
}

/**
 * Finds a unit by its name as a person types it: any case, with or without diacritics, and with
 * or without the "khu phố"/"thôn"/"xóm"/"tổ" prefix when that leaves exactly one match.
 */
export function matchUnit<U extends { name: string }>(units: readonly U[], typed: string): U | null {
  // Punctuation is not part of a name as typed: "Le Lai." is Lê Lai.
  const plain = (s: string) => unitSearchName(s).replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  const wanted = plain(typed);
  if (!wanted) return null;
  const exact = units.find((u) => plain(u.name) === wanted);
  if (exact) return exact;
  const bare = (s: string) => s.replace(/^(khu pho|kp|thon|xom|to dan pho|to)\s+/, "");
  const matches = units.filter((u) => bare(plain(u.name)) === bare(wanted));
  if (matches.length === 1) return matches[0]!;
  // A close typo of exactly one name ("Nguyen Trai" typed "Nguyen Tria").
  const close = units.filter((u) => typoClose(bare(plain(u.name)), bare(wanted)));
  return close.length === 1 ? close[0]! : null;
}
