-- Free text (lib/events/where.ts) matches one text per event: its names, e-mails, OAuth app
-- and details, a newline between fields so that a term never spans two. Read row by row, a
-- term found nowhere meant reading every event (10.6 s at ten million); this trigram index
-- finds the few events holding a rare term directly (tens of milliseconds), at about
-- 133 MiB per million events. The function is the one spelling of that text: the index and
-- every query write it the same way, so the planner can match them (an immutable SQL
-- function is inlined in both).
CREATE OR REPLACE FUNCTION audit_event_text(actor_name text, actor_email text, resource_name text, resource_email text, oauth_app_name text, details jsonb)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN coalesce(actor_name, '') || E'\n' || coalesce(actor_email, '') || E'\n' || coalesce(resource_name, '') || E'\n'
  || coalesce(resource_email, '') || E'\n' || coalesce(oauth_app_name, '') || E'\n' || coalesce(details::text, '');

-- A GIN build sorts its entries in memory: more of it makes the build on an existing archive
-- several times faster (this session only).
SET maintenance_work_mem = '512MB';
CREATE INDEX "audit_event_text_trgm_idx" ON "audit_event" USING GIN (
  (audit_event_text("actor_name", "actor_email", "resource_name", "resource_email", "oauth_app_name", "details") COLLATE "C") gin_trgm_ops
);
RESET maintenance_work_mem;
