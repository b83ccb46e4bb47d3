-- Trigram search over the actor table (names and e-mails), for the event explorer's actor
-- filter. pg_trgm ships with PostgreSQL's contrib modules, the embedded server's included.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "actor_name_trgm_idx" ON "actor" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "actor_email_trgm_idx" ON "actor" USING GIN ("email" gin_trgm_ops);
