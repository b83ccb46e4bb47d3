import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "pino";
import type { BufferPool } from "./buffer-pool";
import { MESSAGES, errorBody } from "./errors";
import { FaultInjector, type FaultSettings } from "./faults";
import { filterHash, parseQuery } from "./filters";
import type { LiveSettings } from "./live";
import { OffsetCodec } from "./offsets";
import { writeHead, type PageHead } from "./page-writer";
import { Prefetcher } from "./prefetch";
import { ConcurrencyGate, SlidingWindowLimiter, type RateLimitSettings } from "./rate-limit";
import type { EmulatorStats } from "./stats";
import { earliestVisible, type EventStream } from "./stream";
import type { AsanaError, AuditLogFilters, Clock, NextPage } from "./types";

/** Everything tests may change while the emulator runs (control.set). */
export interface RuntimeSettings {
  /** Page size when the request has no limit (Asana's text: 1000). */
  defaultLimit: number;
  /** Largest explicit limit (Asana's spec: 100); larger is a 400. */
  maxLimit: number;
  /** How long an offset stays usable, measured on the emulator's clock. */
  offsetTtlMs: number;
  /** Events older than this (relative to the clock) are gone. */
  retentionMs: number;
  /** Per-token request budget; null turns it off. */
  rateLimit: RateLimitSettings | null;
  /** Per-token in-flight cap; null turns it off. */
  maxConcurrent: number | null;
  faults: FaultSettings;
  live: LiveSettings | null;
  /** Build the next page of a sequential read ahead of time (never changes what is served). */
  prefetch: boolean;
}

export type Answer =
  | { kind: "json"; status: number; body: string; headers?: Record<string, string>; truncate?: boolean }
  | { kind: "page"; head: PageHead; nextPage: NextPage | null; truncate?: boolean }
  | { kind: "reset" };

export interface CoreDeps {
  stream: EventStream;
  clock: Clock;
  settings: RuntimeSettings;
  stats: EmulatorStats;
  faults: FaultInjector;
  offsetSecret: string;
  workspaceGid: string;
  buffers: BufferPool;
  /** Other workspaces that exist but hold no events (a token may still be refused them). */
  otherWorkspaces: ReadonlySet<string>;
  /** token -> workspaces it may read */
  grants: ReadonlyMap<string, ReadonlySet<string>>;
  logger: Logger;
}

const ROUTE = /^\/api\/1\.0\/workspaces\/([^/]+)\/audit_log_events\/?$/;

function json(status: number, payload: unknown, headers?: Record<string, string>, pretty = false): Answer {
  return { kind: "json", status, body: pretty ? JSON.stringify(payload, null, 2) : JSON.stringify(payload), headers };
}

