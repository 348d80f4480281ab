import type { Feature } from "../../src/engine/feature.ts";
import { previewJoin, type JoinPreview } from "../../src/store/invites.ts";
import { guessKey } from "../effect-kit.ts";

declare module "../../src/engine/feature.ts" {
  interface Queries {
    /** what taking invite `code` would do to a person (null: the code would not work, or they must wait) */
    joinPreview(personId: number, code: string, now: Date): Promise<JoinPreview | null>;
  }
}

export type { JoinPreview };

export const queries: Feature["queries"] = (db, ctx) => ({
  // A person who typed too many wrong codes learns nothing of a code here: redeeming says to wait.
  joinPreview: async (personId, code, now) => ((await ctx.guesses.waitMinutes(guessKey(personId))) > 0 ? null : previewJoin(db, code, personId, now)),
});
