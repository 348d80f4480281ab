-- CreateTable
CREATE TABLE "CaseNameView" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "caseId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "at" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "CaseNameView_caseId_idx" ON "CaseNameView"("caseId");

-- CreateIndex
CREATE INDEX "CaseNameView_at_idx" ON "CaseNameView"("at");

