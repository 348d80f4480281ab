-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Tip" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "placeText" TEXT,
    "latitude" REAL,
    "longitude" REAL,
    "whenText" TEXT,
    "photoRef" TEXT,
    "anonymous" BOOLEAN NOT NULL DEFAULT true,
    "contactEnc" TEXT,
    "tipsterRef" TEXT,
    "tipsterTag" TEXT,
    "secretHash" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'new',
    "rewardedAt" DATETIME,
    "createdEnc" TEXT NOT NULL,
    "purgedAt" DATETIME,
    "unitId" INTEGER,
    CONSTRAINT "Tip_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Tip" ("anonymous", "category", "code", "contactEnc", "createdEnc", "description", "id", "latitude", "longitude", "photoRef", "placeText", "purgedAt", "rewardedAt", "secretHash", "status", "tipsterRef", "tipsterTag", "whenText") SELECT "anonymous", "category", "code", "contactEnc", "createdEnc", "description", "id", "latitude", "longitude", "photoRef", "placeText", "purgedAt", "rewardedAt", "secretHash", "status", "tipsterRef", "tipsterTag", "whenText" FROM "Tip";
DROP TABLE "Tip";
ALTER TABLE "new_Tip" RENAME TO "Tip";
CREATE UNIQUE INDEX "Tip_code_key" ON "Tip"("code");
CREATE INDEX "Tip_tipsterTag_idx" ON "Tip"("tipsterTag");
CREATE INDEX "Tip_unitId_idx" ON "Tip"("unitId");
CREATE INDEX "Tip_status_idx" ON "Tip"("status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

