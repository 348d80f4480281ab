-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ChannelIdentity" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "channel" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "chatTag" TEXT NOT NULL DEFAULT '',
    "personId" INTEGER NOT NULL,
    "unreachable" BOOLEAN NOT NULL DEFAULT false,
    "unreachableReason" TEXT,
    "lastInboundAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ChannelIdentity_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ChannelIdentity" ("channel", "chatId", "createdAt", "externalId", "id", "lastInboundAt", "personId", "unreachable", "unreachableReason") SELECT "channel", "chatId", "createdAt", "externalId", "id", "lastInboundAt", "personId", "unreachable", "unreachableReason" FROM "ChannelIdentity";
DROP TABLE "ChannelIdentity";
ALTER TABLE "new_ChannelIdentity" RENAME TO "ChannelIdentity";
CREATE INDEX "ChannelIdentity_personId_idx" ON "ChannelIdentity"("personId");
CREATE INDEX "ChannelIdentity_channel_chatTag_idx" ON "ChannelIdentity"("channel", "chatTag");
CREATE UNIQUE INDEX "ChannelIdentity_channel_externalId_key" ON "ChannelIdentity"("channel", "externalId");
CREATE TABLE "new_OutboxMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "channel" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "chatRef" TEXT NOT NULL DEFAULT '',
    "personId" INTEGER,
    "payload" TEXT NOT NULL,
    "idempotencyKey" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME
);
INSERT INTO "new_OutboxMessage" ("attempts", "channel", "chatId", "createdAt", "id", "idempotencyKey", "lastError", "nextAttemptAt", "payload", "personId", "sentAt", "status") SELECT "attempts", "channel", "chatId", "createdAt", "id", "idempotencyKey", "lastError", "nextAttemptAt", "payload", "personId", "sentAt", "status" FROM "OutboxMessage";
DROP TABLE "OutboxMessage";
ALTER TABLE "new_OutboxMessage" RENAME TO "OutboxMessage";
CREATE UNIQUE INDEX "OutboxMessage_idempotencyKey_key" ON "OutboxMessage"("idempotencyKey");
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");
CREATE INDEX "OutboxMessage_chatId_status_idx" ON "OutboxMessage"("chatId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

