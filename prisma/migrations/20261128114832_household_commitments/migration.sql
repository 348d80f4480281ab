-- CreateTable
CREATE TABLE "HouseholdCommitment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitId" INTEGER NOT NULL,
    "households" INTEGER NOT NULL,
    "signedOn" TEXT NOT NULL,
    "householdNo" TEXT,
    "recordedById" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "HouseholdCommitment_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "HouseholdCommitment_unitId_signedOn_idx" ON "HouseholdCommitment"("unitId", "signedOn");

