import type { Logger } from "pino";
import { log } from "@/lib/log";
import { sharedLocator } from "./locate";
import { distinctAddresses, storeLocations } from "./store-locations";

/**
 * Locates the client addresses of the pages the sync stores, off its critical path: a page
 * hands over the addresses this process has not located yet (a set lookup per event) and goes
 * on; a queue on the next turns of the event loop reads them, looks them up and writes them
 * to ip_location in batches. Most pages repeat addresses already seen: no lookup, no query.
 * Whatever fails here is logged and left for the next sighting of the address, or for the
 * pass at the next start (relocate.ts): a page never fails for it.
 */

/** Addresses this process has stored (as Asana spelled them), the oldest forgotten first. */
const REMEMBERED = 100_000;
/** Addresses waiting; past this a page waits for the queue (memory stays bounded). */
const PENDING_MAX = 20_000;
/** Addresses per statement. */
const BATCH = 1_000;
const MAX_TEXT = 45;

interface QueueState {
  remembered: Set<string>;
  /** As Asana spelled them: read (and told apart as inet does) by the queue, not the page. */
  pending: Set<string>;
  running: Promise<void> | null;
  /** The databases could not be loaded: nothing is queued any more. */
  unavailable: boolean;
  /**
   * Addresses ever queued and ever settled (stored, failed or dropped), in queue order: a
   * caller waits for what was queued before it, not for a queue that pages keep filling.
   */
  queued: number;
  settled: number;
  waiters: Array<{ until: number; resolve: () => void }>;
}

// On globalThis: the scheduler and a route that triggers a sync may sit in different chunks.
const globalForQueue = globalThis as unknown as { __auditLocateQueue?: QueueState };
function state(): QueueState {
  return (globalForQueue.__auditLocateQueue ??= { remembered: new Set(), pending: new Set(), running: null, unavailable: false, queued: 0, settled: 0, waiters: [] });
}

/** context.client_ip_address of a record, read as own properties only: records are Asana's. */
function clientAddress(record: unknown): string | null {
  if (typeof record !== "object" || record === null || !Object.hasOwn(record, "context")) return null;
  const context = (record as { context: unknown }).context;
  if (typeof context !== "object" || context === null || !Object.hasOwn(context, "client_ip_address")) return null;
  const ip = (context as { client_ip_address: unknown }).client_ip_address;
  return typeof ip === "string" && ip !== "" && ip.length <= MAX_TEXT ? ip : null;
}

/**
 * Queues the client addresses of the page's records (but those at positions in `leaveOut`:
 * quarantined) that this process has not stored yet. Resolves at once, or, when the queue is
 * full, once it has drained.
 */
export function queueAddresses(records: readonly unknown[], leaveOut?: ReadonlySet<number>, logger: Logger = log): Promise<void> {
  const s = state();
  if (s.unavailable) return Promise.resolve();
  records.forEach((record, index) => {
    const text = clientAddress(record);
    if (text === null || s.remembered.has(text) || s.pending.has(text) || leaveOut?.has(index)) return;
    s.pending.add(text);
    s.queued++;
  });
  // On a later turn: the page's own await goes on before any lookup.
  if (s.pending.size > 0) setImmediate(() => startDrain(s, logger));
  return s.pending.size >= PENDING_MAX ? untilSettled(s, s.queued - PENDING_MAX + BATCH) : Promise.resolve();
}

function untilSettled(s: QueueState, until: number): Promise<void> {
  return until <= s.settled ? Promise.resolve() : new Promise((resolve) => s.waiters.push({ until, resolve }));
}

function settle(s: QueueState, count: number): void {
  s.settled += count;
  const ready = s.waiters.filter((w) => w.until <= s.settled);
  s.waiters = s.waiters.filter((w) => w.until > s.settled);
  for (const waiter of ready) waiter.resolve();
}

/** One drain at a time; addresses queued while one ends start the next. */
function startDrain(s: QueueState, logger: Logger): void {
  if (s.running || s.pending.size === 0) return;
  s.running = drain(s, logger).finally(() => {
    s.running = null;
    startDrain(s, logger);
  });
}

async function drain(s: QueueState, logger: Logger): Promise<void> {
  const locator = await sharedLocator();
  if (!locator) {
    s.unavailable = true;
    settle(s, s.pending.size);
    s.pending.clear();
    return;
  }
  while (s.pending.size > 0) {
    const texts: string[] = [];
    for (const text of s.pending) {
      if (texts.length >= BATCH) break;
      texts.push(text);
      s.pending.delete(text);
    }
    try {
      await storeLocations(locator, distinctAddresses(texts));
      // Texts that are no address inet reads are remembered too: they would only come back.
      for (const text of texts) remember(s, text);
    } catch (error) {
      logger.warn({ err: error, addresses: texts.length }, "storing the locations of client addresses failed; they are located when seen again");
    }
    settle(s, texts.length);
  }
}

function remember(s: QueueState, text: string): void {
  s.remembered.add(text);
  if (s.remembered.size > REMEMBERED) s.remembered.delete(s.remembered.values().next().value!);
}

/** Resolves once every address queued so far is stored (or has failed). Never rejects. */
export function addressesLocated(): Promise<void> {
  const s = state();
  return untilSettled(s, s.queued);
}

/** Forgets which addresses were stored: after ip_location was emptied or changed behind the queue's back (tests). */
export function forgetLocatedAddresses(): void {
  state().remembered.clear();
}
