import type { Router } from "express";
import type { ConsoleDeps } from "../deps.ts";
import { registerCases } from "./cases.ts";
import { registerAdmin } from "./admin.ts";
import { registerDocuments } from "./documents.ts";
import { registerGreen } from "./green.ts";
import { registerOverview } from "./overview.ts";
import { registerTips } from "./tips.ts";

/** Every console area; a new page file adds its line here (see src/console/routes.ts). */
export function registerPages(router: Router, deps: ConsoleDeps): void {
  registerOverview(router, deps);
  registerGreen(router, deps);
  registerTips(router, deps);
  registerCases(router, deps);
  registerAdmin(router, deps);
  registerDocuments(router, deps);
}
