import { EventBuilder, type Skeleton } from "./event-builder";
import { incidentSkeleton, servedIncidentEvent } from "./incident-event";
import { INCIDENTS_FROM_EVENTS, INCIDENTS_MIN_EVENTS, planIncidents, type IncidentPlan, type IncidentSummary } from "./incidents";
import { Interleaving, countBelow } from "./interleave";
import { LiveIncidents } from "./live-incidents";
import { GID_BASE, buildPools, type Pools } from "./pools";
import { seed32 } from "./random";
import { Timeline } from "./timeline";
import { planTrips } from "./travel";
import type { AuditLogEvent } from "./types";

export const DEFAULT_WORKSPACE_GID = "1200000000000001";

export interface OrganisationOptions {
  seed: number | string;
  /** How many events the last `days` hold; 0 is allowed (an empty domain). */
  events: number;
  days?: number;
  /** End of the generated span, epoch ms; the newest event is just before it. */
  now?: number;
  workspaceGid?: string;
  /**
   * Events captured after the history (stream position size + k) are built as number
   * size + extraBase + k. An emulator started again over the same history passes a larger
   * base, so that what it captures does not reuse the gids of what an earlier run captured.
   */
  extraBase?: number;
  /**
   * Plant incidents in the history and among live events (incidents.ts, live-incidents.ts), so
   * that detections have something to find. Default: for organisations of at least 20,000
   * events over two weeks or more, as demo mode's are; the smaller ones tests use stay plain.
   */
  incidents?: boolean;
}

/**
 * A deterministic synthetic Asana domain. Its events are never stored: event i is rebuilt from
 * (seed, i) on demand, and created_at is non-decreasing in i, so a page at any position, or the
 * first event at or after a time, is found without touching the others.
 */
export interface Organisation {
  readonly seed: number;
  readonly size: number;
  readonly days: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly workspaceGid: string;
  readonly pools: Pools;
  /** The incidents planted in the history, oldest first (none in small ones: OrganisationOptions.incidents). */
  readonly incidents: readonly IncidentSummary[];
  eventAt(i: number): AuditLogEvent;
  createdAtMs(i: number): number;
  /** Filter fields of event i without building it; the returned object is reused by the next call. */
  skeletonAt(i: number): Skeleton;
  /** Smallest index whose created_at >= ms. */
  indexAtOrAfter(ms: number): number;
  /** A realistic event at stream position `pos` (>= size) with the given created_at, for live mode. */
  extraEvent(pos: number, createdAtMs: number): AuditLogEvent;
  /** Filter fields of extraEvent(pos, ...), which do not depend on created_at. */
  extraSkeletonAt(pos: number): Skeleton;
  /** The kind of live incident stream position `pos` (>= size) takes part in, or null (tests, logs). */
  liveIncidentAt(pos: number): string | null;
  /** False when no generated event can have this actor (or resource) gid: a scan can be skipped. */
  mayHaveActor(gidNum: number): boolean;
  mayHaveResource(gidNum: number): boolean;
  /** Every event, in order; only sensible for small organisations (tests). */
  allEvents(): AuditLogEvent[];
}

