-- CreateEnum
CREATE TYPE "EstimateMethod" AS ENUM ('IMPORT', 'EVEN_SPLIT');

-- CreateEnum
CREATE TYPE "EstimateAnswer" AS ENUM ('PENDING', 'CERTIFIED', 'CORRECTED');

-- CreateTable
CREATE TABLE "DistrictEstimate" (
    "id" SERIAL NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "districtId" INTEGER NOT NULL,
    "target" BIGINT NOT NULL,
    "targetLabel" TEXT NOT NULL,
    "actualToDate" BIGINT NOT NULL,
    "fromMonth" DATE NOT NULL,
    "method" "EstimateMethod" NOT NULL,
    "source" TEXT NOT NULL,
    "setById" INTEGER,
    "setAt" TIMESTAMP(3) NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "answer" "EstimateAnswer" NOT NULL DEFAULT 'PENDING',
    "answeredById" INTEGER,
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "DistrictEstimate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DistrictEstimateMonth" (
    "id" SERIAL NOT NULL,
    "estimateId" INTEGER NOT NULL,
    "month" DATE NOT NULL,
    "amount" BIGINT NOT NULL,
    "corrected" BIGINT,

    CONSTRAINT "DistrictEstimateMonth_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DistrictEstimate_fiscalYear_districtId_key" ON "DistrictEstimate"("fiscalYear", "districtId");

-- CreateIndex
CREATE UNIQUE INDEX "DistrictEstimateMonth_estimateId_month_key" ON "DistrictEstimateMonth"("estimateId", "month");

-- AddForeignKey
ALTER TABLE "DistrictEstimate" ADD CONSTRAINT "DistrictEstimate_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DistrictEstimateMonth" ADD CONSTRAINT "DistrictEstimateMonth_estimateId_fkey" FOREIGN KEY ("estimateId") REFERENCES "DistrictEstimate"("id") ON DELETE CASCADE ON UPDATE CASCADE;
