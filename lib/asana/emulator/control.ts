import type { RuntimeSettings } from "./core";
import type { FaultInjector, FaultKind } from "./faults";
import type { LiveFeed } from "./live";
import { RawJson } from "./raw-json";
import type { Organisation } from "./organisation";
import type { SlidingWindowLimiter } from "./rate-limit";
import { resetStats, type EmulatorStats } from "./stats";
import type { EventStream } from "./stream";
import type { AuditLogEvent, Clock } from "./types";

export interface AddOptions {
  /** Clock time at which the events become visible (default: now). Until then they are held back. */
  visibleAt?: number;
  /**
   * The time Asana files the records under (what start_at/end_at filter on), when it should
   * differ from their created_at: a hostile record dated 2099 or year 0 but captured today.
   */
  storedAt?: number;
}

export interface GenerateOptions extends AddOptions {
  /** created_at of every generated event (default: the clock, minus under a second). */
  createdAt?: number;
  /** Stamp events this long before now: they arrive "late", behind events already served. */
  lateByMs?: number;
}

/** Run-time switches for tests and demos. */
export interface EmulatorControl {
  /** Changes any run-time setting; `live: {...}` starts (or changes) live mode, `live: null` stops it. */
  set(patch: Partial<RuntimeSettings>): void;
  settings(): Readonly<RuntimeSettings>;
  /** The next `count` authorised, unthrottled requests fail with `kind`. */
  failNext(kind: FaultKind, count?: number): void;
  clearFaults(): void;
  /**
   * Appends events as given (deep-copied): well-formed or not, unknown fields and event types
   * included; a RawJson is served as its exact text. Returns the stream length once they are
   * in (or will be, if held back).
   */
  addEvents(events: readonly unknown[], options?: AddOptions): number;
  /** Appends realistic generated events, as live mode does, and returns them. */
  addGenerated(count: number, options?: GenerateOptions): AuditLogEvent[];
  /** Every event a full read would return now, in stream order. Only for small streams. */
  visibleEvents(): unknown[];
  /** Positions in the stream so far (generated organisation + captured since). */
  streamLength(): number;
  pendingCount(): number;
  resetStats(): void;
  /** Forgets every token's request window. */
  resetRateLimits(): void;
  readonly organisation: Organisation;
}

interface ControlDeps {
  settings: RuntimeSettings;
  stream: EventStream;
  faults: FaultInjector;
  live: LiveFeed;
  stats: EmulatorStats;
  clock: Clock;
  limiter: SlidingWindowLimiter;
  organisation: Organisation;
  onSettingsChanged: () => void;
}

export function createControl(d: ControlDeps): EmulatorControl {
  const { settings, stream, faults, live, stats, clock } = d;
  return {
    organisation: d.organisation,
    set(patch) {
      const { live: liveSettings, faults: faultSettings, ...rest } = patch;
      Object.assign(settings, rest);
      if (faultSettings !== undefined) settings.faults = faultSettings;
      if (liveSettings !== undefined) {
        settings.live = liveSettings;
        live.set(liveSettings);
      }
      d.onSettingsChanged();
    },
    settings: () => settings,
    failNext: (kind, count = 1) => faults.failNext(kind, count),
    clearFaults() {
      faults.clearQueue();
      settings.faults = {};
    },
    addEvents(events, options = {}) {
      const now = clock();
      stream.flush(now);
      for (const e of events) {
        // A RawJson is immutable; anything else is copied so that the caller can reuse it.
        const copy: unknown = e === undefined || e instanceof RawJson ? e : structuredClone(e);
        if (options.visibleAt !== undefined && options.visibleAt > now) {
          stream.schedule(options.visibleAt, { kind: "raw", event: copy, storedAt: options.storedAt });
        } else stream.appendRaw(copy, clock(), options.storedAt);
      }
      return stream.length + stream.pendingCount;
    },
    addGenerated(count, options = {}) {
      const now = clock();
      stream.flush(now);
      const out: AuditLogEvent[] = [];
      for (let i = 0; i < count; i++) {
        const created = options.createdAt ?? now - (options.lateByMs ?? 0) - Math.floor(((i * 7919) % 1000) / 2);
        if (options.visibleAt !== undefined && options.visibleAt > now) {
          stream.schedule(options.visibleAt, { kind: "generated", createdMs: created });
          continue;
        }
        const pos = stream.appendGenerated(created);
        out.push(stream.eventAt(pos) as AuditLogEvent);
      }
      return out;
    },
    visibleEvents() {
      const now = clock();
      stream.flush(now);
      return stream.page(0, {}, Number.MAX_SAFE_INTEGER, now, settings.retentionMs).items;
    },
    streamLength: () => stream.length,
    pendingCount: () => stream.pendingCount,
    resetStats: () => resetStats(stats),
    resetRateLimits: () => d.limiter.reset(),
  };
}
