import type { Grant } from "./roles.ts";

/** The parts of a person access rules look at: every role they hold. */
export interface Actor {
  grants: readonly Grant[];
}

/** Whoever holds a head grant for a unit reports for it (a unit may have a head and a deputy). */
export function canReportFor(actor: Actor, unitId: number): boolean {
  return actor.grants.some((g) => g.role === "head" && g.unitId === unitId);
}

/** Only officers see summaries, create invites and lock months; no other invite takes that away. */
export function isOfficer(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === "officer");
}

/** Holds a mentor grant: may start a check-in (each case is checked again with {@link canCheckIn}). */
export function isMentor(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === "mentor");
}

/**
 * Only a mentor of a case checks it in: a mentor grant, and being one of the case's mentors
 * (taken from a case invite). A head or an officer who is not its mentor is refused.
 */
export function canCheckIn(actor: Actor, isMentorOfCase: boolean): boolean {
  return isMentor(actor) && isMentorOfCase;
}

/** Officers open cases, change their status and read their history. */
export function canManageCases(actor: Actor): boolean {
  return isOfficer(actor);
}

/**
 * The name of a person in rehab is for officers only: chat shows everyone else the case code,
 * and a mentor knows the person without the bot.
 */
export function canSeeCaseNames(actor: Actor): boolean {
  return isOfficer(actor);
}
