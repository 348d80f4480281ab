-- AlterTable
ALTER TABLE "Invite" ADD COLUMN "caseId" INTEGER;

-- CreateTable
CREATE TABLE "RehabCase" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "unitId" INTEGER NOT NULL,
    "nameEnc" TEXT,
    "startDate" TEXT NOT NULL,
    "endDate" TEXT,
    "status" TEXT NOT NULL DEFAULT 'active',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "CaseMentor" (
    "caseId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("caseId", "personId"),
    CONSTRAINT "CaseMentor_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "RehabCase" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Checkin" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "caseId" INTEGER NOT NULL,
    "mentorId" INTEGER NOT NULL,
    "week" TEXT NOT NULL,
    "contacted" BOOLEAN NOT NULL,
    "method" TEXT,
    "state" TEXT NOT NULL,
    "noteEnc" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Checkin_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "RehabCase" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseStatusChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "caseId" INTEGER NOT NULL,
    "fromStatus" TEXT NOT NULL,
    "toStatus" TEXT NOT NULL,
    "byPersonId" INTEGER,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CaseStatusChange_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "RehabCase" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "RehabCase_code_key" ON "RehabCase"("code");

-- CreateIndex
CREATE INDEX "RehabCase_unitId_idx" ON "RehabCase"("unitId");

-- CreateIndex
CREATE INDEX "CaseMentor_personId_idx" ON "CaseMentor"("personId");

-- CreateIndex
CREATE INDEX "Checkin_week_idx" ON "Checkin"("week");

-- CreateIndex
CREATE UNIQUE INDEX "Checkin_caseId_week_mentorId_key" ON "Checkin"("caseId", "week", "mentorId");

