import { z } from "zod";
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
  const wanted = unitSearchName(typed);
  if (!wanted) return null;
  const exact = units.find((u) => unitSearchName(u.name) === wanted);
  if (exact) return exact;
  const bare = (s: string) => s.replace(/^(khu pho|kp|thon|xom|to dan pho|to)\s+/, "");
  const matches = units.filter((u) => bare(unitSearchName(u.name)) === bare(wanted));
  return matches.length === 1 ? matches[0]! : null;
}
