-- Replies and officer alerts (0) go before broadcasts and scheduled prompts (1).
ALTER TABLE "OutboxMessage" ADD COLUMN "priority" INTEGER NOT NULL DEFAULT 0;
