-- CreateTable
CREATE TABLE "admin_user" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "password_hash" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_sign_in_at" TIMESTAMPTZ(3),

    CONSTRAINT "admin_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "admin_session" (
    "id" UUID NOT NULL,
    "admin_id" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "ip" TEXT,
    "user_agent" TEXT,

    CONSTRAINT "admin_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sign_in_attempt" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "email" TEXT NOT NULL,
    "ip" TEXT,
    "success" BOOLEAN NOT NULL,

    CONSTRAINT "sign_in_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dashboard_audit_entry" (
    "id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_email" TEXT,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "ip" TEXT,
    "user_agent" TEXT,
    "details" JSONB,

    CONSTRAINT "dashboard_audit_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "admin_user_email_key" ON "admin_user"("email");

-- CreateIndex
CREATE INDEX "admin_session_admin_idx" ON "admin_session"("admin_id");

-- CreateIndex
CREATE INDEX "admin_session_expires_idx" ON "admin_session"("expires_at");

-- CreateIndex
CREATE INDEX "sign_in_attempt_email_time_idx" ON "sign_in_attempt"("email", "at" DESC);

-- CreateIndex
CREATE INDEX "sign_in_attempt_ip_time_idx" ON "sign_in_attempt"("ip", "at" DESC);

-- CreateIndex
CREATE INDEX "sign_in_attempt_time_idx" ON "sign_in_attempt"("at");

-- CreateIndex
CREATE INDEX "dashboard_audit_entry_time_idx" ON "dashboard_audit_entry"("at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "dashboard_audit_entry_action_time_idx" ON "dashboard_audit_entry"("action", "at" DESC);

-- CreateIndex
CREATE INDEX "dashboard_audit_entry_actor_time_idx" ON "dashboard_audit_entry"("actor_email", "at" DESC);

-- AddForeignKey
ALTER TABLE "admin_session" ADD CONSTRAINT "admin_session_admin_id_fkey" FOREIGN KEY ("admin_id") REFERENCES "admin_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
