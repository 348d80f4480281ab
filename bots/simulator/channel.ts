import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Inbox } from "../../src/engine/inbox.ts";
import type { Logger } from "../../src/logger.ts";
import type { Db } from "../../src/store/client.ts";
import type { ChannelAdapter, ChannelRoute } from "../channel.ts";
import { BARE_COMMANDS, createSimulatorSender, simulatorRouter } from "./api.ts";

const pagePath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "page.html");

/**
 * The simulator's routes: `GET /simulator` (the page) and its API under `/simulator/api`.
 * Outside demo mode it must have a secret: an open simulator would let anyone read and write
 * any simulator chat on real data.
 */
export function simulatorRoutes(deps: { db: Db; inbox: Inbox; log: Logger; demo: boolean; secret?: string }): ChannelRoute[] {
  if (!deps.demo) {
    // Config refuses this already; an app must never be built with an open simulator on real data.
    if (!deps.secret) throw new Error("simulatorRoutes: the simulator outside demo mode needs SIMULATOR_SECRET");
    deps.log.warn(
      "SIMULATOR IS ON OUTSIDE DEMO MODE: /simulator can read and write any simulator chat for whoever has SIMULATOR_SECRET. Turn it off (SIMULATOR=off) when you are done.",
    );
  }
  return [
    { method: "use", path: "/simulator", handlers: [simulatorRouter({ db: deps.db, inbox: deps.inbox, demo: deps.demo, secret: deps.secret })] },
    { method: "get", path: "/simulator", handlers: [(_req, res) => res.sendFile(pagePath)] },
  ];
}

/** The web simulator: a trial channel on the same engine, every button shown, no window. */
export const simulatorAdapter: ChannelAdapter = {
  name: "simulator",
  limits: { maxButtons: Infinity, maxText: Infinity, commandMenu: false, bareCommands: BARE_COMMANDS, freeWindowHours: null },
  open({ config, db, inbox, log, clock }) {
    if (!config.simulator) return undefined;
    return {
      name: "simulator",
      limits: simulatorAdapter.limits,
      sender: createSimulatorSender(db, clock),
      routes: simulatorRoutes({ db, inbox, log, demo: config.demo, secret: config.simulatorSecret }),
      start: async () => {},
      stop: async () => {},
    };
  },
};
