import type { DbOrTx } from "../store/client.ts";
import type { Job } from "./job.ts";

/** Reads what `job` looks at for a run at `at`: its own `load`, for the run's subject. */
export function loadWorld(db: DbOrTx, job: Job, at: Date, timeZone: string): Promise<unknown> {
  return job.load(db, job.subject(at, timeZone));
}
