import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { reportSuggestions } from "../../../features/commitments/queries.ts";
import { recordCommitment } from "../../../src/store/commitments.ts";
import { addUnit } from "../../../src/store/units.ts";
import type { Db } from "../../../src/store/client.ts";
import { freshDb } from "../../support/db.ts";

const ctx = { timeZone: "Asia/Ho_Chi_Minh", inviteTtlDays: 7, guesses: {} as never };

describe("the report's households committed, from the register", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let unitId: number;
  beforeEach(async () => {
    ({ db, cleanup } = await freshDb());
    unitId = (await addUnit(db, { name: "Khu phố Nguyễn Trãi", households: 150, classification: "clean" })).id;
    const at = new Date("2026-11-21T03:00:00Z");
    for (const [households, signedOn] of [[10, "2026-09-30"], [5, "2026-10-31"], [7, "2026-11-01"]] as const) {
      await recordCommitment(db, { unitId, households, signedOn, householdNo: null, personId: 1, now: at });
    }
  });
  afterEach(async () => cleanup());

  it("counts every line up to the end of the report's month, naming the last day counted", async () => {
    expect(await reportSuggestions(db, unitId, "2026-10", ctx)).toEqual([
      { field: "householdsCommitted", value: 15, source: { key: "camket-source", args: { date: "31/10/2026" } } },
    ]);
    expect(await reportSuggestions(db, unitId, "2026-11", ctx)).toMatchObject([{ value: 22, source: { args: { date: "01/11/2026" } } }]);
  });

  it("offers nothing for a month before any line, or for a unit with none", async () => {
    expect(await reportSuggestions(db, unitId, "2026-08", ctx)).toEqual([]);
    const other = (await addUnit(db, { name: "Khu phố Lê Lợi", households: 80, classification: "clean" })).id;
    expect(await reportSuggestions(db, other, "2026-11", ctx)).toEqual([]);
  });
});
