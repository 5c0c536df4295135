-- CreateEnum
CREATE TYPE "ReportRequestStatus" AS ENUM ('PENDING', 'DONE');

-- CreateTable
CREATE TABLE "ReportRequest" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "lineUserId" TEXT NOT NULL,
    "request" JSONB NOT NULL,
    "status" "ReportRequestStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "ReportRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportRequest_key_key" ON "ReportRequest"("key");

-- CreateIndex
CREATE INDEX "ReportRequest_status_createdAt_idx" ON "ReportRequest"("status", "createdAt");
