import { Writable } from "node:stream";
import { createLogger } from "../../src/logger.ts";

/** A real pino logger whose lines are kept, so tests can check what reaches the logs. */
export function captureLogger(level = "debug") {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger(level, stream), lines };
}
