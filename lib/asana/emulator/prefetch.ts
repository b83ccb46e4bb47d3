import type { BufferPool } from "./buffer-pool";
import type { PageHead } from "./page-writer";

export interface Prefetched {
  head: PageHead;
  count: number;
  next: number;
  minCreated: number;
  /** Clock time it was built at, and the settings generation it was built under. */
  at: number;
  generation: number;
}

/**
 * Builds the page a sequential reader will ask for next while it is busy with the current one.
 * When the reader is another process (the app syncing from the CLI emulator) the two overlap on
 * separate cores, so the emulator's cost per page drops out of the reader's critical path.
 *
 * A prefetched page is only handed out when it is exactly what a fresh read would return: it was
 * full (so later captures cannot change it), the clock has not gone back, no setting changed,
 * and retention has not since dropped its oldest event.
 */
export class Prefetcher {
  private readonly entries = new Map<string, Prefetched>();
  private readonly queued = new Set<string>();

  constructor(
    private readonly pool: BufferPool,
    private readonly maxEntries = 4,
  ) {}

  take(key: string, now: number, earliest: number, generation: number): Prefetched | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    if (now < hit.at || hit.generation !== generation || hit.minCreated < earliest) {
      this.pool.release(hit.head.buf);
      return undefined;
    }
    return hit;
  }

  schedule(key: string, build: () => Prefetched | undefined): void {
    if (this.entries.has(key) || this.queued.has(key)) return;
    this.queued.add(key);
    setImmediate(() => {
      this.queued.delete(key);
      const built = build();
      if (!built) return;
      if (this.entries.size >= this.maxEntries) {
        const oldest = this.entries.keys().next().value as string;
        this.pool.release(this.entries.get(oldest)!.head.buf);
        this.entries.delete(oldest);
      }
      this.entries.set(key, built);
    });
  }

  clear(): void {
    for (const e of this.entries.values()) this.pool.release(e.head.buf);
    this.entries.clear();
  }
}
