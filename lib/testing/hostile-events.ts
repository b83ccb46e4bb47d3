import type pg from "pg";
import { ACTOR_USED_UPSERT } from "@/lib/sync/store";

/**
 * Events whose every field Asana could have sent to trip the dashboard up: far dates,
 * prototype keys as values and detail keys, bidi overrides, zero-width and combining
 * characters, 200,000-character tokens, a megabyte of details, deep JSON, markup. They are
 * written straight into a database (with the rollups and the actor rows the sync would have
 * written beside them), so that every page meets them as stored values.
 */
export const HOSTILE_WORKSPACE = "9990000000000000";

const long = (ch: string, n = 200_000) => ch.repeat(n);
const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

export interface HostileEvent {
  gid: string;
  createdAt: string;
  eventType: string;
  category: string | null;
  actorType: string;
  actorGid: string | null;
  actorName: string | null;
  actorEmail?: string | null;
  resourceType?: string | null;
  resourceSubtype?: string | null;
  resourceGid?: string | null;
  resourceName?: string | null;
  contextType?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  authMethod?: string | null;
  oauthApp?: string | null;
  /** JSON text of `details`. */
  details?: string | null;
  /** JSON text of `raw`. */
  raw?: string;
}

/** Names that must read as what they are, whatever the characters around them do. */
export const BIDI_NAME = "Admin \u202eexe.txt";
export const BIDI_FILE = "invoice\u2067fdp.exe\u2069 \u200f";
export const ZERO_WIDTH_NAME = "pay\u200bpal\u200d\ufeff";
export const COMBINING_NAME = `Zalgo${"\u0301".repeat(500)}`;

export function hostileEvents(): HostileEvent[] {
  return [
    { gid: "999000000000001", createdAt: "2099-12-31T23:00:00.000Z", eventType: "user_login_succeeded", category: "logins", actorType: "user", actorGid: "999100000000001", actorName: "Future Person", ip: "198.51.100.1" },
    { gid: "999000000000002", createdAt: "0001-01-01T00:00:00.000Z", eventType: "task_deleted", category: "deletion", actorType: "user", actorGid: "999100000000002", actorName: "Ancient Person", resourceType: "task", resourceGid: "999200000000002", resourceName: "Old task" },
    { gid: "999000000000003", createdAt: "9999-12-31T12:00:00.000Z", eventType: "task_created", category: "creation", actorType: "user", actorGid: "999100000000003", actorName: "Far Future" },
    {
      gid: "__proto__",
      createdAt: minutesAgo(3),
      eventType: "hasOwnProperty",
      category: "constructor",
      actorType: "__proto__",
      actorGid: "__proto__",
      actorName: "constructor",
      actorEmail: "toString",
      resourceType: "toString",
      resourceSubtype: "valueOf",
      resourceGid: "constructor",
      resourceName: "hasOwnProperty",
      contextType: "__proto__",
      authMethod: "constructor",
      oauthApp: "hasOwnProperty",
      ip: "198.51.100.2",
      // Written as text: an object literal's __proto__ would set its prototype, not a key.
      details: '{"__proto__": {"polluted": true}, "constructor": "c", "toString": "t", "hasOwnProperty": 1, "valueOf": null, "old_value": "toString", "new_value": "__proto__"}',
    },
    {
      gid: "constructor",
      createdAt: minutesAgo(4),
      eventType: "toString",
      category: "hasOwnProperty",
      actorType: "constructor",
      actorGid: "toString",
      actorName: "valueOf",
      resourceType: "__proto__",
      resourceGid: "__proto__",
      contextType: "valueOf",
      authMethod: "hasOwnProperty",
      oauthApp: "__proto__",
      details: JSON.stringify({ constructor: { name: "toString" } }),
    },
    {
      gid: "999000000000006",
      createdAt: minutesAgo(5),
      eventType: "attachment_downloaded",
      category: "content_export",
      actorType: "user",
      actorGid: "999100000000006",
      actorName: BIDI_NAME,
      actorEmail: "a\u2066b@example.com",
      resourceType: "attachment",
      resourceGid: "999200000000006",
      resourceName: BIDI_FILE,
      userAgent: "Mozilla/5.0 \u202e)swodniW(",
      oauthApp: "App \u202eyppah",
      details: JSON.stringify({ file: "report\u202eslx.exe", ["key\u202e"]: "v" }),
    },
    {
      gid: "999000000000007",
      createdAt: minutesAgo(6),
      eventType: "user_login_succeeded",
      category: "logins",
      actorType: "user",
      actorGid: "999100000000007",
      actorName: ZERO_WIDTH_NAME,
      resourceType: "user",
      resourceGid: "999200000000007",
      resourceName: COMBINING_NAME,
      details: JSON.stringify({ note: `Z${"\u0336".repeat(300)}` }),
    },
    {
      gid: "999000000000008",
      createdAt: minutesAgo(7),
      eventType: "project_created",
      category: "creation",
      actorType: "user",
      actorGid: "999100000000008",
      actorName: long("A"),
      actorEmail: `${long("e", 5_000)}@example.com`,
      resourceType: "project",
      resourceGid: "999200000000008",
      resourceName: long("B"),
      userAgent: long("U"),
      oauthApp: long("O", 150),
      details: JSON.stringify({ old_value: long("x", 1_000_000), new_value: long("y", 200), [long("k", 5_000)]: long("v") }),
    },
    {
      gid: "999000000000009",
      createdAt: minutesAgo(8),
      eventType: "task_deleted",
      category: "deletion",
      actorType: "user",
      actorGid: "999100000000009",
      actorName: "<script>window.__hostile = 1</script>",
      resourceType: "task",
      resourceGid: "999200000000009",
      resourceName: '<img src=x onerror="window.__hostile = 2">\ufffd\ufffd',
      details: JSON.stringify({ deep: JSON.parse(nested(2_000)) }),
      raw: `{"deep": ${nested(20_000)}}`,
    },
  ];
}

