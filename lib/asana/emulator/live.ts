import { HOSTILE_KINDS, hostileGid, hostileRecord } from "./hostile";
import { Rng } from "./random";
import type { EventStream } from "./stream";
import type { Clock } from "./types";

export interface LiveSettings {
  /** New events captured per second (may be fractional). */
  ratePerSecond: number;
  /** Share of events captured late: their created_at lies up to maxDelayMs in the past. */
  lateShare?: number;
  /** Longest capture delay of a late event; third parties report up to about 30 minutes. */
  maxDelayMs?: number;
  /** How often events are released (real time). */
  tickMs?: number;
  /** Share of events that are hostile variants (hostile.ts): the emulator's hostile mode. */
  hostileShare?: number;
}

/**
 * Keeps capturing events at a set rate. An on-time event is stamped within the last second; a
 * late one up to maxDelayMs ago, yet it joins the end of the stream now (see EventStream on why
 * the stream is in capture order). Events are stored as (position, created_at) only and rebuilt
 * on demand, so a long live run costs 8 bytes per event.
 */
export class LiveFeed {
  private timer: NodeJS.Timeout | undefined;
  private settings: LiveSettings | null = null;
  private carry = 0;
  private last = 0;
  private readonly rng: Rng;
  produced = 0;

  constructor(
    private readonly stream: EventStream,
    private readonly clock: Clock,
    seed: number,
  ) {
    this.rng = new Rng().reset(seed, 0, 0x11fe);
  }

  get current(): LiveSettings | null {
    return this.settings;
  }

  set(settings: LiveSettings | null): void {
    this.stop();
    if (!settings || !(settings.ratePerSecond > 0)) return;
    this.settings = settings;
    this.last = performance.now();
    this.carry = 0;
    this.timer = setInterval(() => this.tick(), settings.tickMs ?? 100);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.settings = null;
  }

  private tick(): void {
    const s = this.settings;
    if (!s) return;
    const t = performance.now();
    this.carry += (s.ratePerSecond * (t - this.last)) / 1000;
    this.last = t;
    const n = Math.floor(this.carry);
    this.carry -= n;
    for (let i = 0; i < n; i++) this.emit(s);
  }

  /** One event now; also used by control.addGenerated. */
  emit(s: Pick<LiveSettings, "lateShare" | "maxDelayMs" | "hostileShare">): number {
    const now = this.clock();
    const maxDelay = s.maxDelayMs ?? 30 * 60_000;
    const late = this.rng.next() < (s.lateShare ?? 0);
    const delay = late ? 1000 + this.rng.next() * Math.max(0, maxDelay - 1000) : this.rng.next() * 1000;
    const created = Math.floor(now - delay);
    this.produced++;
    if (this.rng.next() < (s.hostileShare ?? 0)) {
      // The event this position would have held, with one hostile defect.
      const base = this.stream.org.extraEvent(this.stream.length, created);
      const kind = HOSTILE_KINDS[Math.floor(this.rng.next() * HOSTILE_KINDS.length)]!;
      return this.stream.appendRaw(hostileRecord(kind, base, hostileGid(base, kind)), now, created);
    }
    return this.stream.appendGenerated(created);
  }
}
