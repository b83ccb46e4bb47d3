import type pg from "pg";
import { dbPool } from "@/lib/db/client";
import { storableText } from "@/lib/db/storable-text";
import type { Alteration } from "@/lib/events/alterations";

/** A connection inside a write transaction (see inWriteTransaction). */
export type Tx = pg.PoolClient;

/**
 * Runs `work` in one transaction on a connection of db()'s pool: the sync's page writes, with
 * the events, their rollups and the cursor after them. It commits without waiting for the
 * disk: losing the newest commits in a database crash loses their cursor with them, so it
 * only means fetching those pages again. A statement running two minutes is given up.
 */
export async function inWriteTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await dbPool().connect();
  let broken = false;
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL synchronous_commit = off; SET LOCAL statement_timeout = 120000");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    broken = await client.query("ROLLBACK").then(() => false, () => true);
    throw error;
  } finally {
    // A connection that could not even roll back is closed rather than reused.
    client.release(broken);
  }
}

/**
 * The bulk write path of the sync: one statement per page. Two ways in, one way on:
 *
 * - INSERT_PAGE, for almost every page: the page goes to PostgreSQL as the text Asana sent,
 *   in a single parameter; PostgreSQL splits it into events (each one's original JSON kept as
 *   is in `raw`) and extracts the columns itself, so nothing is serialised twice on the way.
 * - INSERT_RECORDS, for a page holding something PostgreSQL cannot take as it is (see
 *   write-page.ts): each record's original text, the rewritten text to extract columns from
 *   (null when the original will do) and what was altered, as three arrays.
 *
 * `ON CONFLICT DO NOTHING` makes replays harmless; data-modifying CTEs keep the actor table
 * (keyed by actor_key(), see its migration) and the resource table (last known names) up to
 * date from the rows that were really new. More CTEs over the same really-new rows keep the
 * rollups the charts and the facet panel read (event_rollup_hourly, event_rollup_daily,
 * event_facet_rollup_hourly and _daily, event_value_rollup_monthly: per actor, address, OAuth
 * app, and address of a successful sign-in for the world map) and what each actor used
 * (actor_used_value, the actor profile's). Being part of this statement, they commit or roll
 * back with the events themselves, so a replayed page adds nothing and a crash loses nothing: they
 * always equal a count over audit_event. Their rows are upserted in key order so that two
 * writers touching the same hour lock rows in the same order and wait for each other rather
 * than deadlock. Hours and days are UTC, whatever the session's time zone. The per-value
 * rollup's days of the month are counted by day_counts() and added by add_day_counts(),
 * defined in the migration of that name. An event stored into a day already sealed
 * (lib/integrity) is counted on that day (`late_stored`), in the same statement, so that its
 * reseal is told from an alteration made behind the app's back. The really-new events' gids
are queued for the detection rules (detection_queue, lib/detections/judge.ts) in the same
statement, so a crash after the commit still leaves them to be judged.
 *
 * `incoming` is MATERIALIZED so that each event is parsed into jsonb once, not once for
 * every column read from it.
 */
/**
 * The actor table's copy of a name is cut here: it feeds a trigram index, whose work grows
 * with every distinct trigram, and a 200,000-character name would cost a page seconds. The
 * resource table's copy is cut alike, to keep its rows small. The events keep the whole name.
 */
const ACTOR_NAME_MAX = 1_000;

/**
 * Upserts what the actors of `source` (rows with audit_event's columns) used into
 * actor_used_value (see its migration), in key order like the rollups. Shared by the sync's
 * statement and the test helper that writes hostile rows.
 */
