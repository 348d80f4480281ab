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
