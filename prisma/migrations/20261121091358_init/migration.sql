-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "ProducerType" AS ENUM ('COMMUNITY_GROUP', 'SINGLE_OWNER', 'SME');

-- CreateEnum
CREATE TYPE "ProductCategory" AS ENUM ('FOOD', 'DRINK', 'TEXTILE', 'HOUSEHOLD', 'HERBAL');

-- CreateEnum
CREATE TYPE "SalesStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'DISTRICT_CONFIRMED', 'PROVINCE_CONFIRMED', 'RETURNED');

-- CreateEnum
CREATE TYPE "ExportChannel" AS ENUM ('SELF', 'AGENT', 'WEBSITE');

-- CreateEnum
CREATE TYPE "TargetRound" AS ENUM ('FULL_YEAR', 'ROUND_1', 'ROUND_2');

-- CreateEnum
CREATE TYPE "EstimateCertification" AS ENUM ('PENDING', 'ACCEPTED', 'CORRECTED');

-- CreateEnum
CREATE TYPE "UnlockStatus" AS ENUM ('PENDING', 'APPROVED', 'REFUSED');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('PRODUCER', 'DISTRICT_OFFICER', 'PROVINCE_OFFICER', 'ZONE_ADMIN', 'DEPARTMENT_ADMIN');

