-- CreateTable
CREATE TABLE "audit_event" (
    "gid" TEXT NOT NULL,
    "workspace_gid" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "event_type" TEXT NOT NULL,
    "event_category" TEXT,
    "actor_type" TEXT NOT NULL,
    "actor_gid" TEXT,
    "actor_name" TEXT,
    "actor_email" TEXT,
    "resource_type" TEXT,
    "resource_subtype" TEXT,
    "resource_gid" TEXT,
    "resource_name" TEXT,
    "resource_email" TEXT,
    "context_type" TEXT,
    "client_ip" INET,
    "user_agent" TEXT,
    "auth_method" TEXT,
    "oauth_app_name" TEXT,
    "details" JSONB,
    "raw" JSON NOT NULL,
    "ingested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("gid")
);

-- CreateTable
CREATE TABLE "actor" (
    "gid" TEXT NOT NULL,
    "actor_type" TEXT NOT NULL,
    "name" TEXT,
    "email" TEXT,
    "first_seen" TIMESTAMPTZ(3) NOT NULL,
    "last_seen" TIMESTAMPTZ(3) NOT NULL,
    "event_count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "actor_pkey" PRIMARY KEY ("gid")
);

-- CreateTable
CREATE TABLE "workspace_sync_state" (
    "workspace_gid" TEXT NOT NULL,
    "cursor_offset" TEXT,
    "cursor_updated_at" TIMESTAMPTZ(3),
    "watermark" TIMESTAMPTZ(3),
    "backfill_from" TIMESTAMPTZ(3),
    "backfill_done_at" TIMESTAMPTZ(3),
    "backfill_plan" JSONB,
    "last_success_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "workspace_sync_state_pkey" PRIMARY KEY ("workspace_gid")
);

-- CreateTable
CREATE TABLE "sync_run" (
    "id" SERIAL NOT NULL,
    "workspace_gid" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "outcome" TEXT NOT NULL DEFAULT 'running',
    "pages" INTEGER NOT NULL DEFAULT 0,
    "events_received" INTEGER NOT NULL DEFAULT 0,
    "events_new" INTEGER NOT NULL DEFAULT 0,
    "quarantined" INTEGER NOT NULL DEFAULT 0,
    "retries" INTEGER NOT NULL DEFAULT 0,
    "rate_limit_waits" INTEGER NOT NULL DEFAULT 0,
    "rate_limit_wait_ms" INTEGER NOT NULL DEFAULT 0,
    "expected_events" INTEGER,
    "error" TEXT,

    CONSTRAINT "sync_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quarantined_event" (
    "id" SERIAL NOT NULL,
    "workspace_gid" TEXT NOT NULL,
    "sync_run_id" INTEGER,
    "gid" TEXT,
    "reason" TEXT NOT NULL,
    "payload" JSON NOT NULL,
    "payload_hash" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quarantined_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "saved_query" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "note" TEXT,
    "search" TEXT NOT NULL,
    "time_mode" TEXT NOT NULL DEFAULT 'relative',
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "last_opened_at" TIMESTAMPTZ(3),

    CONSTRAINT "saved_query_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "audit_event_time_idx" ON "audit_event"("created_at" DESC, "gid" DESC);

-- CreateIndex
CREATE INDEX "audit_event_type_time_idx" ON "audit_event"("event_type", "created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_event_category_time_idx" ON "audit_event"("event_category", "created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_event_actor_type_time_idx" ON "audit_event"("actor_type", "created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_event_actor_time_idx" ON "audit_event"("actor_gid", "created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_event_resource_type_time_idx" ON "audit_event"("resource_type", "created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_event_resource_time_idx" ON "audit_event"("resource_gid", "created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_event_ip_time_idx" ON "audit_event"("client_ip", "created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_event_context_time_idx" ON "audit_event"("context_type", "created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_event_auth_time_idx" ON "audit_event"("auth_method", "created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_event_oauth_app_time_idx" ON "audit_event"("oauth_app_name", "created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_event_workspace_time_idx" ON "audit_event"("workspace_gid", "created_at" DESC);

-- CreateIndex
CREATE INDEX "actor_last_seen_idx" ON "actor"("last_seen" DESC);

-- CreateIndex
CREATE INDEX "actor_email_idx" ON "actor"("email");

-- CreateIndex
CREATE INDEX "sync_run_workspace_time_idx" ON "sync_run"("workspace_gid", "started_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "quarantined_event_payload_key" ON "quarantined_event"("workspace_gid", "payload_hash");

-- CreateIndex
CREATE INDEX "quarantined_event_time_idx" ON "quarantined_event"("received_at" DESC);

-- CreateIndex
CREATE INDEX "saved_query_created_idx" ON "saved_query"("created_at" DESC);

-- AddForeignKey
ALTER TABLE "sync_run" ADD CONSTRAINT "sync_run_workspace_gid_fkey" FOREIGN KEY ("workspace_gid") REFERENCES "workspace_sync_state"("workspace_gid") ON DELETE CASCADE ON UPDATE CASCADE;