const INSERT = `
INSERT INTO audit_event (gid, workspace_gid, created_at, event_type, event_category, actor_type, actor_gid, actor_name, actor_email,
  resource_type, resource_subtype, resource_gid, resource_name, context_type, client_ip, user_agent, auth_method, oauth_app_name, details, raw)
SELECT e.gid, $2, e.created_at, e.event_type, e.category, e.actor_type, e.actor_gid, e.actor_name, e.actor_email,
  e.resource_type, e.resource_subtype, e.resource_gid, e.resource_name, e.context_type, e.ip::inet, e.user_agent, e.auth_method, e.oauth_app, e.details::jsonb, e.raw::json
FROM json_to_recordset($1::json) AS e(gid text, created_at timestamptz, event_type text, category text, actor_type text, actor_gid text, actor_name text,
  actor_email text, resource_type text, resource_subtype text, resource_gid text, resource_name text, context_type text, ip text, user_agent text,
  auth_method text, oauth_app text, details text, raw text)
ON CONFLICT (gid) DO NOTHING
RETURNING gid`;

/** The per-value rollup's rows of the workspace's events: one per value and month, `days` counted per day. */
const VALUE_ROWS = `
SELECT dimension, month, value, actor_type, array_agg(n ORDER BY d) AS days, sum(n)::int AS total
FROM (
  SELECT v.dimension, date_trunc('month', e.created_at AT TIME ZONE 'UTC')::date AS month, v.value, e.actor_type, d,
    (count(*) FILTER (WHERE extract(day FROM e.created_at AT TIME ZONE 'UTC') = d))::int AS n
  FROM audit_event AS e
  CROSS JOIN LATERAL (VALUES ('actor', e.actor_key), ('ip', host(e.client_ip)), ('oauth_app', e.oauth_app_name),
    ('sign_in_ip', CASE WHEN e.event_type = 'user_login_succeeded' THEN host(e.client_ip) END)) AS v(dimension, value)
  CROSS JOIN generate_series(1, 31) AS d
  WHERE e.workspace_gid = $1 AND e.gid = ANY($2::text[]) AND v.value IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5
) AS per_day
GROUP BY 1, 2, 3, 4`;

