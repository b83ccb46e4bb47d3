import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import type { EventRow } from "./normalize";

type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

/**
 * The bulk write path of the sync: one statement per page. The page travels as a single
 * JSON parameter that PostgreSQL unpacks with json_to_recordset (far faster than Prisma's
 * createMany, and immune to the bind-parameter limit); `ON CONFLICT DO NOTHING` makes
 * replays harmless; data-modifying CTEs update the actor table from the rows that were
 * really new, in the same statement.
 */
export const INSERT_EVENTS = `
WITH incoming AS (
  SELECT * FROM json_to_recordset($1::json) AS r(
    gid text, workspace_gid text, created_at timestamptz, event_type text, event_category text,
    actor_type text, actor_gid text, actor_name text, actor_email text,
    resource_type text, resource_subtype text, resource_gid text, resource_name text, resource_email text,
    context_type text, client_ip inet, user_agent text, auth_method text, oauth_app_name text,
    details jsonb, raw json)
),
inserted AS (
  INSERT INTO audit_event (gid, workspace_gid, created_at, event_type, event_category,
    actor_type, actor_gid, actor_name, actor_email,
    resource_type, resource_subtype, resource_gid, resource_name, resource_email,
    context_type, client_ip, user_agent, auth_method, oauth_app_name, details, raw)
  SELECT DISTINCT ON (gid) gid, workspace_gid, created_at, event_type, event_category,
    actor_type, actor_gid, actor_name, actor_email,
    resource_type, resource_subtype, resource_gid, resource_name, resource_email,
    context_type, client_ip, user_agent, auth_method, oauth_app_name, details, raw
  FROM incoming
  ON CONFLICT (gid) DO NOTHING
  RETURNING actor_gid, actor_type, actor_name, actor_email, created_at
),
actors AS (
  INSERT INTO actor AS a (gid, actor_type, name, email, first_seen, last_seen, event_count)
  SELECT actor_gid, (array_agg(actor_type ORDER BY created_at DESC))[1],
         (array_agg(actor_name ORDER BY created_at DESC) FILTER (WHERE actor_name IS NOT NULL))[1],
         (array_agg(actor_email ORDER BY created_at DESC) FILTER (WHERE actor_email IS NOT NULL))[1],
         min(created_at), max(created_at), count(*)
  FROM inserted WHERE actor_gid IS NOT NULL
  GROUP BY actor_gid
  ON CONFLICT (gid) DO UPDATE SET
    event_count = a.event_count + EXCLUDED.event_count,
    first_seen = LEAST(a.first_seen, EXCLUDED.first_seen),
    last_seen = GREATEST(a.last_seen, EXCLUDED.last_seen),
    actor_type = CASE WHEN EXCLUDED.last_seen >= a.last_seen THEN EXCLUDED.actor_type ELSE a.actor_type END,
    name = CASE WHEN EXCLUDED.last_seen >= a.last_seen THEN COALESCE(EXCLUDED.name, a.name) ELSE COALESCE(a.name, EXCLUDED.name) END,
    email = CASE WHEN EXCLUDED.last_seen >= a.last_seen THEN COALESCE(EXCLUDED.email, a.email) ELSE COALESCE(a.email, EXCLUDED.email) END
)
SELECT (SELECT count(*) FROM inserted)::int AS inserted`;

/** Inserts a page of events; returns how many were new. */
export async function insertEventBatch(tx: Tx, rows: EventRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await tx.$queryRawUnsafe<{ inserted: number }[]>(INSERT_EVENTS, JSON.stringify(rows));
  return result[0]?.inserted ?? 0;
}

export interface QuarantineRecord {
  payload: unknown;
  reason: string;
}

/** Keeps malformed upstream records aside, once each, with the reason. Returns how many were new. */
export async function quarantineRecords(tx: Tx, workspaceGid: string, syncRunId: number, records: QuarantineRecord[]): Promise<number> {
  if (records.length === 0) return 0;
  const rows = records.map((r) => {
    const payload = JSON.stringify(r.payload ?? null);
    const gid = typeof (r.payload as { gid?: unknown })?.gid === "string" ? (r.payload as { gid: string }).gid : null;
    return { workspace_gid: workspaceGid, sync_run_id: syncRunId, gid, reason: r.reason, payload: r.payload ?? null, payload_hash: createHash("sha256").update(payload).digest("hex") };
  });
  return tx.$executeRawUnsafe(
    `INSERT INTO quarantined_event (workspace_gid, sync_run_id, gid, reason, payload, payload_hash)
     SELECT workspace_gid, sync_run_id, gid, reason, payload, payload_hash
     FROM json_to_recordset($1::json) AS r(workspace_gid text, sync_run_id int, gid text, reason text, payload json, payload_hash text)
     ON CONFLICT (workspace_gid, payload_hash) DO NOTHING`,
    JSON.stringify(rows),
  );
}

export type { Tx };
