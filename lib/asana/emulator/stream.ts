import type { Skeleton } from "./event-builder";
import { EVENT_TYPE_INDEX } from "./event-types";
import { hasFieldFilters } from "./filters";
import type { Organisation } from "./organisation";
import { recordValue } from "./raw-json";
import type { AuditLogFilters } from "./types";

/** The audit log API holds nothing before this day. */
export const AUDIT_LOG_EPOCH_MS = Date.UTC(2021, 9, 8);

/** After this many positions scanned, a page that already has events is returned short. */
const SCAN_BUDGET = 250_000;

interface RawExtra {
  event: unknown;
  eventType: unknown;
  actorType: unknown;
  actorGid: unknown;
  resourceGid: unknown;
}

type PendingItem = { kind: "raw"; event: unknown; storedAt?: number } | { kind: "generated"; createdMs: number };

export interface StreamPage {
  items: unknown[];
  /** Where the next page starts: one past the last event returned, or the end once caught up. */
  next: number;
  /** Oldest created_at among the events returned (Infinity if none has one): retention would drop it first. */
  minCreated: number;
}

/** The earliest created_at a query can return now: retention, the audit log's start, and start_at. */
export function earliestVisible(filters: AuditLogFilters, now: number, retentionMs: number): number {
  return Math.max(AUDIT_LOG_EPOCH_MS, now - retentionMs, filters.startAt ?? Number.NEGATIVE_INFINITY);
}

interface CompiledFilters {
  lo: number;
  hi: number;
  timed: boolean;
  fields: boolean;
  f: AuditLogFilters;
  typeIdx: number;
  actorGidNum: number;
  resourceGidNum: number;
}

/**
 * The audit log as a stream in capture order. Positions 0..size-1 are the generated organisation
 * (created_at non-decreasing); later positions are events captured afterwards: live events, or
 * whatever tests add, including late ones whose created_at is older than events already served.
 *
 * Ordering choice: Asana delivers by capture, so the stream is ordered by visibility, and an
 * offset is a position in it. A poller holding an offset therefore receives a late event on its
 * next poll even though its created_at is older than events it has seen; start_at and end_at
 * filter on created_at only, so a late event also appears in a later query whose window covers it.
 */
export class EventStream {
  private readonly extraCreated: number[] = [];
  private readonly raw = new Map<number, RawExtra>();
  private pending: Array<{ visibleAt: number; item: PendingItem }> = [];

  constructor(readonly org: Organisation) {}

  get length(): number {
    return this.org.size + this.extraCreated.length;
  }

  appendGenerated(createdMs: number): number {
    this.extraCreated.push(createdMs);
    return this.length - 1;
  }

  /**
   * `capturedAt`: when the record entered the log. Asana filters on its own stored time, not
   * on the JSON it serves, so a record whose created_at is broken still falls inside the
   * start_at/end_at windows of its capture time instead of vanishing from every filtered read.
   * `storedAt` sets that time outright (a hostile record dated 2099 or year 0, filed now).
   */
  appendRaw(event: unknown, capturedAt: number, storedAt?: number): number {
    const e = (recordValue(event) ?? {}) as Record<string, unknown>;
    const actor = (e.actor ?? {}) as Record<string, unknown>;
    const resource = (e.resource ?? {}) as Record<string, unknown>;
    const parsed = typeof e.created_at === "string" ? Date.parse(e.created_at) : Number.NaN;
    const created = storedAt ?? (Number.isNaN(parsed) ? capturedAt : parsed);
    this.raw.set(this.extraCreated.length, {
      event,
      eventType: e.event_type,
      actorType: actor.actor_type,
      actorGid: actor.gid,
      resourceGid: resource.gid,
    });
    this.extraCreated.push(created);
    return this.length - 1;
  }

