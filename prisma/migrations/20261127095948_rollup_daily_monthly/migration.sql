-- Long ranges read days, not hours, and the "top" lists one row per value and month
-- (replacing one row per value and day). See prisma/schema.prisma.

-- DropTable
DROP TABLE "event_value_rollup_daily";

-- CreateTable
CREATE TABLE "event_rollup_daily" (
    "day" DATE NOT NULL,
    "workspace_gid" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "event_category" TEXT NOT NULL DEFAULT '',
    "actor_type" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "event_rollup_daily_pkey" PRIMARY KEY ("day","workspace_gid","event_type","event_category","actor_type")
);

-- CreateTable
CREATE TABLE "event_value_rollup_monthly" (
    "dimension" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "value" TEXT NOT NULL,
    "actor_type" TEXT NOT NULL,
    "days" INTEGER[],
    "total" INTEGER NOT NULL,

    CONSTRAINT "event_value_rollup_monthly_pkey" PRIMARY KEY ("dimension","month","value","actor_type")
);

-- Backfill from the stored events, under the same SHARE lock as the first rollups: a sync
-- cannot add events between the count and the commit. UTC whatever the session's zone.
LOCK TABLE "audit_event" IN SHARE MODE;

INSERT INTO "event_rollup_daily" ("day", "workspace_gid", "event_type", "event_category", "actor_type", "count")
SELECT ("created_at" AT TIME ZONE 'UTC')::date, "workspace_gid", "event_type", COALESCE("event_category", ''), "actor_type", count(*)
FROM "audit_event"
GROUP BY 1, 2, 3, 4, 5;

INSERT INTO "event_value_rollup_monthly" ("dimension", "month", "value", "actor_type", "days", "total")
SELECT v."dimension", date_trunc('month', e."utc")::date, v."value", e."actor_type",
       ARRAY[count(*) FILTER (WHERE "dom" = 1), count(*) FILTER (WHERE "dom" = 2), count(*) FILTER (WHERE "dom" = 3), count(*) FILTER (WHERE "dom" = 4), count(*) FILTER (WHERE "dom" = 5), count(*) FILTER (WHERE "dom" = 6), count(*) FILTER (WHERE "dom" = 7), count(*) FILTER (WHERE "dom" = 8), count(*) FILTER (WHERE "dom" = 9), count(*) FILTER (WHERE "dom" = 10), count(*) FILTER (WHERE "dom" = 11), count(*) FILTER (WHERE "dom" = 12), count(*) FILTER (WHERE "dom" = 13), count(*) FILTER (WHERE "dom" = 14), count(*) FILTER (WHERE "dom" = 15), count(*) FILTER (WHERE "dom" = 16), count(*) FILTER (WHERE "dom" = 17), count(*) FILTER (WHERE "dom" = 18), count(*) FILTER (WHERE "dom" = 19), count(*) FILTER (WHERE "dom" = 20), count(*) FILTER (WHERE "dom" = 21), count(*) FILTER (WHERE "dom" = 22), count(*) FILTER (WHERE "dom" = 23), count(*) FILTER (WHERE "dom" = 24), count(*) FILTER (WHERE "dom" = 25), count(*) FILTER (WHERE "dom" = 26), count(*) FILTER (WHERE "dom" = 27), count(*) FILTER (WHERE "dom" = 28), count(*) FILTER (WHERE "dom" = 29), count(*) FILTER (WHERE "dom" = 30), count(*) FILTER (WHERE "dom" = 31)]::int[],
       count(*)
FROM (SELECT *, "created_at" AT TIME ZONE 'UTC' AS "utc", extract(day FROM "created_at" AT TIME ZONE 'UTC')::int AS "dom" FROM "audit_event") AS e
CROSS JOIN LATERAL (VALUES ('actor', e."actor_gid"), ('ip', host(e."client_ip")), ('oauth_app', e."oauth_app_name")) AS v("dimension", "value")
WHERE v."value" IS NOT NULL
GROUP BY 1, 2, 3, 4;
