-- CreateTable
CREATE TABLE "ConsoleChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL,
    "personId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "subject" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "ConsoleChange_at_idx" ON "ConsoleChange"("at");