export const ACTOR_USED_UPSERT = (source: string) => `
  INSERT INTO actor_used_value AS u (actor_key, kind, value_hash, value, value_length, first_seen, last_seen, first_key, n, first_sign_in_key)
  SELECT actor_key, kind, value_hash, min(value), min(value_length), min(created_at), max(created_at), min(first_key), count(*),
    min(first_key) FILTER (WHERE event_type = 'user_login_succeeded')
  FROM (
    -- Each value hashed and cut once, and grouped by its hash: a value can be 200,000 characters.
    SELECT e.actor_key, e.created_at, e.event_type, v.kind, md5(v.value) AS value_hash, left(v.value, 1000) AS value, length(v.value) AS value_length,
      to_char(e.created_at AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISSMS') || ' ' || e.gid AS first_key
    FROM ${source} AS e
    CROSS JOIN LATERAL (VALUES (0, host(e.client_ip)), (1, e.user_agent), (2, e.auth_method), (3, e.oauth_app_name),
      (4, CASE WHEN e.event_category = 'content_export' AND e.event_type <> 'attachment_downloaded' THEN '' END)) AS v(kind, value)
    WHERE v.value IS NOT NULL
  ) AS i
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT (actor_key, kind, value_hash) DO UPDATE SET
    first_seen = LEAST(u.first_seen, EXCLUDED.first_seen), last_seen = GREATEST(u.last_seen, EXCLUDED.last_seen),
    first_key = LEAST(u.first_key, EXCLUDED.first_key), n = u.n + EXCLUDED.n,
    first_sign_in_key = LEAST(u.first_sign_in_key, EXCLUDED.first_sign_in_key)`;

