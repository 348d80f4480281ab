import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { knownMigrations } from "../../src/store/migrate.ts";

// The SQL of the migration that made roles add up, on a database as it was just before it.

const MIGRATION = "20261128100040_person_roles";
const sqlOf = (name: string) => fs.readFileSync(path.join("prisma", "migrations", name, "migration.sql"), "utf8");
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe(MIGRATION, () => {
  it("gives every person who held a role that role as a grant, and residents none", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vungxanh-roles-mig-"));
    dirs.push(dir);
    const db = new Database(path.join(dir, "x.db"));
    try {
      const names = knownMigrations();
      for (const name of names.slice(0, names.indexOf(MIGRATION))) db.exec(sqlOf(name));
      db.exec(`INSERT INTO "Unit" ("id", "name", "searchName") VALUES (1, 'Khu phố A', 'khu pho a'), (2, 'Khu phố B', 'khu pho b')`);
      db.exec(`INSERT INTO "Person" ("id", "role", "unitId") VALUES (1, 'head', 1), (2, 'mentor', 2), (3, 'officer', NULL), (4, 'resident', 2), (5, 'head', 2)`);
      db.exec(sqlOf(MIGRATION));
      const rows = db.prepare(`SELECT "personId", "role", "unitId", "grantedBy" FROM "PersonRole" ORDER BY "personId"`).all();
      expect(rows).toEqual([
        { personId: 1, role: "head", unitId: 1, grantedBy: "migration" },
        { personId: 2, role: "mentor", unitId: 2, grantedBy: "migration" },
        { personId: 3, role: "officer", unitId: null, grantedBy: "migration" },
        { personId: 5, role: "head", unitId: 2, grantedBy: "migration" },
      ]);
    } finally {
      db.close();
    }
  });
});
