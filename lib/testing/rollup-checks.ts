import { expect } from "vitest";
import { db } from "@/lib/db/client";

/**
 * The rollups the overview reads must equal a count over audit_event, exactly, whatever the
 * sync went through. Each check is a full outer join of the rollup against the same
 * GROUP BY over the events: any row present on one side only, or with another count, is a
 * difference.
 */
async function hourlyDifferences() {
  return db().$queryRaw<unknown[]>`
    WITH truth AS (
      SELECT date_trunc('hour', created_at, 'UTC') AS bucket, workspace_gid, event_type,
             COALESCE(event_category, '') AS event_category, actor_type, count(*)::int AS n
      FROM audit_event GROUP BY 1, 2, 3, 4, 5
    )
    SELECT * FROM truth t FULL JOIN event_rollup_hourly r USING (bucket, workspace_gid, event_type, event_category, actor_type)
    WHERE t.n IS DISTINCT FROM r.count`;
}

async function dailyDifferences() {
  return db().$queryRaw<unknown[]>`
    WITH truth AS (
      SELECT (created_at AT TIME ZONE 'UTC')::date AS day, workspace_gid, event_type,
             COALESCE(event_category, '') AS event_category, actor_type, count(*)::int AS n
      FROM audit_event GROUP BY 1, 2, 3, 4, 5
    )
    SELECT * FROM truth t FULL JOIN event_rollup_daily r USING (day, workspace_gid, event_type, event_category, actor_type)
    WHERE t.n IS DISTINCT FROM r.count`;
}

/** The facet rollups, per hour ("hour") or per day ("day"), against the same GROUP BY over the events. */
async function facetDifferences(unit: "hour" | "day") {
  const [key, table, truncated] =
    unit === "hour" ? ["bucket", "event_facet_rollup_hourly", "date_trunc('hour', created_at, 'UTC')"] : ["day", "event_facet_rollup_daily", "(created_at AT TIME ZONE 'UTC')::date"];
  return db().$queryRawUnsafe<unknown[]>(`
    WITH truth AS (
      SELECT ${truncated} AS ${key}, workspace_gid, event_type, COALESCE(event_category, '') AS event_category, actor_type,
             COALESCE(resource_type, '') AS resource_type, COALESCE(context_type, '') AS context_type, COALESCE(auth_method, '') AS auth_method, count(*)::int AS n
      FROM audit_event GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    )
    SELECT * FROM truth t FULL JOIN ${table} r USING (${key}, workspace_gid, event_type, event_category, actor_type, resource_type, context_type, auth_method)
    WHERE t.n IS DISTINCT FROM r.count`);
}

/** The monthly rows unnested to one per value and day (zero days left out), and their totals. */
async function valueDifferences() {
  return db().$queryRaw<unknown[]>`
    WITH truth AS (
      SELECT v.dimension, (created_at AT TIME ZONE 'UTC')::date AS day, v.value, actor_type, count(*)::int AS n
      FROM audit_event
      CROSS JOIN LATERAL (VALUES ('actor', actor_key), ('ip', host(client_ip)), ('oauth_app', oauth_app_name),
        ('sign_in_ip', CASE WHEN event_type = 'user_login_succeeded' THEN host(client_ip) END)) AS v(dimension, value)
      WHERE v.value IS NOT NULL
      GROUP BY 1, 2, 3, 4
    ),
    rolled AS (
      SELECT dimension, month + (d.i - 1)::int AS day, value, actor_type, d.n
      FROM event_value_rollup_monthly CROSS JOIN LATERAL unnest(days) WITH ORDINALITY AS d(n, i)
      WHERE d.n <> 0
    ),
    totals AS (SELECT * FROM event_value_rollup_monthly WHERE total IS DISTINCT FROM (SELECT sum(x) FROM unnest(days) x) OR cardinality(days) <> 31)
    SELECT t.*, r.n AS rolled FROM truth t FULL JOIN rolled r USING (dimension, day, value, actor_type)
    WHERE t.n IS DISTINCT FROM r.n
    UNION ALL SELECT dimension, month, value, actor_type, total, -1 FROM totals`;
}

/** The actor table's counts and times against its events, per actor_key. */
async function actorDifferences() {
  return db().$queryRaw<unknown[]>`
    WITH truth AS (SELECT actor_key AS key, count(*)::int AS n, min(created_at) AS first_seen, max(created_at) AS last_seen FROM audit_event GROUP BY 1)
    SELECT * FROM truth t FULL JOIN actor a USING (key)
    WHERE t.n IS DISTINCT FROM a.event_count OR t.first_seen IS DISTINCT FROM a.first_seen OR t.last_seen IS DISTINCT FROM a.last_seen`;
}

export async function expectRollupsExact() {
  expect(await actorDifferences()).toEqual([]);
  expect(await hourlyDifferences()).toEqual([]);
  expect(await dailyDifferences()).toEqual([]);
  expect(await facetDifferences("hour")).toEqual([]);
  expect(await facetDifferences("day")).toEqual([]);
  expect(await valueDifferences()).toEqual([]);
  const [sums] = await db().$queryRaw<{ events: number; hourly: number }[]>`
    SELECT (SELECT count(*) FROM audit_event)::int AS events, (SELECT COALESCE(sum(count), 0) FROM event_rollup_hourly)::int AS hourly`;
  expect(sums!.hourly).toBe(sums!.events);
  expect(sums!.events).toBeGreaterThan(0);
}

