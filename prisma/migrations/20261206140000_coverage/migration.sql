-- Reconciliation and integrity: each day's coverage and seal, the history of seals, and the
-- kind of a run (the sync, or reconciliation re-reading closed days).

-- AlterTable
ALTER TABLE "sync_run" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'sync';

-- CreateTable
CREATE TABLE "coverage_day" (
    "workspace_gid" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "state" TEXT NOT NULL,
    "upstream_count" INTEGER,
    "found_late" INTEGER NOT NULL DEFAULT 0,
    "filled_at_verify" INTEGER NOT NULL DEFAULT 0,
    "max_late_ms" BIGINT,
    "checked_at" TIMESTAMPTZ(3),
    "verified_at" TIMESTAMPTZ(3),
    "error" TEXT,
    "digest" TEXT,
    "chain" TEXT,
    "sealed_count" INTEGER,
    "sealed_at" TIMESTAMPTZ(3),
    "late_stored" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "coverage_day_pkey" PRIMARY KEY ("workspace_gid","day")
);

-- CreateTable
CREATE TABLE "seal_event" (
    "id" BIGSERIAL NOT NULL,
    "workspace_gid" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "digest" TEXT NOT NULL,
    "chain" TEXT NOT NULL,
    "events" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "seal_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "seal_event_workspace_day_idx" ON "seal_event"("workspace_gid", "day");
