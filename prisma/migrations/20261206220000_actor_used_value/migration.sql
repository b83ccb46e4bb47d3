-- What each actor used (an address, a user agent, an auth method, an OAuth app), with its
-- first and last use and count: the actor profile panel reads these few rows instead of every
-- event of the actor (lib/actors/get-actor-profile.ts). Kept by the sync's insert statement
-- (lib/sync/store.ts, ACTOR_USED_UPSERT) in the same transaction as the events.
-- kind: 0 ip, 1 user agent, 2 auth method, 3 OAuth app, 4 exports (value '': the actor's
-- first export). A value is keyed by its md5 (a user agent can be 200,000
-- characters) and kept cut at 1,000 characters with its whole length. A *_key is the event's
-- UTC time as YYYYMMDDHH24MISSMS, a space and its gid: the smallest is the earliest event,
-- ties going to the lower gid, as (created_at, gid) orders them.

-- CreateTable
CREATE TABLE "actor_used_value" (
    "actor_key" TEXT NOT NULL,
    "kind" SMALLINT NOT NULL,
    "value_hash" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "value_length" INTEGER NOT NULL,
    "first_seen" TIMESTAMPTZ(3) NOT NULL,
    "last_seen" TIMESTAMPTZ(3) NOT NULL,
    "first_key" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "first_sign_in_key" TEXT,

    CONSTRAINT "actor_used_value_pkey" PRIMARY KEY ("actor_key","kind","value_hash")
);

-- Backfill from the events already stored (the statement the sync runs per page).
INSERT INTO actor_used_value (actor_key, kind, value_hash, value, value_length, first_seen, last_seen, first_key, n, first_sign_in_key)
SELECT actor_key, kind, value_hash, min(value), min(value_length), min(created_at), max(created_at), min(first_key), count(*),
  min(first_key) FILTER (WHERE event_type = 'user_login_succeeded')
FROM (
  SELECT e.actor_key, e.created_at, e.event_type, v.kind, md5(v.value) AS value_hash, left(v.value, 1000) AS value, length(v.value) AS value_length,
    to_char(e.created_at AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISSMS') || ' ' || e.gid AS first_key
  FROM audit_event AS e
  CROSS JOIN LATERAL (VALUES (0, host(e.client_ip)), (1, e.user_agent), (2, e.auth_method), (3, e.oauth_app_name),
    (4, CASE WHEN e.event_category = 'content_export' AND e.event_type <> 'attachment_downloaded' THEN '' END)) AS v(kind, value)
  WHERE v.value IS NOT NULL
) AS i
GROUP BY 1, 2, 3;
