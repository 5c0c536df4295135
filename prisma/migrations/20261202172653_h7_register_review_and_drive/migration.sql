-- CreateTable
CREATE TABLE "RegisterReview" (
    "id" SERIAL NOT NULL,
    "provinceId" INTEGER NOT NULL,
    "asOf" TIMESTAMP(3) NOT NULL,
    "idleMonths" INTEGER NOT NULL DEFAULT 6,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "openedById" INTEGER,

    CONSTRAINT "RegisterReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegisterReviewMark" (
    "reviewId" INTEGER NOT NULL,
    "producerId" INTEGER NOT NULL,
    "districtId" INTEGER NOT NULL,
    "decision" TEXT NOT NULL,
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegisterReviewMark_pkey" PRIMARY KEY ("reviewId","producerId")
);

-- CreateTable
CREATE TABLE "RegisterReviewDistrict" (
    "reviewId" INTEGER NOT NULL,
    "districtId" INTEGER NOT NULL,
    "completedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedById" INTEGER,

    CONSTRAINT "RegisterReviewDistrict_pkey" PRIMARY KEY ("reviewId","districtId")
);

-- CreateTable
CREATE TABLE "DriveSetting" (
    "districtId" INTEGER NOT NULL,
    "communityWorkers" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DriveSetting_pkey" PRIMARY KEY ("districtId")
);

-- CreateIndex
CREATE INDEX "RegisterReview_provinceId_openedAt_idx" ON "RegisterReview"("provinceId", "openedAt");

-- CreateIndex
CREATE INDEX "RegisterReviewMark_reviewId_districtId_idx" ON "RegisterReviewMark"("reviewId", "districtId");

-- AddForeignKey
ALTER TABLE "RegisterReviewMark" ADD CONSTRAINT "RegisterReviewMark_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "RegisterReview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegisterReviewDistrict" ADD CONSTRAINT "RegisterReviewDistrict_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "RegisterReview"("id") ON DELETE CASCADE ON UPDATE CASCADE;
