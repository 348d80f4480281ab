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
