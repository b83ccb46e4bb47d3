import "server-only";
import { db } from "@/lib/db/client";
import { LIST_TEXT_MAX } from "@/lib/events/event-row";
import type { KnownNamesInput } from "./search-params";

export interface KnownActor {
  key: string;
  actorType: string;
  name: string | null;
  email: string | null;
}

export interface KnownResource {
  gid: string;
  resourceType: string | null;
  /** The newest name an event gave it: a resource deleted since, or never named again, keeps it. */
  name: string;
}

/** Arrays, not objects keyed by value: a key may be `__proto__`. */
export interface KnownNames {
  actors: KnownActor[];
  resources: KnownResource[];
}

/**
 * Who the actor keys and resource gids that a page shows by id are, from the two small tables
 * the sync keeps (actor, resource): one primary-key lookup each, whatever the archive's size.
 * Values nobody knows are left out.
 */
export async function knownNames(input: KnownNamesInput): Promise<KnownNames> {
  const [actors, resources] = await Promise.all([
    input.actor.length === 0
      ? []
      : db().$queryRaw<KnownActor[]>`
          SELECT key, actor_type AS "actorType", left(name, ${LIST_TEXT_MAX}) AS name, left(email, ${LIST_TEXT_MAX}) AS email
          FROM actor WHERE key = ANY(${input.actor}::text[]) ORDER BY key`,
    input.resource.length === 0
      ? []
      : db().$queryRaw<KnownResource[]>`
          SELECT gid, resource_type AS "resourceType", left(name, ${LIST_TEXT_MAX}) AS name
          FROM resource WHERE gid = ANY(${input.resource}::text[]) ORDER BY gid`,
  ]);
  return { actors, resources };
}
