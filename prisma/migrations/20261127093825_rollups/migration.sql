-- CreateTable
CREATE TABLE "event_rollup_hourly" (
    "bucket" TIMESTAMPTZ(3) NOT NULL,
    "workspace_gid" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "event_category" TEXT NOT NULL DEFAULT '',
    "actor_type" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "event_rollup_hourly_pkey" PRIMARY KEY ("bucket","workspace_gid","event_type","event_category","actor_type")
);

-- CreateTable
CREATE TABLE "event_value_rollup_daily" (
    "dimension" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "value" TEXT NOT NULL,
    "actor_type" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "event_value_rollup_daily_pkey" PRIMARY KEY ("dimension","day","value","actor_type")
);

-- Backfill from the events already stored, so that an existing install starts exact. The
-- SHARE lock holds off a sync still running old code (which would not count its rows) until
-- this transaction commits; days and hours are UTC whatever the session's time zone.
LOCK TABLE "audit_event" IN SHARE MODE;

INSERT INTO "event_rollup_hourly" ("bucket", "workspace_gid", "event_type", "event_category", "actor_type", "count")
SELECT date_trunc('hour', "created_at", 'UTC'), "workspace_gid", "event_type", COALESCE("event_category", ''), "actor_type", count(*)
FROM "audit_event"
GROUP BY 1, 2, 3, 4, 5;

INSERT INTO "event_value_rollup_daily" ("dimension", "day", "value", "actor_type", "count")
SELECT v."dimension", ("created_at" AT TIME ZONE 'UTC')::date, v."value", "actor_type", count(*)
FROM "audit_event"
CROSS JOIN LATERAL (VALUES ('actor', "actor_gid"), ('ip', host("client_ip")), ('oauth_app', "oauth_app_name")) AS v("dimension", "value")
WHERE v."value" IS NOT NULL
GROUP BY 1, 2, 3, 4;