-- CreateEnum
CREATE TYPE "OutboundStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "Zone" (
    "id" INTEGER NOT NULL,
    "nameTh" TEXT NOT NULL,

    CONSTRAINT "Zone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Province" (
    "id" INTEGER NOT NULL,
    "nameTh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "zoneId" INTEGER NOT NULL,

    CONSTRAINT "Province_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "District" (
    "id" INTEGER NOT NULL,
    "nameTh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "provinceId" INTEGER NOT NULL,

    CONSTRAINT "District_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Producer" (
    "id" SERIAL NOT NULL,
    "registrationCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "ProducerType" NOT NULL,
    "categories" "ProductCategory"[],
    "districtId" INTEGER NOT NULL,
    "tambon" TEXT NOT NULL,
    "phone" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "deregisteredAt" TIMESTAMP(3),
    "deregisterReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" INTEGER,

    CONSTRAINT "Producer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SalesEntry" (
    "id" SERIAL NOT NULL,
    "producerId" INTEGER NOT NULL,
    "month" DATE NOT NULL,
    "category" "ProductCategory" NOT NULL,
    "domesticOffline" BIGINT NOT NULL,
    "domesticOnline" BIGINT NOT NULL,
    "exportOffline" BIGINT NOT NULL,
    "exportOnline" BIGINT NOT NULL,
    "status" "SalesStatus" NOT NULL DEFAULT 'SUBMITTED',
    "returnReason" TEXT,
    "returnedAt" TIMESTAMP(3),
    "returnedById" INTEGER,
    "enteredById" INTEGER NOT NULL,
    "enteredByOfficer" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedAt" TIMESTAMP(3),
    "districtConfirmedAt" TIMESTAMP(3),
    "districtConfirmedById" INTEGER,
    "provinceConfirmedAt" TIMESTAMP(3),
    "provinceConfirmedById" INTEGER,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SalesEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExportDetail" (
    "id" SERIAL NOT NULL,
    "producerId" INTEGER NOT NULL,
    "salesEntryId" INTEGER,
    "month" DATE NOT NULL,
    "product" TEXT NOT NULL,
    "value" BIGINT NOT NULL,
    "country" TEXT NOT NULL,
    "agency" TEXT,
    "channel" "ExportChannel" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExportDetail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Target" (
    "id" SERIAL NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "round" "TargetRound" NOT NULL,
    "provinceId" INTEGER,
    "districtId" INTEGER,
    "baseline" BIGINT NOT NULL,
    "baselineFiscalYear" INTEGER NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "Target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TargetLevel" (
    "id" SERIAL NOT NULL,
    "targetId" INTEGER NOT NULL,
    "level" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "threshold" BIGINT,
    "growthBasisPoints" INTEGER,

    CONSTRAINT "TargetLevel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HistoricalSales" (
    "id" SERIAL NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "round" "TargetRound" NOT NULL,
    "provinceId" INTEGER,
    "districtId" INTEGER,
    "amount" BIGINT NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "HistoricalSales_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonthlyEstimate" (
    "id" SERIAL NOT NULL,
    "districtId" INTEGER NOT NULL,
    "month" DATE NOT NULL,
    "domesticOffline" BIGINT NOT NULL,
    "domesticOnline" BIGINT NOT NULL,
    "exportOffline" BIGINT NOT NULL,
    "exportOnline" BIGINT NOT NULL,
    "certification" "EstimateCertification" NOT NULL DEFAULT 'PENDING',
    "certifiedById" INTEGER,
    "certifiedAt" TIMESTAMP(3),
    "note" TEXT,

    CONSTRAINT "MonthlyEstimate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeadlineCalendar" (
    "month" DATE NOT NULL,
    "entryDue" DATE NOT NULL,
    "districtConfirmDue" DATE NOT NULL,
    "provinceConfirmDue" DATE NOT NULL,

    CONSTRAINT "DeadlineCalendar_pkey" PRIMARY KEY ("month")
);

-- CreateTable
CREATE TABLE "DistrictMonth" (
    "districtId" INTEGER NOT NULL,
    "month" DATE NOT NULL,
    "provinceConfirmedAt" TIMESTAMP(3),
    "provinceConfirmedById" INTEGER,
    "returnedAt" TIMESTAMP(3),
    "returnReason" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "DistrictMonth_pkey" PRIMARY KEY ("districtId","month")
);

-- CreateTable
CREATE TABLE "UnlockRequest" (
    "id" SERIAL NOT NULL,
    "districtId" INTEGER NOT NULL,
    "month" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "UnlockStatus" NOT NULL DEFAULT 'PENDING',
    "requestedById" INTEGER NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "UnlockRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "lineUserId" TEXT NOT NULL,
    "displayName" TEXT,
    "role" "Role",
    "producerId" INTEGER,
    "districtId" INTEGER,
    "provinceId" INTEGER,
    "zoneId" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "inviteFailures" INTEGER NOT NULL DEFAULT 0,
    "inviteLockedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invite" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "producerId" INTEGER,
    "districtId" INTEGER,
    "provinceId" INTEGER,
    "zoneId" INTEGER,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "usedById" INTEGER,

    CONSTRAINT "Invite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Conversation" (
    "userId" INTEGER NOT NULL,
    "flow" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "state" JSONB NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Conversation_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "WebhookEvent" (
    "id" TEXT NOT NULL,
    "lineUserId" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "payload" JSONB NOT NULL,
    "processedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "WebhookEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboundMessage" (
    "id" SERIAL NOT NULL,
    "retryKey" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "recipients" TEXT[],
    "messages" JSONB NOT NULL,
    "status" "OutboundStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "lineRequestId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "OutboundMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "eventId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RichMenu" (
    "role" "Role" NOT NULL,
    "richMenuId" TEXT NOT NULL,
    "designHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RichMenu_pkey" PRIMARY KEY ("role")
);

-- CreateIndex
CREATE UNIQUE INDEX "Province_nameTh_key" ON "Province"("nameTh");

-- CreateIndex
CREATE INDEX "Province_zoneId_idx" ON "Province"("zoneId");

-- CreateIndex
CREATE INDEX "District_provinceId_idx" ON "District"("provinceId");

-- CreateIndex
CREATE UNIQUE INDEX "District_provinceId_nameTh_key" ON "District"("provinceId", "nameTh");

-- CreateIndex
CREATE UNIQUE INDEX "Producer_registrationCode_key" ON "Producer"("registrationCode");

-- CreateIndex
CREATE INDEX "Producer_districtId_active_idx" ON "Producer"("districtId", "active");

-- CreateIndex
CREATE INDEX "SalesEntry_month_status_idx" ON "SalesEntry"("month", "status");

-- CreateIndex
CREATE UNIQUE INDEX "SalesEntry_producerId_month_category_key" ON "SalesEntry"("producerId", "month", "category");

-- CreateIndex
CREATE INDEX "ExportDetail_month_idx" ON "ExportDetail"("month");

-- CreateIndex
CREATE INDEX "ExportDetail_salesEntryId_idx" ON "ExportDetail"("salesEntryId");

-- CreateIndex
CREATE UNIQUE INDEX "Target_fiscalYear_round_provinceId_districtId_key" ON "Target"("fiscalYear", "round", "provinceId", "districtId");

-- CreateIndex
CREATE UNIQUE INDEX "TargetLevel_targetId_level_key" ON "TargetLevel"("targetId", "level");

-- CreateIndex
CREATE UNIQUE INDEX "HistoricalSales_fiscalYear_round_provinceId_districtId_key" ON "HistoricalSales"("fiscalYear", "round", "provinceId", "districtId");

-- CreateIndex
CREATE UNIQUE INDEX "MonthlyEstimate_districtId_month_key" ON "MonthlyEstimate"("districtId", "month");

-- CreateIndex
CREATE INDEX "UnlockRequest_districtId_month_status_idx" ON "UnlockRequest"("districtId", "month", "status");

-- CreateIndex
CREATE UNIQUE INDEX "User_lineUserId_key" ON "User"("lineUserId");

-- CreateIndex
CREATE UNIQUE INDEX "Invite_code_key" ON "Invite"("code");

-- CreateIndex
CREATE INDEX "WebhookEvent_processedAt_occurredAt_idx" ON "WebhookEvent"("processedAt", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboundMessage_retryKey_key" ON "OutboundMessage"("retryKey");

-- CreateIndex
CREATE INDEX "OutboundMessage_status_createdAt_idx" ON "OutboundMessage"("status", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- AddForeignKey
ALTER TABLE "Province" ADD CONSTRAINT "Province_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "Zone"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "District" ADD CONSTRAINT "District_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Producer" ADD CONSTRAINT "Producer_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Producer" ADD CONSTRAINT "Producer_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SalesEntry" ADD CONSTRAINT "SalesEntry_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SalesEntry" ADD CONSTRAINT "SalesEntry_returnedById_fkey" FOREIGN KEY ("returnedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SalesEntry" ADD CONSTRAINT "SalesEntry_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SalesEntry" ADD CONSTRAINT "SalesEntry_districtConfirmedById_fkey" FOREIGN KEY ("districtConfirmedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SalesEntry" ADD CONSTRAINT "SalesEntry_provinceConfirmedById_fkey" FOREIGN KEY ("provinceConfirmedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExportDetail" ADD CONSTRAINT "ExportDetail_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExportDetail" ADD CONSTRAINT "ExportDetail_salesEntryId_fkey" FOREIGN KEY ("salesEntryId") REFERENCES "SalesEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TargetLevel" ADD CONSTRAINT "TargetLevel_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Target"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonthlyEstimate" ADD CONSTRAINT "MonthlyEstimate_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DistrictMonth" ADD CONSTRAINT "DistrictMonth_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnlockRequest" ADD CONSTRAINT "UnlockRequest_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "Zone"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "Zone"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_usedById_fkey" FOREIGN KEY ("usedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
