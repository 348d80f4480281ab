import type { DbOrTx } from "./client.ts";

/** One change made from the console: who, when, what and about what. */
export interface ConsoleChangeRow {
  at: Date;
  personId: number;
  /** an effect type (`unit.rename`) or a console action (`unit.add`, `invite.revoke`, `units.import`) */
  action: string;
  /** what it was about, in short ("Khu phố Nguyễn Trãi", "#12", "2026-10") */
  subject: string;
}

/** Records a change made from the console, in the transaction that made it where there is one. */
export async function recordConsoleChange(db: DbOrTx, change: ConsoleChangeRow): Promise<void> {
  await db.consoleChange.create({ data: { ...change, subject: change.subject.slice(0, 300) } });
}

/** The latest changes, newest first. */
export async function latestConsoleChanges(db: DbOrTx, limit = 200): Promise<ConsoleChangeRow[]> {
  const rows = await db.consoleChange.findMany({ orderBy: { id: "desc" }, take: limit });
  return rows.map(({ at, personId, action, subject }) => ({ at, personId, action, subject }));
}
