-- Roles add up: every role a person holds is a row of PersonRole (issue 11).

-- CreateTable
CREATE TABLE "PersonRole" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "unitId" INTEGER,
    "grantedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "grantedBy" TEXT NOT NULL,
    CONSTRAINT "PersonRole_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PersonRole_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PersonRole_role_unitId_idx" ON "PersonRole"("role", "unitId");

-- CreateIndex
CREATE UNIQUE INDEX "PersonRole_personId_role_unitId_key" ON "PersonRole"("personId", "role", "unitId");


-- Every person who held a role before gets it as a grant (residents hold none).
INSERT INTO "PersonRole" ("personId", "role", "unitId", "grantedAt", "grantedBy")
SELECT "id", "role", CASE WHEN "role" = 'officer' THEN NULL ELSE "unitId" END, "createdAt", 'migration'
FROM "Person" WHERE "role" <> 'resident';
