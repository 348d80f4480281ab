import type { Feature } from "../../src/engine/feature.ts";
import { mentorCasesDue, type MentorCase } from "../../src/store/cases.ts";

declare module "../../src/engine/feature.ts" {
  interface Queries {
    /** the cases a person mentors that are due in `week`, and which they already checked in */
    mentorCases(personId: number, week: string): Promise<MentorCase[]>;
  }
}

export type { MentorCase };

export const queries: Feature["queries"] = (db) => ({ mentorCases: (personId, week) => mentorCasesDue(db, personId, week) });
