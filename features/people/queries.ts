import type { Feature } from "../../src/engine/feature.ts";
import { allHolders, type ListedHolder } from "../../src/store/roles.ts";

declare module "../../src/engine/feature.ts" {
  interface Queries {
    /** every role held, one row per grant (those of one unit when given), by person */
    holders(unitId?: number): Promise<ListedHolder[]>;
  }
}

export type { ListedHolder };

export const queries: Feature["queries"] = (db) => ({ holders: (unitId) => allHolders(db, unitId) });
