import type { Classification } from "./domain/units.ts";
import type { InviteRole } from "./domain/roles.ts";
import { localDate } from "./domain/time.ts";
import { caseByCode, openCase } from "./store/cases.ts";
import type { Db } from "./store/client.ts";
import { heldRecords } from "./store/contents.ts";
import { createInvite, DEFAULT_INVITE_TTL_DAYS, inviteExpiry, unusedInvite } from "./store/invites.ts";
import { resolveDataKey } from "./store/keyring.ts";
import { getSetting, setSetting } from "./store/settings.ts";
import { addUnit, countUnits, listUnits } from "./store/units.ts";

/** The setting that marks a database as made by demo mode. */
export const DEMO_MARK = "demo.database";

/** The three priority neighbourhoods of plan 000, and two ordinary ones for contrast. */
const DEMO_UNITS: { name: string; households: number; classification: Classification }[] = [
  { name: "Khu phố Nguyễn Trãi", households: 180, classification: "priority" },
  { name: "Khu phố Chiềng Trãi", households: 150, classification: "priority" },
  { name: "Khu phố Chí Linh", households: 160, classification: "priority" },
  { name: "Khu phố Lê Lai", households: 120, classification: "has_cases" },
  { name: "Khu phố Bắc Sơn", households: 110, classification: "clean" },
];

/** The demo rehab case, in the first demo unit, so the demo mentor has someone to check in on. */
export const DEMO_CASE_CODE = "NT-01";

export interface DemoInvite {
  role: InviteRole;
  unit: string | null;
  code: string;
  /** a mentor's invite for a rehab case: the case's code */
  caseCode?: string;
  /** the code stops working then, like any invite (INVITE_TTL_DAYS) */
  expiresAt: Date;
}

/**
 * Prepares demo mode: a data key kept in the database (demo only; real deployments pass
 * DATA_KEY), demo units when there are none, the demo rehab case, and an unused invite for each
 * role; the mentor's is for the case, so /join leads straight to /xacnhan. Run at every start:
 * it adds only what is missing, so a restart prints the same unused codes.
 */
export async function prepareDemo(
  db: Db,
  options: { now?: Date; timeZone?: string; inviteTtlDays?: number } = {},
): Promise<{ dataKey: string; invites: DemoInvite[]; createdUnits: boolean }> {
  const now = options.now ?? new Date();
  if (await demoRefusal(db)) throw new Error("prepareDemo: the database holds real data (demoRefusal)");
  await setSetting(db, DEMO_MARK, "yes");
  const dataKey = await resolveDataKey(db, undefined);
  const createdUnits = (await countUnits(db)) === 0;
  if (createdUnits) for (const u of DEMO_UNITS) await addUnit(db, u);
  const units = await listUnits(db);
  // The first unit created: in demo data, the priority neighbourhood Nguyễn Trãi.
  const first = [...units].sort((a, b) => a.id - b.id)[0] ?? null;
  const rehabCase = first ? await demoCase(db, first.id, options) : null;
  const wanted: { role: InviteRole; unitId: number | null; caseId: number | null }[] = [
    { role: "officer", unitId: null, caseId: null },
    { role: "head", unitId: first?.id ?? null, caseId: null },
    { role: "mentor", unitId: rehabCase?.unitId ?? first?.id ?? null, caseId: rehabCase?.id ?? null },
  ];
  const invites: DemoInvite[] = [];
  for (const w of wanted) {
    if (w.role === "head" && w.unitId === null) continue;
    // An unused demo code is shown again while it works; an expired one is replaced.
    const unused = await unusedInvite(db, { role: w.role, unitId: w.unitId, caseId: w.caseId, createdBy: "demo" }, now);
    const expiresAt = unused?.expiresAt ?? inviteExpiry(now, options.inviteTtlDays ?? DEFAULT_INVITE_TTL_DAYS);
    const code = unused?.code ?? (await createInvite(db, { role: w.role, unitId: w.unitId, caseId: w.caseId, createdBy: "demo", expiresAt }));
    const unit = units.find((u) => u.id === w.unitId)?.name ?? null;
    invites.push({ role: w.role, unit, code, expiresAt, ...(w.caseId !== null && rehabCase ? { caseCode: rehabCase.code } : {}) });
  }
  return { dataKey, invites, createdUnits };
}

/**
 * The demo case NT-01, opened from today (in APP_TIMEZONE) the first time, so it is due this
 * week; kept as it is afterwards. A case with that code already in the database is used as it is.
 */
async function demoCase(db: Db, unitId: number, clock: { now?: Date; timeZone?: string }) {
  const existing = await caseByCode(db, DEMO_CASE_CODE);
  if (existing) return existing;
  const startDate = localDate(clock.now ?? new Date(), clock.timeZone ?? "Asia/Ho_Chi_Minh");
  // No name: it would be sealed with a key the server may not use (DATA_KEY set in demo mode).
  return openCase(db, { code: DEMO_CASE_CODE, unitId, name: null, startDate, endDate: null }, null);
}

/**
 * Why demo mode must not run on this database, or null when it may: an empty database, or one
 * demo mode made (its mark, or the demo data key that older demo databases hold). Anything else
 * holds real data, and starting it without credentials must not open a public simulator on it,
 * print a new officer invite or store a demo key in it: a deployment that lost its environment
 * stops instead (src/main.ts, exit code 2).
 */
export async function demoRefusal(db: Db): Promise<string | null> {
  if ((await getSetting(db, DEMO_MARK)) !== null || (await getSetting(db, "demo.dataKey")) !== null) return null;
  const counts = await heldRecords(db);
  const held = Object.entries(counts).filter(([, n]) => n > 0);
  if (held.length === 0) return null;
  return [
    "no channel credentials are set (TELEGRAM_BOT_TOKEN, ZALO_APP_ID…), which would mean demo mode,",
    `but the database (DATABASE_URL) holds real data — ${held.map(([what, n]) => `${n} ${what}`).join(", ")} — and was not made by demo mode.`,
    "Demo mode would open the web simulator to anyone, print a new officer invite and store a demo key in it, so nothing was started or changed.",
    "If this is your deployment, its environment is missing: set TELEGRAM_BOT_TOKEN and/or ZALO_*, and DATA_KEY (README, Configuration).",
    "For a demo, point DATABASE_URL at a new file instead.",
  ].join("\n  ");
}