const STORE_INCOMING = (workspace: string) => `
inserted AS (
  INSERT INTO audit_event (gid, workspace_gid, created_at, event_type, event_category,
    actor_type, actor_gid, actor_name, actor_email,
    resource_type, resource_subtype, resource_gid, resource_name, resource_email,
    context_type, client_ip, user_agent, auth_method, oauth_app_name, details, raw, alterations)
  SELECT j->>'gid', ${workspace}, (j->>'created_at')::timestamptz, j->>'event_type', NULLIF(j->>'event_category', ''),
    j->'actor'->>'actor_type', NULLIF(j->'actor'->>'gid', ''), NULLIF(j->'actor'->>'name', ''), NULLIF(j->'actor'->>'email', ''),
    NULLIF(j->'resource'->>'resource_type', ''), NULLIF(j->'resource'->>'resource_subtype', ''), NULLIF(j->'resource'->>'gid', ''),
    NULLIF(j->'resource'->>'name', ''), NULLIF(j->'resource'->>'email', ''),
    NULLIF(j->'context'->>'context_type', ''), NULLIF(j->'context'->>'client_ip_address', '')::inet,
    NULLIF(j->'context'->>'user_agent', ''), NULLIF(j->'context'->>'api_authentication_method', ''),
    NULLIF(j->'context'->>'oauth_app_name', ''), NULLIF(j->'details', 'null'::jsonb), raw, alt
  FROM incoming
  ON CONFLICT (gid) DO NOTHING
  RETURNING gid, workspace_gid, created_at, event_type, event_category, actor_type, actor_gid, actor_name, actor_email, actor_key,
    resource_type, resource_gid, resource_name, client_ip, user_agent, oauth_app_name, context_type, auth_method
),
actor_used AS (${ACTOR_USED_UPSERT("inserted")}
),
actors AS (
  INSERT INTO actor AS a (key, gid, actor_type, name, email, first_seen, last_seen, event_count)
  SELECT actor_key, (array_agg(actor_gid ORDER BY created_at DESC) FILTER (WHERE actor_gid IS NOT NULL))[1], (array_agg(actor_type ORDER BY created_at DESC))[1],
         (array_agg(left(actor_name, ${ACTOR_NAME_MAX}) ORDER BY created_at DESC) FILTER (WHERE actor_name IS NOT NULL))[1],
         (array_agg(actor_email ORDER BY created_at DESC) FILTER (WHERE actor_email IS NOT NULL))[1],
         min(created_at), max(created_at), count(*)
  FROM inserted
  GROUP BY actor_key
  ON CONFLICT (key) DO UPDATE SET
    event_count = a.event_count + EXCLUDED.event_count,
    first_seen = LEAST(a.first_seen, EXCLUDED.first_seen),
    last_seen = GREATEST(a.last_seen, EXCLUDED.last_seen),
    actor_type = CASE WHEN EXCLUDED.last_seen >= a.last_seen THEN EXCLUDED.actor_type ELSE a.actor_type END,
    name = CASE WHEN EXCLUDED.last_seen >= a.last_seen THEN COALESCE(EXCLUDED.name, a.name) ELSE COALESCE(a.name, EXCLUDED.name) END,
    email = CASE WHEN EXCLUDED.last_seen >= a.last_seen THEN COALESCE(EXCLUDED.email, a.email) ELSE COALESCE(a.email, EXCLUDED.email) END
),
resources AS (
  INSERT INTO resource AS r (gid, resource_type, name, first_seen, last_seen)
  SELECT resource_gid, (array_agg(resource_type ORDER BY created_at DESC))[1], (array_agg(left(resource_name, ${ACTOR_NAME_MAX}) ORDER BY created_at DESC))[1],
         min(created_at), max(created_at)
  FROM inserted WHERE resource_gid IS NOT NULL AND resource_name IS NOT NULL
  GROUP BY resource_gid
  ORDER BY resource_gid
  ON CONFLICT (gid) DO UPDATE SET
    first_seen = LEAST(r.first_seen, EXCLUDED.first_seen),
    last_seen = GREATEST(r.last_seen, EXCLUDED.last_seen),
    resource_type = CASE WHEN EXCLUDED.last_seen >= r.last_seen THEN COALESCE(EXCLUDED.resource_type, r.resource_type) ELSE r.resource_type END,
    name = CASE WHEN EXCLUDED.last_seen >= r.last_seen THEN EXCLUDED.name ELSE r.name END
),
hourly AS (
  INSERT INTO event_rollup_hourly AS r (bucket, workspace_gid, event_type, event_category, actor_type, count)
  SELECT date_trunc('hour', created_at, 'UTC'), workspace_gid, event_type, COALESCE(event_category, ''), actor_type, count(*)
  FROM inserted
  GROUP BY 1, 2, 3, 4, 5
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (bucket, workspace_gid, event_type, event_category, actor_type) DO UPDATE SET count = r.count + EXCLUDED.count
),
daily AS (
  INSERT INTO event_rollup_daily AS r (day, workspace_gid, event_type, event_category, actor_type, count)
  SELECT (created_at AT TIME ZONE 'UTC')::date, workspace_gid, event_type, COALESCE(event_category, ''), actor_type, count(*)
  FROM inserted
  GROUP BY 1, 2, 3, 4, 5
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (day, workspace_gid, event_type, event_category, actor_type) DO UPDATE SET count = r.count + EXCLUDED.count
),
facets_hourly AS (
  INSERT INTO event_facet_rollup_hourly AS r (bucket, workspace_gid, event_type, event_category, actor_type, resource_type, context_type, auth_method, count)
  SELECT date_trunc('hour', created_at, 'UTC'), workspace_gid, event_type, COALESCE(event_category, ''), actor_type,
    COALESCE(resource_type, ''), COALESCE(context_type, ''), COALESCE(auth_method, ''), count(*)
  FROM inserted
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (bucket, workspace_gid, event_type, event_category, actor_type, resource_type, context_type, auth_method) DO UPDATE SET count = r.count + EXCLUDED.count
),
facets_daily AS (
  INSERT INTO event_facet_rollup_daily AS r (day, workspace_gid, event_type, event_category, actor_type, resource_type, context_type, auth_method, count)
  SELECT (created_at AT TIME ZONE 'UTC')::date, workspace_gid, event_type, COALESCE(event_category, ''), actor_type,
    COALESCE(resource_type, ''), COALESCE(context_type, ''), COALESCE(auth_method, ''), count(*)
  FROM inserted
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (day, workspace_gid, event_type, event_category, actor_type, resource_type, context_type, auth_method) DO UPDATE SET count = r.count + EXCLUDED.count
),
monthly_values AS (
  INSERT INTO event_value_rollup_monthly AS r (dimension, month, value, actor_type, days, total)
  SELECT v.dimension, date_trunc('month', i.utc)::date, v.value, i.actor_type, day_counts(i.dom), count(*)
  FROM (SELECT *, created_at AT TIME ZONE 'UTC' AS utc, extract(day FROM created_at AT TIME ZONE 'UTC')::int AS dom FROM inserted) AS i
  CROSS JOIN LATERAL (VALUES ('actor', i.actor_key), ('ip', host(i.client_ip)), ('oauth_app', i.oauth_app_name),
    ('sign_in_ip', CASE WHEN i.event_type = 'user_login_succeeded' THEN host(i.client_ip) END)) AS v(dimension, value)
  WHERE v.value IS NOT NULL
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (dimension, month, value, actor_type) DO UPDATE SET days = add_day_counts(r.days, EXCLUDED.days), total = r.total + EXCLUDED.total
),
late_into_sealed AS (
  UPDATE coverage_day AS c SET late_stored = c.late_stored + i.n
  FROM (SELECT workspace_gid, (created_at AT TIME ZONE 'UTC')::date AS day, count(*)::int AS n FROM inserted GROUP BY 1, 2) AS i
  WHERE c.workspace_gid = i.workspace_gid AND c.day = i.day AND c.sealed_at IS NOT NULL
),
queued AS (
  INSERT INTO detection_queue (gids) SELECT array_agg(gid) FROM inserted HAVING count(*) > 0
)
SELECT (SELECT count(*) FROM inserted)::int AS inserted`;

