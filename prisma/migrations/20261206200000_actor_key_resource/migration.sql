-- Every actor gets an identity (issue #16, case 1). Asana gives a gid only to users; external
-- administrators, Asana support, anonymous callers and Asana itself come with a name and/or an
-- e-mail, or nothing, and were invisible wherever the actor was found by gid. actor_key() is
-- their identity: the gid when there is one, else the actor type and the e-mail (lower-cased:
-- one mailbox is one person), else the type and the name, else the type alone. The column
-- is generated from that function, so rows stored by the sync's insert statement
-- (lib/sync/store.ts) and rows filled by this migration get the same key. A key is at most 200 characters: a longer one (a 200,000-character name) is
-- cut and ends with a hash of the whole, so different values stay different.

CREATE FUNCTION bounded_key(k text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN length(k) <= 200 THEN k ELSE left(k, 183) || '…' || left(encode(sha256(convert_to(k, 'UTF8')), 'hex'), 16) END
$$;

-- Control characters in a name or e-mail become U+FFFD in the key (never in the events), so
-- that every key can travel in a link and an explorer filter, which refuse them. Its search
-- path is fixed where it is created: pg_restore runs with an empty one, and would not find
-- bounded_key() while it fills the generated column.
CREATE FUNCTION actor_key(actor_type text, gid text, email text, name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path FROM CURRENT AS $$
  SELECT bounded_key(CASE
    WHEN gid IS NOT NULL THEN gid
    WHEN email IS NOT NULL THEN regexp_replace(COALESCE(actor_type, '') || ':email:' || lower(email), '[\x01-\x1f\x7f]', U&'\FFFD', 'g')
    WHEN name IS NOT NULL THEN regexp_replace(COALESCE(actor_type, '') || ':name:' || name, '[\x01-\x1f\x7f]', U&'\FFFD', 'g')
    ELSE actor_type END)
$$;

-- A stored generated column: every way a row is written (the sync's insert statement, a test,
-- a restore) gets the same key, and adding it fills every existing row in one table rewrite.
ALTER TABLE "audit_event" ADD COLUMN "actor_key" TEXT NOT NULL GENERATED ALWAYS AS (actor_key("actor_type", "actor_gid", "actor_email", "actor_name")) STORED;

-- The (actor_key, created_at) index replaces (actor_gid, created_at), under the same name:
-- for users the key is the gid, so it is the same size, and it serves every actor.
DROP INDEX "audit_event_actor_time_idx";
CREATE INDEX "audit_event_actor_time_idx" ON "audit_event"("actor_key", "created_at" DESC);

-- The actor table is keyed by the same key; the gid is the user's, null for the others.
ALTER TABLE "actor" RENAME COLUMN "gid" TO "key";
ALTER TABLE "actor" ADD COLUMN "gid" TEXT;
UPDATE "actor" SET "gid" = "key";
INSERT INTO "actor" ("key", "gid", "actor_type", "name", "email", "first_seen", "last_seen", "event_count")
SELECT "actor_key", NULL, (array_agg("actor_type" ORDER BY "created_at" DESC))[1],
       (array_agg(left("actor_name", 1000) ORDER BY "created_at" DESC) FILTER (WHERE "actor_name" IS NOT NULL))[1],
       (array_agg("actor_email" ORDER BY "created_at" DESC) FILTER (WHERE "actor_email" IS NOT NULL))[1],
       min("created_at"), max("created_at"), count(*)
FROM "audit_event" WHERE "actor_gid" IS NULL
GROUP BY "actor_key";

-- The per-value rollup's 'actor' values are keys: the gids already are; add the others.
INSERT INTO "event_value_rollup_monthly" ("dimension", "month", "value", "actor_type", "days", "total")
SELECT 'actor', date_trunc('month', "created_at" AT TIME ZONE 'UTC')::date, "actor_key", "actor_type",
       day_counts(extract(day FROM "created_at" AT TIME ZONE 'UTC')::int), count(*)
FROM "audit_event" WHERE "actor_gid" IS NULL
GROUP BY 1, 2, 3, 4;

-- The last known name of every resource (issue #16, case 5): a resource deleted, or named in
-- none of its later events, is still shown by the name an earlier event gave it. Only events
-- that carry a name count, so a resource never named (a search) takes no row. The copy of the
-- name is cut like the actor table's; the events keep it whole. Free room in each block makes
-- the sync's updates HOT, as for the actor table.
CREATE TABLE "resource" (
    "gid" TEXT NOT NULL,
    "resource_type" TEXT,
    "name" TEXT NOT NULL,
    "first_seen" TIMESTAMPTZ(3) NOT NULL,
    "last_seen" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "resource_pkey" PRIMARY KEY ("gid")
) WITH (fillfactor = 70);

INSERT INTO "resource" ("gid", "resource_type", "name", "first_seen", "last_seen")
SELECT "resource_gid", (array_agg("resource_type" ORDER BY "created_at" DESC))[1],
       (array_agg(left("resource_name", 1000) ORDER BY "created_at" DESC))[1], min("created_at"), max("created_at")
FROM "audit_event" WHERE "resource_gid" IS NOT NULL AND "resource_name" IS NOT NULL
GROUP BY "resource_gid";
