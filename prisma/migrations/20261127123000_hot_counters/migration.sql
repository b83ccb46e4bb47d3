-- The sync adds to counters in actor and the rollup tables on every page. With free room in
-- each block and no index on the columns it changes, PostgreSQL updates those rows in place
-- (HOT updates), without a new entry in every index of the table.

-- DropIndex
DROP INDEX "actor_last_seen_idx";

ALTER TABLE "actor" SET (fillfactor = 70);
ALTER TABLE "event_rollup_hourly" SET (fillfactor = 70);
ALTER TABLE "event_rollup_daily" SET (fillfactor = 70);
ALTER TABLE "event_value_rollup_monthly" SET (fillfactor = 70);