  /** Holds an item back until the clock reaches visibleAt: a capture delay. */
  schedule(visibleAt: number, item: PendingItem): void {
    this.pending.push({ visibleAt, item });
    this.pending.sort((a, b) => a.visibleAt - b.visibleAt);
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  flush(now: number): void {
    let n = 0;
    while (n < this.pending.length && (this.pending[n] as { visibleAt: number }).visibleAt <= now) n++;
    if (n === 0) return;
    for (const { item } of this.pending.splice(0, n)) {
      if (item.kind === "raw") this.appendRaw(item.event, now, item.storedAt);
      else this.appendGenerated(item.createdMs);
    }
  }

  eventAt(pos: number): unknown {
    const size = this.org.size;
    if (pos < size) return this.org.eventAt(pos);
    const k = pos - size;
    const raw = this.raw.get(k);
    if (raw) return raw.event;
    return this.org.extraEvent(pos, this.extraCreated[k] as number);
  }

  page(from: number, filters: AuditLogFilters, limit: number, now: number, retentionMs: number): StreamPage {
    const c = compile(filters, earliestVisible(filters, now, retentionMs));
    const org = this.org;
    const size = org.size;
    const items: unknown[] = [];
    let pos = from;
    let scanned = 0;
    let firstBase = 0;
    let minCreated = Number.POSITIVE_INFINITY;
    if (pos < size && !mayMatchBase(org, c)) pos = size;
    if (pos < size) {
      const baseStart = org.indexAtOrAfter(c.lo);
      const baseEnd = Number.isFinite(c.hi) ? org.indexAtOrAfter(c.hi) : size;
      pos = Math.max(pos, baseStart);
      if (!c.fields) {
        firstBase = pos;
        for (; pos < baseEnd && items.length < limit; pos++) items.push(org.eventAt(pos));
      } else {
        for (; pos < baseEnd && items.length < limit; pos++) {
          if (matchesSkeleton(org.skeletonAt(pos), c)) {
            if (items.length === 0) firstBase = pos;
            items.push(org.eventAt(pos));
          }
          if (++scanned >= SCAN_BUDGET && items.length > 0) {
            return { items, next: pos + 1, minCreated: org.createdAtMs(firstBase) };
          }
        }
      }
      if (items.length > 0) minCreated = org.createdAtMs(firstBase);
      if (items.length >= limit) return { items, next: pos, minCreated };
      // Past baseEnd nothing in the base can match (created_at >= end_at).
      pos = size;
    }
    const total = this.length;
    for (; pos < total && items.length < limit; pos++) {
      const k = pos - size;
      const created = this.extraCreated[k] as number;
      if (Number.isNaN(created) ? c.timed : created < c.lo || created >= c.hi) continue;
      const raw = this.raw.get(k);
      if (raw ? !c.fields || matchesRaw(raw, c.f) : !c.fields || matchesSkeleton(org.extraSkeletonAt(pos), c)) {
        items.push(raw ? raw.event : org.extraEvent(pos, created));
        if (created < minCreated) minCreated = created;
      }
    }
    return { items, next: pos, minCreated };
  }
}

function compile(f: AuditLogFilters, lo: number): CompiledFilters {
  return {
    lo,
    hi: f.endAt ?? Number.POSITIVE_INFINITY,
    timed: f.startAt !== undefined || f.endAt !== undefined,
    fields: hasFieldFilters(f),
    f,
    typeIdx: f.eventType === undefined ? -1 : (EVENT_TYPE_INDEX.get(f.eventType) ?? -2),
    actorGidNum: f.actorGid === undefined ? -1 : gidNumber(f.actorGid),
    resourceGidNum: f.resourceGid === undefined ? -1 : gidNumber(f.resourceGid),
  };
}

/** Generated gids are exact below 2^53; anything else can only match added events. */
function gidNumber(gid: string): number {
  const n = Number(gid);
  return Number.isSafeInteger(n) && n > 0 && String(n) === gid ? n : -2;
}

function mayMatchBase(org: Organisation, c: CompiledFilters): boolean {
  if (c.typeIdx === -2 || c.actorGidNum === -2 || c.resourceGidNum === -2) return false;
  if (c.actorGidNum !== -1 && !org.mayHaveActor(c.actorGidNum)) return false;
  if (c.resourceGidNum !== -1 && !org.mayHaveResource(c.resourceGidNum)) return false;
  return true;
}

function matchesSkeleton(sk: Skeleton, c: CompiledFilters): boolean {
  if (c.typeIdx !== -1 && sk.typeIdx !== c.typeIdx) return false;
  if (c.f.actorType !== undefined && sk.actorType !== c.f.actorType) return false;
  if (c.actorGidNum !== -1 && sk.actorGidNum !== c.actorGidNum) return false;
  if (c.resourceGidNum !== -1 && sk.resourceGidNum !== c.resourceGidNum) return false;
  return true;
}

function matchesRaw(r: RawExtra, f: AuditLogFilters): boolean {
  if (f.eventType !== undefined && r.eventType !== f.eventType) return false;
  if (f.actorType !== undefined && r.actorType !== f.actorType) return false;
  if (f.actorGid !== undefined && r.actorGid !== f.actorGid) return false;
  if (f.resourceGid !== undefined && r.resourceGid !== f.resourceGid) return false;
  return true;
}