export function generateOrganisation(options: OrganisationOptions): Organisation {
  const seed = seed32(options.seed);
  const size = Math.max(0, Math.floor(options.events));
  const days = options.days ?? 90;
  const now = options.now ?? Date.now();
  const workspaceGid = options.workspaceGid ?? DEFAULT_WORKSPACE_GID;
  if (!/^[1-9]\d{0,15}$/.test(workspaceGid) || !Number.isSafeInteger(Number(workspaceGid))) {
    throw new Error(`workspaceGid must be a numeric gid, got ${workspaceGid}`);
  }
  const pools = buildPools(seed, Math.max(size, 1000), workspaceGid);
  const extraBase = options.extraBase ?? 0;
  if (!Number.isSafeInteger(extraBase) || extraBase < 0) throw new RangeError(`extraBase must be a whole number ≥ 0, got ${extraBase}`);
  const withIncidents = options.incidents ?? (size >= INCIDENTS_FROM_EVENTS && days >= 14);
  if (withIncidents && size < INCIDENTS_MIN_EVENTS) throw new RangeError(`incidents need at least ${INCIDENTS_MIN_EVENTS} events, got ${size}`);
  // The activity curve does not depend on the count, so a timeline of any count can place them.
  const planning = new Timeline(seed, now, days, 1);
  planTrips(seed, pools, planning);
  const plan: IncidentPlan = withIncidents ? planIncidents(seed, pools, planning, size) : { events: [], departures: [], summary: [] };
  const planted = plan.events;
  const ordinary = size - planted.length;
  const timeline = new Timeline(seed, now, days, Math.max(ordinary, 1));
  for (const { person, at } of plan.departures) person.leftAt = timeline.indexAtOrAfter(at);
  for (const { trip } of pools.users) {
    if (trip !== null) trip.flights = [trip.departAt, trip.arriveAt, trip.leaveAt, trip.backAt].map((ms) => timeline.indexAtOrAfter(ms)) as [number, number, number, number];
  }
  const plantedAt = Float64Array.from(planted, (e) => e.at);
  const interleaving = new Interleaving(Float64Array.from(planted, (e, k) => k + timeline.indexAtOrAfter(e.at)));
  const builder = new EventBuilder(seed, pools, ordinary);
  // A second builder for live events, so building one never disturbs a scan in progress.
  const extraBuilder = new EventBuilder(seed ^ 0x5eed, pools, 0);
  const live = withIncidents ? new LiveIncidents(seed, pools) : undefined;
  const plantedSkeleton: Skeleton = { typeIdx: 0, actorType: "user", actorGidNum: 0, resourceGidNum: 0 };

  const checkIndex = (i: number) => {
    if (!Number.isInteger(i) || i < 0 || i >= size) throw new RangeError(`event index ${i} outside 0..${size - 1}`);
  };
  const eventAt = (i: number) => {
    const o = interleaving.locate(i);
    if (o < 0) return servedIncidentEvent(planted[~o]!, i, planted[~o]!.at);
    return builder.build(o, timeline.createdAt(o), i);
  };
  const mayHaveActor = (n: number) => inRange(n, GID_BASE.user, pools.users.length) || inRange(n, GID_BASE.service, pools.serviceAccounts.length);

  return {
    seed,
    size,
    days,
    startMs: timeline.startMs,
    endMs: timeline.endMs,
    workspaceGid,
    pools,
    incidents: plan.summary,
    eventAt(i) {
      checkIndex(i);
      return eventAt(i);
    },
    createdAtMs(i) {
      checkIndex(i);
      const o = interleaving.locate(i);
      return o < 0 ? planted[~o]!.at : timeline.createdAt(o);
    },
    skeletonAt(i) {
      const o = interleaving.locate(i);
      return o < 0 ? incidentSkeleton(planted[~o]!, plantedSkeleton) : builder.computeSkeleton(o);
    },
    indexAtOrAfter(ms) {
      return size === 0 ? 0 : timeline.indexAtOrAfter(ms) + countBelow(plantedAt, ms);
    },
    extraEvent(pos, createdAtMs) {
      const q = pos + extraBase;
      const j = live ? live.indexAt(q) : -1;
      return j < 0 ? extraBuilder.build(q, createdAtMs) : servedIncidentEvent(live!.event(q, j), q, createdAtMs);
    },
    extraSkeletonAt(pos) {
      const q = pos + extraBase;
      const j = live ? live.indexAt(q) : -1;
      return j < 0 ? extraBuilder.computeSkeleton(q) : incidentSkeleton(live!.event(q, j), plantedSkeleton);
    },
    liveIncidentAt(pos) {
      return live ? live.kindAt(pos + extraBase) : null;
    },
    mayHaveActor,
    mayHaveResource(n) {
      if (n === pools.workspace.gidNum || mayHaveActor(n) || n >= GID_BASE.search || inRange(n, pools.former.base, pools.former.count)) return true;
      const named = [pools.teams, pools.projects, pools.portfolios, pools.goals, pools.customFields, pools.divisions];
      for (const pool of [...named, pools.taskTemplates, pools.projectTemplates, pools.announcements]) {
        if (pool.length > 0 && inRange(n, pool[0]!.gidNum, pool.length)) return true;
      }
      return Object.values(pools.lazy).some((l) => inRange(n, l.base, l.count));
    },
    allEvents() {
      return Array.from({ length: size }, (_, i) => eventAt(i));
    },
  };
}

function inRange(n: number, base: number, count: number): boolean {
  return n >= base && n < base + count;
}
