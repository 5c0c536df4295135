-- CreateEnum
CREATE TYPE "ReminderStatus" AS ENUM ('PENDING', 'SENT', 'CANCELLED', 'FAILED');

-- AlterTable
ALTER TABLE "DeadlineCalendar" ADD COLUMN     "departmentClose" DATE;

-- CreateTable
CREATE TABLE "ProvinceDeadline" (
    "provinceId" INTEGER NOT NULL,
    "month" DATE NOT NULL,
    "entryDue" DATE,
    "districtConfirmDue" DATE,
    "provinceConfirmDue" DATE,
    "setById" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProvinceDeadline_pkey" PRIMARY KEY ("provinceId","month")
);

-- CreateTable
CREATE TABLE "Reminder" (
    "id" SERIAL NOT NULL,
    "retryKey" UUID NOT NULL,
    "userId" INTEGER NOT NULL,
    "lineUserId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "step" TEXT NOT NULL,
    "priority" INTEGER NOT NULL,
    "messages" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "notBefore" TIMESTAMP(3) NOT NULL,
    "status" "ReminderStatus" NOT NULL DEFAULT 'PENDING',
    "sendKey" UUID,
    "sendVia" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" TIMESTAMP(3),
    "cancelReason" TEXT,

    CONSTRAINT "Reminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderOptOut" (
    "userId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderOptOut_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JobLease_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE UNIQUE INDEX "Reminder_retryKey_key" ON "Reminder"("retryKey");

-- CreateIndex
CREATE INDEX "Reminder_status_priority_id_idx" ON "Reminder"("status", "priority", "id");

-- CreateIndex
CREATE INDEX "Reminder_sendKey_idx" ON "Reminder"("sendKey");

-- CreateIndex
CREATE INDEX "Reminder_month_kind_idx" ON "Reminder"("month", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "Reminder_userId_kind_month_step_key" ON "Reminder"("userId", "kind", "month", "step");
