import type { Msg } from "../../src/engine/types.ts";

/** A unit's class in words (`class-priority` …). */
export function classMsg(classification: string): Msg {
  return { key: `class-${classification}` };
}