function error(status: number, message: string, extra?: Partial<AsanaError>, headers?: Record<string, string>): Answer {
  return json(status, errorBody(message, extra), headers);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The endpoint's behaviour, independent of node:http so the order of checks reads top to bottom. */
export class EmulatorCore {
  readonly limiter: SlidingWindowLimiter;
  readonly gate = new ConcurrencyGate();
  private readonly codec: OffsetCodec;
  private readonly prefetcher: Prefetcher;
  /** Bumped whenever settings change, which voids prefetched pages. */
  private generation = 0;

  constructor(private readonly d: CoreDeps) {
    this.limiter = new SlidingWindowLimiter(d.clock);
    this.codec = new OffsetCodec(d.offsetSecret);
    this.prefetcher = new Prefetcher(d.buffers);
  }

  settingsChanged(): void {
    this.generation++;
    this.prefetcher.clear();
  }

  async handle(method: string, rawUrl: string, authorization: string | undefined, publicBase: string): Promise<Answer> {
    const { stats, settings } = this.d;
    stats.requests++;
    const url = new URL(rawUrl, "http://emulator.invalid");
    const route = ROUTE.exec(url.pathname);
    if (!route || method !== "GET") return error(404, MESSAGES.noRoute);

    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
    const grant = token === undefined ? undefined : this.d.grants.get(token);
    if (token === undefined || !grant) return error(401, MESSAGES.notAuthorized);

    if (settings.rateLimit) {
      const decision = this.limiter.hit(token, settings.rateLimit);
      if (!decision.allowed) {
        stats.rateLimited++;
        return error(429, MESSAGES.rateLimited, undefined, { "Retry-After": String(decision.retryAfterSec) });
      }
    }
    if (!this.gate.tryEnter(token, settings.maxConcurrent)) {
      stats.concurrencyLimited++;
      return error(429, MESSAGES.rateLimited, undefined, { "Retry-After": "1" });
    }
    stats.inFlight = this.gate.current;
    stats.peakConcurrency = Math.max(stats.peakConcurrency, this.gate.current);
    try {
      const delay = this.d.faults.latency(settings.faults);
      if (delay > 0) await sleep(delay);
      const fault = this.d.faults.pick(settings.faults);
      if (fault !== null) {
        stats.faultsInjected[fault] = (stats.faultsInjected[fault] ?? 0) + 1;
        if (fault === "reset") return { kind: "reset" };
        if (fault !== "truncate") {
          const a = this.d.faults.answer(fault, settings.faults);
          return json(a.status, a.body, a.headers);
        }
      }
      const answer = this.serve(safeDecode(route[1] as string), url.searchParams, grant, publicBase);
      if (fault === "truncate" && answer.kind !== "reset") answer.truncate = true;
      return answer;
    } finally {
      this.gate.leave(token);
      stats.inFlight = this.gate.current;
    }
  }

  private serve(workspace: string, params: URLSearchParams, grant: ReadonlySet<string>, publicBase: string): Answer {
    const { stream, settings, clock, stats } = this.d;
    const isMain = workspace === this.d.workspaceGid;
    if (!isMain && !this.d.otherWorkspaces.has(workspace)) return error(404, MESSAGES.unknownWorkspace(workspace));
    if (!grant.has(workspace)) return error(403, MESSAGES.forbiddenWorkspace);

    const parsed = parseQuery(params, settings.defaultLimit, settings.maxLimit);
    if (!parsed.ok) return error(400, parsed.message);
    const q = parsed.query;
    const now = clock();
    stream.flush(now);
    const fh = filterHash(workspace, q.filters);
    let from = 0;
    if (q.offset !== undefined) {
      const check = this.codec.check(q.offset, fh, now, settings.offsetTtlMs, isMain ? stream.length : 0);
      if (!check.ok) return error(400, check.reason === "expired" ? MESSAGES.expiredOffset : MESSAGES.badOffset);
      from = check.pos;
    }

    const key = `${fh}|${from}|${q.limit}`;
    const earliest = earliestVisible(q.filters, now, settings.retentionMs);
    const pre =
      isMain && q.offset !== undefined && !q.pretty ? this.prefetcher.take(key, now, earliest, this.generation) : undefined;
    let items: unknown[] | undefined;
    let head: PageHead | undefined;
    let count: number;
    let next: number;
    if (pre) {
      ({ head, count, next } = pre);
      stats.prefetchHits++;
    } else {
      const page = isMain ? stream.page(from, q.filters, q.limit, now, settings.retentionMs) : { items: [], next: 0 };
      ({ items, next } = page);
      count = items.length;
    }
    if (isMain && settings.prefetch && count === q.limit && next < stream.length) this.prefetchAfter(fh, next, q.filters, q.limit);

    // Stream semantics: null only when nothing matches at all, which a first request (no offset)
    // that found nothing has just established; otherwise there is always a way to poll on.
    let nextPage: NextPage | null = null;
    if (q.offset !== undefined || count > 0) {
      const offset = this.codec.issue(next, fh, now);
      const search = new URLSearchParams([...q.passThrough, ["offset", offset]]).toString();
      const path = `/workspaces/${encodeURIComponent(workspace)}/audit_log_events?${search}`;
      nextPage = { offset, path, uri: `${publicBase}/api/1.0${path}` };
    }
    stats.pagesServed++;
    stats.eventsServed += count;
    if (q.pretty) return json(200, { data: items, next_page: nextPage }, undefined, true);
    return { kind: "page", head: head ?? writeHead(items ?? [], this.d.buffers), nextPage };
  }

  private prefetchAfter(fh: string, from: number, filters: AuditLogFilters, limit: number): void {
    const { stream, clock, settings, buffers } = this.d;
    const generation = this.generation;
    this.prefetcher.schedule(`${fh}|${from}|${limit}`, () => {
      const at = clock();
      if (generation !== this.generation) return undefined;
      stream.flush(at);
      const page = stream.page(from, filters, limit, at, settings.retentionMs);
      if (page.items.length !== limit) return undefined;
      const head = writeHead(page.items, buffers);
      return { head, count: limit, next: page.next, minCreated: page.minCreated, at, generation };
    });
  }
}
