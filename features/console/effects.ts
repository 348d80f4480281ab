import { isOfficer } from "../../src/domain/access.ts";
import type { Feature } from "../../src/engine/feature.ts";
import { CONSOLE_LINK_MINUTES, createConsoleLogin } from "../../src/store/console-sessions.ts";
import { said } from "../effect-kit.ts";

declare module "../../src/engine/feature.ts" {
  interface Effects {
    /** an officer or a head asks for a one-time link to the console (`/web`) */
    "console.link": {};
  }
}

/** How the console feature's effect is applied: a sign-in link, made at commit time. */
export const effects: Feature["effects"] = {
  "console.link": async (tx, _effect, person, now, ctx) => {
    if (!isOfficer(person) && person.headOf.length === 0) return said({ key: "not-allowed" });
    const { token } = await createConsoleLogin(tx, person.id, now);
    const url = `${(ctx.publicUrl ?? "http://localhost:3000").replace(/\/+$/, "")}/console/login/${token}`;
    return said({ key: "console-link", args: { url, minutes: CONSOLE_LINK_MINUTES } });
  },
};
