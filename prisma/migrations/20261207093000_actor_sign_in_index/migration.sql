-- An actor's successful sign-ins, newest first (the actor page's sign-ins and the trip from each
-- one before; lib/actors/get-actor-sign-ins.ts). Through the (actor_key, created_at) index a
-- person who signs in once among 200,000 API events would read all of them; here each page
-- reads its own rows. Partial (Prisma keeps the predicate): sign-ins are about a third of the
-- events, and no other event type is read this way.
CREATE INDEX "audit_event_sign_in_idx" ON "audit_event"("actor_key", "created_at" DESC, "gid" DESC) WHERE "event_type" = 'user_login_succeeded';
