import type { Feature } from "../../src/engine/feature.ts";
import { audienceSizes, type AudienceSizes } from "../../src/store/broadcasts.ts";

declare module "../../src/engine/feature.ts" {
  interface Queries {
    /** how many people an announcement to each audience would reach, in all and per unit */
    audienceSizes(): Promise<AudienceSizes>;
  }
}

export type { AudienceSizes };

export const queries: Feature["queries"] = (db) => ({ audienceSizes: () => audienceSizes(db) });
