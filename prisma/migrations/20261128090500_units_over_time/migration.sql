-- AlterTable
ALTER TABLE "Unit" ADD COLUMN "retiredAt" DATETIME;
ALTER TABLE "Unit" ADD COLUMN "retiredPeriod" TEXT;

-- CreateTable
CREATE TABLE "UnitClassChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitId" INTEGER NOT NULL,
    "fromClass" TEXT NOT NULL,
    "toClass" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "byPersonId" INTEGER,
    "by" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "UnitClassChange_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PeriodLockEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "period" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "byPersonId" INTEGER,
    "by" TEXT NOT NULL,
    "reason" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "UnitClassChange_unitId_period_idx" ON "UnitClassChange"("unitId", "period");

-- CreateIndex
CREATE INDEX "PeriodLockEvent_period_idx" ON "PeriodLockEvent"("period");

