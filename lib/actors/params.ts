import { createLoader, createSerializer, parseAsInteger, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { ACTOR_TYPES } from "@/lib/asana/vocabulary";

/**
 * The actor list's URL state (`/actors?q=ann&type=user&sort=events&page=2`), read by the
 * server page and bound by the client: allowed values are declared once here.
 */
export const ACTOR_SORTS = ["last_seen", "first_seen", "events", "name"] as const;
export type ActorSort = (typeof ACTOR_SORTS)[number];
export const ACTOR_SORT_LABELS: Record<ActorSort, string> = { last_seen: "Last seen", first_seen: "First seen", events: "Most events", name: "Name" };

export const ACTOR_PAGE_SIZE = 50;
/** Events per timeline page (actor and resource): a day of a busy actor, a month of most. */
export const TIMELINE_PAGE_SIZE = 100;
/** Days of activity in each row's sparkline. */
export const SPARKLINE_DAYS = 30;

export const actorListParsers = {
  q: parseAsString.withDefault(""),
  type: parseAsStringLiteral(ACTOR_TYPES),
  sort: parseAsStringLiteral(ACTOR_SORTS).withDefault("last_seen"),
  page: parseAsInteger.withDefault(1),
};

export const loadActorListParams = createLoader(actorListParsers);
export const serializeActorListParams = createSerializer(actorListParsers);

export interface ActorListInput {
  q: string;
  type: (typeof ACTOR_TYPES)[number] | null;
  sort: ActorSort;
  page: number;
}
