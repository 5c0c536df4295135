-- CreateEnum
CREATE TYPE "TargetKind" AS ENUM ('SALES', 'ONLINE_PRODUCTS');

-- DropIndex
DROP INDEX "Target_fiscalYear_round_provinceId_districtId_key";

-- AlterTable
ALTER TABLE "Target" ADD COLUMN     "floorLabel" TEXT,
ADD COLUMN     "floorScore" INTEGER,
ADD COLUMN     "importedAt" TIMESTAMP(3),
ADD COLUMN     "importedById" INTEGER,
ADD COLUMN     "kind" "TargetKind" NOT NULL DEFAULT 'SALES',
ALTER COLUMN "baseline" DROP NOT NULL,
ALTER COLUMN "baselineFiscalYear" DROP NOT NULL;

-- AlterTable
ALTER TABLE "TargetLevel" ADD COLUMN     "score" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "Target_fiscalYear_round_kind_provinceId_districtId_key" ON "Target"("fiscalYear", "round", "kind", "provinceId", "districtId");

-- Data: 3-tier levels already stored are scored as the department scores them (ขั้นต้น 2, ขั้นมาตรฐาน 3, ขั้นสูง 5).
UPDATE "TargetLevel" SET "score" = CASE "label" WHEN 'ขั้นต้น' THEN 2 WHEN 'ขั้นมาตรฐาน' THEN 3 WHEN 'ขั้นสูง' THEN 5 END
WHERE "label" IN ('ขั้นต้น', 'ขั้นมาตรฐาน', 'ขั้นสูง');
