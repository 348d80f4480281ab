-- The officers' console (issue 14): one-time sign-in links and sessions, kept as hashes.
-- CreateTable
CREATE TABLE "ConsoleLogin" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "personId" INTEGER NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ConsoleSession" (
    "idHash" TEXT NOT NULL PRIMARY KEY,
    "personId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL,
    "csrfSecret" TEXT NOT NULL,
    "endedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "ConsoleSession_personId_idx" ON "ConsoleSession"("personId");

