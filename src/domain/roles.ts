import { z } from "zod";

/** What a person is to the product. Roles add up: a person holds any of them at once (see {@link Grant}). */
export const Role = z.enum(["resident", "head", "mentor", "officer"]);
export type Role = z.infer<typeof Role>;

/** Roles an invite code can give. */
export const InviteRole = z.enum(["head", "mentor", "officer"]);
export type InviteRole = z.infer<typeof InviteRole>;

export const Lang = z.enum(["vi", "en"]);
export type Lang = z.infer<typeof Lang>;
export const DEFAULT_LANG: Lang = "vi";

/** The channels a person can write from. */
export const Channel = z.enum(["telegram", "zalo", "simulator"]);
export type Channel = z.infer<typeof Channel>;

/** One role a person holds: a head of `unitId`, a mentor (of a case's unit), an officer (no unit). */
export interface Grant {
  role: InviteRole;
  unitId: number | null;
}

/** Roles from the most to the least: the one help texts and descriptions lead with. */
const RANK: readonly Role[] = ["officer", "head", "mentor", "resident"];

/** The highest of the roles a person holds (resident when none). */
export function highestRole(grants: readonly Grant[]): Role {
  return RANK.find((r) => grants.some((g) => g.role === r)) ?? "resident";
}

/** The grants a person holds, in {@link highestRole} order then by unit. */
export function sortGrants<G extends Grant>(grants: readonly G[]): G[] {
  return [...grants].sort((a, b) => RANK.indexOf(a.role) - RANK.indexOf(b.role) || (a.unitId ?? 0) - (b.unitId ?? 0));
}
