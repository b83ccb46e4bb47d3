import { getActorIdentity, getActorProfile } from "@/lib/actors/get-actor-profile";
import { getActorActivity, getActorTimeline } from "@/lib/actors/get-actor-timeline";
import { TIMELINE_PAGE_SIZE } from "@/lib/actors/params";
import { db } from "@/lib/db/client";
import { registerShape } from "@/lib/events/bench-kit";
import { filterOf, type EventFilter } from "@/lib/events/filters";
import { loadPanel } from "./load-panel";
import { STAT_PANELS, type MapSubject } from "./panels";

/**
 * The overview's and the actor timeline's shapes for `npm run bench:queries`. One run of a
 * shape is everything one page load asks the database for, in turn, serialised as the routes
 * would answer: its time is the page's total server time.
 */
const OVERVIEW_TARGET_MS = 300;
const TIMELINE_TARGET_MS = 150;
/** Issue #19: the world map panel alone. */
const MAP_TARGET_MS = 100;
export const OVERVIEW_GROUP = "overview (every panel of one load, in turn)";
export const TIMELINE_GROUP = "actor timeline (identity, activity, first page)";
const PROFILE_GROUP = "actor profile panel (what they used, loaded beside the timeline)";
export const MAP_GROUP = "world map panel (events or sign-ins by country)";
export const STATS_GROUPS: readonly string[] = [OVERVIEW_GROUP, TIMELINE_GROUP, PROFILE_GROUP, MAP_GROUP];

async function overview(filter: EventFilter): Promise<void> {
  const now = new Date();
  for (const panel of STAT_PANELS) JSON.stringify(await loadPanel(panel, filter, { stack: "category", now }));
}

async function timeline(gid: string, filter: EventFilter): Promise<void> {
  const now = new Date();
  JSON.stringify(await getActorIdentity(gid));
  JSON.stringify(await getActorActivity(gid, filter, now));
  JSON.stringify(await getActorTimeline(gid, filter, { sort: "newest", size: TIMELINE_PAGE_SIZE, page: null }, now));
}

export async function registerStatsShapes(runs: number): Promise<void> {
  const [actors] = await db().$queryRaw<{ busy: string; typical: string }[]>`
    SELECT (SELECT key FROM actor WHERE gid IS NOT NULL ORDER BY event_count DESC, key LIMIT 1) AS busy,
           (SELECT key FROM actor WHERE gid IS NOT NULL ORDER BY event_count, key OFFSET (SELECT count(*) / 2 FROM actor) LIMIT 1) AS typical`;
  const { busy, typical } = actors!;
  const all = { kind: "relative", last: "all" } as const;
  const view = (name: string, filter: EventFilter) => registerShape({ group: OVERVIEW_GROUP, name, targetP95Ms: OVERVIEW_TARGET_MS, runs, run: () => overview(filter) });
  view("last 7 days (the default view)", filterOf());
  view("last 24 hours", filterOf({ time: { kind: "relative", last: "24h" } }));
  view("last 30 days", filterOf({ time: { kind: "relative", last: "30d" } }));
  view("all time", filterOf({ time: all }));
  view("30 days, users only", filterOf({ time: { kind: "relative", last: "30d" }, include: { actorType: ["user"] } }));
  view("30 days, admin settings and roles", filterOf({ time: { kind: "relative", last: "30d" }, include: { category: ["admin_settings", "roles"] } }));
  view("30 days, one IP range (no rollup applies)", filterOf({ time: { kind: "relative", last: "30d" }, include: { ip: ["10.0.0.0/8"] } }));

  const map = (name: string, filter: EventFilter, subject: MapSubject) =>
    registerShape({ group: MAP_GROUP, name, targetP95Ms: MAP_TARGET_MS, runs, run: async () => JSON.stringify(await loadPanel("map", filter, { stack: "category", map: subject })) });
  map("events, last 7 days (the default view)", filterOf(), "events");
  map("events, last 30 days", filterOf({ time: { kind: "relative", last: "30d" } }), "events");
  map("events, all time", filterOf({ time: all }), "events");
  map("events, 30 days, users only", filterOf({ time: { kind: "relative", last: "30d" }, include: { actorType: ["user"] } }), "events");
  map("sign-ins, last 7 days", filterOf(), "sign_ins");
  map("sign-ins, last 30 days", filterOf({ time: { kind: "relative", last: "30d" } }), "sign_ins");
  map("sign-ins, all time", filterOf({ time: all }), "sign_ins");

  const page = (name: string, gid: string, filter: EventFilter) => registerShape({ group: TIMELINE_GROUP, name, targetP95Ms: TIMELINE_TARGET_MS, runs, run: () => timeline(gid, filter) });
  page("busiest actor, last 7 days", busy, filterOf());
  page("busiest actor, all time", busy, filterOf({ time: all }));
  page("median actor, all time", typical, filterOf({ time: all }));
  // Reported without a target: it reads every row of the actor, and the page does not wait for it.
  registerShape({ group: PROFILE_GROUP, name: "busiest actor", runs: Math.min(runs, 10), run: () => getActorProfile(busy) });
  registerShape({ group: PROFILE_GROUP, name: "median actor", runs, run: () => getActorProfile(typical) });
}
