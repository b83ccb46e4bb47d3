-- The facet panel's resource type, context and auth method, counted per UTC day like the
-- overview's daily rollup (a separate table: the overview's own rollups keep their size).
-- A missing value is '' as a missing category is, so that the key holds no NULL.

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

-- Counters added to on every page: room for HOT updates, as the other rollups have.
ALTER TABLE "event_facet_rollup_daily" SET (fillfactor = 70);

-- Backfill under a SHARE lock, as the first rollups were: a sync cannot add events between
-- the count and the commit. UTC whatever the session's zone.
LOCK TABLE "audit_event" IN SHARE MODE;

INSERT INTO "event_facet_rollup_daily" ("day", "workspace_gid", "event_type", "event_category", "actor_type", "resource_type", "context_type", "auth_method", "count")
SELECT ("created_at" AT TIME ZONE 'UTC')::date, "workspace_gid", "event_type", COALESCE("event_category", ''), "actor_type",
       COALESCE("resource_type", ''), COALESCE("context_type", ''), COALESCE("auth_method", ''), count(*)
FROM "audit_event"
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
