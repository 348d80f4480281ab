import { buildRegistry, type Feature } from "../src/engine/feature.ts";
import { announcements } from "./announcements/index.ts";
import { cases } from "./cases/index.ts";
import { checkins } from "./checkins/index.ts";
import { consoleLink } from "./console/index.ts";
import { commitments } from "./commitments/index.ts";
import { join } from "./join/index.ts";
import { link } from "./link/index.ts";
import { people } from "./people/index.ts";
import { report } from "./report/index.ts";
import { tips } from "./tips/index.ts";
import { units } from "./units/index.ts";

/**
 * Every feature of the product. Adding one is a folder beside these and a line here; the engine
 * reads them (`buildRegistry`). The engine itself answers /start, /help, /cancel and /lang.
 */
export const features: Feature[] = [join, link, people, report, tips, units, announcements, checkins, cases, commitments, consoleLink];

/** The features, read into the engine's tables once. */
export const registry = buildRegistry(features);