/** The rollups, actor and resource rows of the events just written ($2), as the sync keeps them (names cut at 1,000 in the resource table). */
const ROLLUPS = `
WITH e AS (SELECT * FROM audit_event WHERE workspace_gid = $1 AND gid = ANY($2::text[])),
hourly AS (
  INSERT INTO event_rollup_hourly AS r (bucket, workspace_gid, event_type, event_category, actor_type, count)
  SELECT date_trunc('hour', created_at, 'UTC'), workspace_gid, event_type, COALESCE(event_category, ''), actor_type, count(*) FROM e GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (bucket, workspace_gid, event_type, event_category, actor_type) DO UPDATE SET count = r.count + EXCLUDED.count
),
daily AS (
  INSERT INTO event_rollup_daily AS r (day, workspace_gid, event_type, event_category, actor_type, count)
  SELECT (created_at AT TIME ZONE 'UTC')::date, workspace_gid, event_type, COALESCE(event_category, ''), actor_type, count(*) FROM e GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (day, workspace_gid, event_type, event_category, actor_type) DO UPDATE SET count = r.count + EXCLUDED.count
),
facets_hourly AS (
  INSERT INTO event_facet_rollup_hourly AS r (bucket, workspace_gid, event_type, event_category, actor_type, resource_type, context_type, auth_method, count)
  SELECT date_trunc('hour', created_at, 'UTC'), workspace_gid, event_type, COALESCE(event_category, ''), actor_type,
    COALESCE(resource_type, ''), COALESCE(context_type, ''), COALESCE(auth_method, ''), count(*) FROM e GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (bucket, workspace_gid, event_type, event_category, actor_type, resource_type, context_type, auth_method) DO UPDATE SET count = r.count + EXCLUDED.count
),
facets_daily AS (
  INSERT INTO event_facet_rollup_daily AS r (day, workspace_gid, event_type, event_category, actor_type, resource_type, context_type, auth_method, count)
  SELECT (created_at AT TIME ZONE 'UTC')::date, workspace_gid, event_type, COALESCE(event_category, ''), actor_type,
    COALESCE(resource_type, ''), COALESCE(context_type, ''), COALESCE(auth_method, ''), count(*) FROM e GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (day, workspace_gid, event_type, event_category, actor_type, resource_type, context_type, auth_method) DO UPDATE SET count = r.count + EXCLUDED.count
),
actor_used AS (${ACTOR_USED_UPSERT("e")}
),
actors AS (
  INSERT INTO actor AS a (key, gid, actor_type, name, email, first_seen, last_seen, event_count)
  SELECT actor_key, min(actor_gid), min(actor_type), min(actor_name), min(actor_email), min(created_at), max(created_at), count(*) FROM e GROUP BY 1
  ON CONFLICT (key) DO UPDATE SET event_count = a.event_count + EXCLUDED.event_count, first_seen = LEAST(a.first_seen, EXCLUDED.first_seen), last_seen = GREATEST(a.last_seen, EXCLUDED.last_seen)
),
resources AS (
  INSERT INTO resource AS r (gid, resource_type, name, first_seen, last_seen)
  SELECT resource_gid, (array_agg(resource_type ORDER BY created_at DESC))[1], (array_agg(left(resource_name, 1000) ORDER BY created_at DESC))[1], min(created_at), max(created_at)
  FROM e WHERE resource_gid IS NOT NULL AND resource_name IS NOT NULL GROUP BY 1
  ON CONFLICT (gid) DO UPDATE SET first_seen = LEAST(r.first_seen, EXCLUDED.first_seen), last_seen = GREATEST(r.last_seen, EXCLUDED.last_seen),
    resource_type = CASE WHEN EXCLUDED.last_seen >= r.last_seen THEN COALESCE(EXCLUDED.resource_type, r.resource_type) ELSE r.resource_type END,
    name = CASE WHEN EXCLUDED.last_seen >= r.last_seen THEN EXCLUDED.name ELSE r.name END
)
INSERT INTO event_value_rollup_monthly AS r (dimension, month, value, actor_type, days, total)
${VALUE_ROWS}
ON CONFLICT (dimension, month, value, actor_type) DO UPDATE
SET days = (SELECT array_agg(a + b ORDER BY i) FROM unnest(r.days, EXCLUDED.days) WITH ORDINALITY AS x(a, b, i)), total = r.total + EXCLUDED.total`;

