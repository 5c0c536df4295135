-- AlterTable
ALTER TABLE "OutboundMessage" ADD COLUMN     "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "replyBy" TIMESTAMP(3),
ADD COLUMN     "replyToken" TEXT;

-- AlterTable
ALTER TABLE "WebhookEvent" ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- CreateIndex
CREATE INDEX "OutboundMessage_status_nextAttemptAt_idx" ON "OutboundMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "WebhookEvent_lineUserId_processedAt_idx" ON "WebhookEvent"("lineUserId", "processedAt");
