import type { Role } from "./roles.ts";

/** The parts of a person access rules look at. */
export interface Actor {
  role: Role;
  unitId: number | null;
}

/** Only the head of a unit reports for it. */
export function canReportFor(actor: Actor, unitId: number): boolean {
  return actor.role === "head" && actor.unitId === unitId;
}

/** Only officers see summaries, create invites and lock months. */
export function isOfficer(actor: Actor): boolean {
  return actor.role === "officer";
}

/**
 * Only a mentor of a case checks it in: the role, and being one of the case's mentors (taken
 * from a case invite). A head or an officer is refused even for a case of their unit.
 */
export function canCheckIn(actor: Actor, isMentorOfCase: boolean): boolean {
  return actor.role === "mentor" && isMentorOfCase;
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