/** Takes the workspace's counts back out of the per-value rollup (its rows may be shared with other events). */
const SUBTRACT_VALUES = `
WITH ours AS (${VALUE_ROWS.replace("AND e.gid = ANY($2::text[])", "")}),
updated AS (
  UPDATE event_value_rollup_monthly AS r
  SET days = (SELECT array_agg(a - b ORDER BY i) FROM unnest(r.days, ours.days) WITH ORDINALITY AS x(a, b, i)), total = r.total - ours.total
  FROM ours WHERE (r.dimension, r.month, r.value, r.actor_type) = (ours.dimension, ours.month, ours.value, ours.actor_type)
  RETURNING r.dimension, r.month, r.value, r.actor_type, r.total
)
DELETE FROM event_value_rollup_monthly AS r USING updated
WHERE updated.total = 0 AND (r.dimension, r.month, r.value, r.actor_type) = (updated.dimension, updated.month, updated.value, updated.actor_type)`;

/** Writes events into the hostile workspace, with their rollups (an event already there is left as it is). */
export async function insertHostileEvents(client: pg.ClientBase, events = hostileEvents()): Promise<void> {
  await client.query("BEGIN");
  try {
    const rows = events.map((e) => ({
      gid: e.gid,
      created_at: e.createdAt,
      event_type: e.eventType,
      category: e.category,
      actor_type: e.actorType,
      actor_gid: e.actorGid,
      actor_name: e.actorName,
      actor_email: e.actorEmail ?? null,
      resource_type: e.resourceType ?? null,
      resource_subtype: e.resourceSubtype ?? null,
      resource_gid: e.resourceGid ?? null,
      resource_name: e.resourceName ?? null,
      context_type: e.contextType ?? null,
      ip: e.ip ?? null,
      user_agent: e.userAgent ?? null,
      auth_method: e.authMethod ?? null,
      oauth_app: e.oauthApp ?? null,
      details: e.details ?? null,
      raw: e.raw ?? "{}",
    }));
    const inserted = await client.query<{ gid: string }>(INSERT, [JSON.stringify(rows), HOSTILE_WORKSPACE]);
    await client.query(ROLLUPS, [HOSTILE_WORKSPACE, inserted.rows.map((r) => r.gid)]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

/** Takes them out again, rollups, actors and resources included, so that other specs count what they expect. */
export function removeHostileEvents(client: pg.ClientBase): Promise<void> {
  return removeWorkspaceEvents(client, HOSTILE_WORKSPACE);
}

/** Takes out every event of a workspace a test wrote, with what the sync wrote beside them. */
export async function removeWorkspaceEvents(client: pg.ClientBase, workspace: string): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query(SUBTRACT_VALUES, [workspace]);
    await client.query("DELETE FROM event_rollup_hourly WHERE workspace_gid = $1", [workspace]);
    await client.query("DELETE FROM event_rollup_daily WHERE workspace_gid = $1", [workspace]);
    await client.query("DELETE FROM event_facet_rollup_daily WHERE workspace_gid = $1", [workspace]);
    await client.query("DELETE FROM event_facet_rollup_hourly WHERE workspace_gid = $1", [workspace]);
    await client.query("DELETE FROM actor_used_value WHERE actor_key IN (SELECT actor_key FROM audit_event WHERE workspace_gid = $1)", [workspace]);
    await client.query("DELETE FROM actor WHERE key IN (SELECT actor_key FROM audit_event WHERE workspace_gid = $1)", [workspace]);
    await client.query("DELETE FROM resource WHERE gid IN (SELECT resource_gid FROM audit_event WHERE workspace_gid = $1)", [workspace]);
    await client.query("DELETE FROM audit_event WHERE workspace_gid = $1", [workspace]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}
