import type { TipQueries } from "../../src/domain/tips.ts";
import type { DbOrTx } from "../../src/store/client.ts";
import type { Feature } from "../../src/engine/feature.ts";
import { isBlocked, isTipster, openQuestionsFor, openTips, tipByCode, tipMessages, tipsInLastHour } from "../../src/store/tips.ts";
import { TIP_LIMITS } from "../../src/domain/tips.ts";

declare module "../../src/engine/feature.ts" {
  interface Queries {
    /** tips, as tip flows may read them */
    tips: TipQueries;
  }
}

/** The tip flows' read-only view of the store. */
export function tipQueriesOn(db: DbOrTx): TipQueries {
  return {
    async mine(code, personId) {
      if (!(await isTipster(db, code, personId))) return null;
      const tip = (await tipByCode(db, code))!;
      const question = (await openQuestionsFor(db, personId)).find((q) => q.tip.code === code);
      return { status: tip.status, question: question?.text ?? null };
    },
    async refusal(personId, now) {
      if (await isBlocked(db, personId)) return "blocked";
      return (await tipsInLastHour(db, personId, now)) >= TIP_LIMITS.perHour ? "too-many" : null;
    },
    async openQuestion(personId) {
      const latest = (await openQuestionsFor(db, personId))[0];
      return latest ? { code: latest.tip.code } : null;
    },
    open: () => openTips(db),
    async get(code) {
      const view = await tipByCode(db, code);
      return view ? { view, messages: await tipMessages(db, view.id) } : null;
    },
  };
}

export const queries: Feature["queries"] = (db) => ({ tips: tipQueriesOn(db) });
