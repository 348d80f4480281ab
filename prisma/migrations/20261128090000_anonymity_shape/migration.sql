-- Anonymity in the shape of the data (issue 10): the times that would match an anonymous tip to
-- its sender are sealed, and a conversation's flow is sealed with its answers.

-- CreateTable
CREATE TABLE "SimulatorMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "chatTag" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

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
    "lastInboundEnc" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ChannelIdentity_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- Hand-edited: clear times of older rows are kept as "plain:<time>" and sealed at the next start
-- (src/store/legacy-rows.ts), since SQL has no DATA_KEY.
INSERT INTO "new_ChannelIdentity" ("channel", "chatId", "chatTag", "createdAt", "externalId", "id", "personId", "unreachable", "unreachableReason", "lastInboundEnc") SELECT "channel", "chatId", "chatTag", "createdAt", "externalId", "id", "personId", "unreachable", "unreachableReason", CASE WHEN "lastInboundAt" IS NULL THEN NULL ELSE 'plain:' || "lastInboundAt" END FROM "ChannelIdentity";
DROP TABLE "ChannelIdentity";
ALTER TABLE "new_ChannelIdentity" RENAME TO "ChannelIdentity";
CREATE INDEX "ChannelIdentity_personId_idx" ON "ChannelIdentity"("personId");
CREATE INDEX "ChannelIdentity_channel_chatTag_idx" ON "ChannelIdentity"("channel", "chatTag");
CREATE UNIQUE INDEX "ChannelIdentity_channel_externalId_key" ON "ChannelIdentity"("channel", "externalId");
CREATE TABLE "new_Conversation" (
    "personId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "data" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Conversation_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- Hand-edited: a conversation in progress keeps its flow and step until it is next saved sealed.
INSERT INTO "new_Conversation" ("data", "personId", "startedAt", "updatedAt") SELECT 'legacy:' || "flow" || ':' || "step" || ':' || "data", "personId", "startedAt", "updatedAt" FROM "Conversation";
DROP TABLE "Conversation";
ALTER TABLE "new_Conversation" RENAME TO "Conversation";
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
    "purgedAt" DATETIME
);
INSERT INTO "new_Tip" ("anonymous", "category", "code", "contactEnc", "description", "id", "latitude", "longitude", "photoRef", "placeText", "rewardedAt", "secretHash", "status", "tipsterRef", "tipsterTag", "whenText", "createdEnc") SELECT "anonymous", "category", "code", "contactEnc", "description", "id", "latitude", "longitude", "photoRef", "placeText", "rewardedAt", "secretHash", "status", "tipsterRef", "tipsterTag", "whenText", 'plain:' || "createdAt" FROM "Tip";
DROP TABLE "Tip";
ALTER TABLE "new_Tip" RENAME TO "Tip";
CREATE UNIQUE INDEX "Tip_code_key" ON "Tip"("code");
CREATE INDEX "Tip_tipsterTag_idx" ON "Tip"("tipsterTag");
CREATE INDEX "Tip_status_idx" ON "Tip"("status");
CREATE TABLE "new_TipMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "tipId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "officerId" INTEGER,
    "answered" BOOLEAN NOT NULL DEFAULT false,
    "createdEnc" TEXT NOT NULL,
    CONSTRAINT "TipMessage_tipId_fkey" FOREIGN KEY ("tipId") REFERENCES "Tip" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_TipMessage" ("answered", "id", "kind", "officerId", "text", "tipId", "createdEnc") SELECT "answered", "id", "kind", "officerId", "text", "tipId", 'plain:' || "createdAt" FROM "TipMessage";
DROP TABLE "TipMessage";
ALTER TABLE "new_TipMessage" RENAME TO "TipMessage";
CREATE INDEX "TipMessage_tipId_idx" ON "TipMessage"("tipId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "SimulatorMessage_chatTag_id_idx" ON "SimulatorMessage"("chatTag", "id");


-- Delivered replies are no longer kept; older ones go now.
DELETE FROM "OutboxMessage" WHERE "idempotencyKey" IS NULL AND "status" <> 'pending' AND "status" <> 'sending';
UPDATE "OutboxMessage" SET "payload" = '', "chatRef" = '' WHERE "idempotencyKey" IS NOT NULL AND "status" = 'sent';
