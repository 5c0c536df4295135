-- CreateTable
CREATE TABLE "InviteFailure" (
    "id" BIGSERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InviteFailure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InviteLockout" (
    "id" SERIAL NOT NULL,
    "from" TIMESTAMP(3) NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,
    "failures" INTEGER NOT NULL,

    CONSTRAINT "InviteLockout_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InviteFailure_at_idx" ON "InviteFailure"("at");

-- CreateIndex
CREATE INDEX "InviteLockout_until_idx" ON "InviteLockout"("until");