/** $1: the page's text, $2: 1-based positions of records to leave out (quarantined), $3: the workspace. */
export const INSERT_PAGE = `
WITH incoming AS MATERIALIZED (
  SELECT e::text AS raw, e::jsonb AS j, NULL::jsonb AS alt
  FROM json_array_elements($1::json -> 'data') WITH ORDINALITY AS t(e, n)
  WHERE NOT (n = ANY($2::int[]))
),${STORE_INCOMING("$3")}`;

/** $1: each record's original text, $2: the text to read columns from (null: the original), $3: alterations (JSON), $4: the workspace. */
export const INSERT_RECORDS = `
WITH incoming AS MATERIALIZED (
  SELECT raw, COALESCE(safe, raw)::jsonb AS j, alt::jsonb AS alt
  FROM unnest($1::text[], $2::text[], $3::text[]) AS t(raw, safe, alt)
),${STORE_INCOMING("$4")}`;

export interface PageToStore {
  workspaceGid: string;
  /** The answer's body: `{ "data": [...], "next_page": ... }`. */
  text: string;
  /** 1-based positions in `data` of records kept aside. */
  skip: number[];
}

/**
 * Inserts a page of events; returns how many were new. A named statement: each connection
 * plans it once, not once a page.
 */
export async function insertEventPage(tx: Tx, page: PageToStore): Promise<number> {
  const result = await tx.query<{ inserted: number }>({ name: "insert_event_page", text: INSERT_PAGE, values: [page.text, page.skip, page.workspaceGid] });
  return result.rows[0]?.inserted ?? 0;
}

export interface RecordToStore {
  /** The record's text exactly as Asana sent it. */
  raw: string;
  /** What to read the columns from, when the original cannot be (see sanitize-record.ts). */
  safe: string | null;
  alterations: Alteration[];
}

/** Inserts records one by one as given; returns how many were new. */
export async function insertEventRecords(tx: Tx, workspaceGid: string, records: readonly RecordToStore[]): Promise<number> {
  const result = await tx.query<{ inserted: number }>({
    name: "insert_event_records",
    text: INSERT_RECORDS,
    values: [records.map((r) => r.raw), records.map((r) => r.safe), records.map((r) => (r.alterations.length > 0 ? JSON.stringify(r.alterations) : null)), workspaceGid],
  });
  return result.rows[0]?.inserted ?? 0;
}

export interface QuarantineRecord {
  /** The record's text as Asana sent it. */
  text: string;
  reason: string;
}

/** The gid a record that is not an event claims to have, for the list of quarantined records. */
function claimedGid(text: string): string | null {
  try {
    const gid = (JSON.parse(text) as { gid?: unknown } | null)?.gid;
    return typeof gid === "string" ? storableText(gid, 200) : null;
  } catch {
    return null;
  }
}

/** Keeps upstream records aside, once each, with the reason. Returns how many were new. */
export async function quarantineRecords(tx: Tx, workspaceGid: string, syncRunId: number, records: readonly QuarantineRecord[]): Promise<number> {
  if (records.length === 0) return 0;
  const result = await tx.query(
    `INSERT INTO quarantined_event (workspace_gid, sync_run_id, gid, reason, payload, payload_hash)
     SELECT $1, $2, gid, reason, payload, encode(sha256(convert_to(payload, 'UTF8')), 'hex')
     FROM unnest($3::text[], $4::text[], $5::text[]) AS r(gid, reason, payload)
     ON CONFLICT (workspace_gid, payload_hash) DO NOTHING`,
    [workspaceGid, syncRunId, records.map((r) => claimedGid(r.text)), records.map((r) => storableText(r.reason, 2_000)), records.map((r) => r.text)],
  );
  return result.rowCount ?? 0;
}
