import type { Classification } from "./domain/units.ts";
import type { InviteRole } from "./domain/roles.ts";
import type { Db } from "./store/client.ts";
import { createInvite } from "./store/invites.ts";
import { resolveDataKey } from "./store/keyring.ts";
import { addUnit, countUnits, listUnits } from "./store/units.ts";

/** The three priority neighbourhoods of plan 000, and two ordinary ones for contrast. */
const DEMO_UNITS: { name: string; households: number; classification: Classification }[] = [
  { name: "Khu phố Nguyễn Trãi", households: 180, classification: "priority" },
  { name: "Khu phố Chiềng Trãi", households: 150, classification: "priority" },
  { name: "Khu phố Chí Linh", households: 160, classification: "priority" },
  { name: "Khu phố Lê Lai", households: 120, classification: "has_cases" },
  { name: "Khu phố Bắc Sơn", households: 110, classification: "clean" },
];

export interface DemoInvite {
  role: InviteRole;
  unit: string | null;
  code: string;
}

/**
 * Prepares demo mode: a data key kept in the database (demo only; real deployments pass
 * DATA_KEY), demo units when there are none, and an unused invite for each role.
 */
export async function prepareDemo(db: Db): Promise<{ dataKey: string; invites: DemoInvite[]; createdUnits: boolean }> {
  const dataKey = await resolveDataKey(db, undefined);
  const createdUnits = (await countUnits(db)) === 0;
  if (createdUnits) for (const u of DEMO_UNITS) await addUnit(db, u);
  const units = await listUnits(db);
  // The first unit created: in demo data, the priority neighbourhood Nguyễn Trãi.
  const first = [...units].sort((a, b) => a.id - b.id)[0] ?? null;
  const wanted: { role: InviteRole; unitId: number | null }[] = [
    { role: "officer", unitId: null },
    { role: "head", unitId: first?.id ?? null },
    { role: "mentor", unitId: first?.id ?? null },
  ];
  const invites: DemoInvite[] = [];
  for (const w of wanted) {
    if (w.role === "head" && w.unitId === null) continue;
    const unused = await db.invite.findFirst({ where: { role: w.role, unitId: w.unitId, createdBy: "demo", usedAt: null } });
    const code = unused?.code ?? (await createInvite(db, { role: w.role, unitId: w.unitId, createdBy: "demo" }));
    invites.push({ role: w.role, unit: units.find((u) => u.id === w.unitId)?.name ?? null, code });
  }
  return { dataKey, invites, createdUnits };
}
