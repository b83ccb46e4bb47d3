-- The facet panel's resource type, context and auth method, counted per UTC day and per UTC
-- hour like the overview's rollups (separate tables: the overview's own rollups keep their
-- size). Whole days are read from the daily table, the hours at a range's ends from the
-- hourly one, so that only minutes are left to count from the events. A missing value is ''
-- as a missing category is, so that the key holds no NULL.

-- CreateTable
CREATE TABLE "event_facet_rollup_daily" (
    "day" DATE NOT NULL,
    "workspace_gid" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "event_category" TEXT NOT NULL DEFAULT '',
    "actor_type" TEXT NOT NULL,
    "resource_type" TEXT NOT NULL DEFAULT '',
    "context_type" TEXT NOT NULL DEFAULT '',
    "auth_method" TEXT NOT NULL DEFAULT '',
    "count" INTEGER NOT NULL,

    CONSTRAINT "event_facet_rollup_daily_pkey" PRIMARY KEY ("day","workspace_gid","event_type","event_category","actor_type","resource_type","context_type","auth_method")
);

-- CreateTable
CREATE TABLE "event_facet_rollup_hourly" (
    "bucket" TIMESTAMPTZ(3) NOT NULL,
    "workspace_gid" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "event_category" TEXT NOT NULL DEFAULT '',
    "actor_type" TEXT NOT NULL,
    "resource_type" TEXT NOT NULL DEFAULT '',
    "context_type" TEXT NOT NULL DEFAULT '',
    "auth_method" TEXT NOT NULL DEFAULT '',
    "count" INTEGER NOT NULL,

    CONSTRAINT "event_facet_rollup_hourly_pkey" PRIMARY KEY ("bucket","workspace_gid","event_type","event_category","actor_type","resource_type","context_type","auth_method")
);

-- Counters added to on every page: room for HOT updates, as the other rollups have.
ALTER TABLE "event_facet_rollup_daily" SET (fillfactor = 70);
ALTER TABLE "event_facet_rollup_hourly" SET (fillfactor = 70);

-- Backfill under a SHARE lock, as the first rollups were: a sync cannot add events between
-- the count and the commit. UTC whatever the session's zone.
LOCK TABLE "audit_event" IN SHARE MODE;

INSERT INTO "event_facet_rollup_daily" ("day", "workspace_gid", "event_type", "event_category", "actor_type", "resource_type", "context_type", "auth_method", "count")
SELECT ("created_at" AT TIME ZONE 'UTC')::date, "workspace_gid", "event_type", COALESCE("event_category", ''), "actor_type",
       COALESCE("resource_type", ''), COALESCE("context_type", ''), COALESCE("auth_method", ''), count(*)
FROM "audit_event"
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

INSERT INTO "event_facet_rollup_hourly" ("bucket", "workspace_gid", "event_type", "event_category", "actor_type", "resource_type", "context_type", "auth_method", "count")
SELECT date_trunc('hour', "created_at", 'UTC'), "workspace_gid", "event_type", COALESCE("event_category", ''), "actor_type",
       COALESCE("resource_type", ''), COALESCE("context_type", ''), COALESCE("auth_method", ''), count(*)
FROM "audit_event"
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
