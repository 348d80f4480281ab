-- Invite codes expire (INVITE_TTL_DAYS); a link waits for its owner's confirmation.

-- AlterTable
ALTER TABLE "Invite" ADD COLUMN "expiresAt" DATETIME;

-- AlterTable
ALTER TABLE "LinkCode" ADD COLUMN "claimedAt" DATETIME;
ALTER TABLE "LinkCode" ADD COLUMN "claimedById" INTEGER;
