-- AlterTable
ALTER TABLE "UnlockRequest" ADD COLUMN     "refusalReason" TEXT;
