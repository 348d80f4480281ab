import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..");

/** A free TCP port. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** The real server as `npm start` runs it, with only the given environment (demo mode unless a channel is set). */
export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** everything it printed so far */
  output: () => string;
  /** resolves with the exit code */
  exited: Promise<number | null>;
  /** resolves once it says it is running; rejects if it exits first */
  running: () => Promise<void>;
  /** SIGTERM, and the exit code */
  stop: () => Promise<number | null>;
}

export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: os.tmpdir(), PORT: String(port), LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    port,
    output: () => out,
    exited,
    running: async () => {
      let gone = false;
      void exited.then(() => (gone = true));
      await expect.poll(() => gone || out.includes("Vùng Xanh is running"), { timeout: 60_000, interval: 200 }).toBe(true);
      if (!out.includes("Vùng Xanh is running")) throw new Error(`the server exited: ${out}`);
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}
