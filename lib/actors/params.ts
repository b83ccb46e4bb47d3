/** The actor list's sorts and page sizes (its URL: search-params.ts). */
export const ACTOR_SORTS = ["last_seen", "first_seen", "events", "name"] as const;
export type ActorSort = (typeof ACTOR_SORTS)[number];
export const ACTOR_SORT_LABELS: Record<ActorSort, string> = { last_seen: "Last seen", first_seen: "First seen", events: "Most events", name: "Name" };

export const ACTOR_PAGE_SIZE = 50;
/** Events per timeline page (actor and resource): a day of a busy actor, a month of most. */
export const TIMELINE_PAGE_SIZE = 100;
/** Days of activity in each row's sparkline. */
export const SPARKLINE_DAYS = 30;
