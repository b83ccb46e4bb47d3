-- The world map's sign-ins by country (lib/stats/count-by-country.ts): the per-value rollup
-- keeps the addresses of successful sign-ins as a dimension of their own ('sign_in_ip'), so
-- that 30 days or all time of them is summed per address instead of read event by event.
-- The sync's statement keeps it from now on (lib/sync/store.ts); this fills it from the
-- stored events, under the SHARE lock of the earlier backfills: a sync cannot add events
-- between the count and the commit. UTC whatever the session's zone.
LOCK TABLE "audit_event" IN SHARE MODE;

INSERT INTO "event_value_rollup_monthly" ("dimension", "month", "value", "actor_type", "days", "total")
SELECT 'sign_in_ip', date_trunc('month', "created_at" AT TIME ZONE 'UTC')::date, host("client_ip"), "actor_type",
       day_counts(extract(day FROM "created_at" AT TIME ZONE 'UTC')::int), count(*)
FROM "audit_event" WHERE "event_type" = 'user_login_succeeded' AND "client_ip" IS NOT NULL
GROUP BY 1, 2, 3, 4;
