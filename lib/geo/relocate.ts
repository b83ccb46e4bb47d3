import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "pino";
import { dbPool } from "@/lib/db/client";
import { onShutdown, shutdownSignal } from "@/lib/lifecycle/shutdown";
import { GEO_SOURCE } from "./databases";
import { sharedLocator, type Locator } from "./locate";
import { distinctAddresses, storeLocations } from "./store-locations";

/**
 * The pass at start that brings ip_location up to date with what is stored, in the
 * background: rows located under another source (the databases were updated) are looked up
 * again, then the addresses of events stored before enrichment existed (or whose enrichment
 * was lost to a crash) are located. Both walk an index in batches, newest months first for
 * the second, pausing between batches so that the sync and the pages keep the database.
 */
const BATCH = 1_000;
const PAUSE_MS = 50;
/** Bounds the walk whatever the tables hold: 100 million rows. */
const MAX_BATCHES = 100_000;
const PROGRESS_EVERY = 100;

export interface RelocateOutcome {
  /** Rows of another source looked up again. */
  relocated: number;
  /** Stored addresses that had no row. */
  located: number;
}

/** Rows in address order from `after` on, and whether each is stale. */
const STALE_PAGE = `
SELECT host(ip) AS ip, source <> $2 AS stale FROM ip_location WHERE ip > $1::inet ORDER BY ip LIMIT ${BATCH}`;

/** The per-value rollup's addresses, newest month first, and whether each lacks a row. */
const MISSING_PAGE = `
WITH page AS (
  SELECT month, value FROM event_value_rollup_monthly
  WHERE dimension = 'ip' AND (dimension, month, value) < ('ip', $1::date, $2::text)
  ORDER BY dimension DESC, month DESC, value DESC
  LIMIT ${BATCH}
)
SELECT to_char(month, 'YYYY-MM-DD') AS month, value, NOT EXISTS (SELECT 1 FROM ip_location l WHERE l.ip = page.value::inet) AS missing FROM page`;

export async function relocateStored(logger: Logger, signal: AbortSignal = shutdownSignal()): Promise<RelocateOutcome> {
  const outcome: RelocateOutcome = { relocated: 0, located: 0 };
  let locator: Locator | null | undefined;
  // Loaded only once a batch has something to locate: an archive already up to date costs none of its memory.
  const store = async (texts: string[]): Promise<number> => {
    if (texts.length === 0) return 0;
    locator ??= await sharedLocator();
    if (!locator) throw new StopRelocating();
    // The rollup lists an address once per actor type.
    const batch = distinctAddresses(texts);
    await storeLocations(locator, batch);
    return batch.length;
  };
  const pause = () => sleep(PAUSE_MS, undefined, { signal }).catch(() => undefined);
  const started = performance.now();
  let batches = 0;
  const progress = (phase: string) => {
    if (++batches % PROGRESS_EVERY === 0) logger.info({ phase, batches, ...outcome }, "locating stored client addresses");
  };
  try {
    // Rows of another source. '0.0.0.0/0' sorts before every stored address.
    for (let after = "0.0.0.0/0", i = 0; i < MAX_BATCHES && !signal.aborted; i++) {
      const { rows } = await dbPool().query<{ ip: string; stale: boolean }>(STALE_PAGE, [after, GEO_SOURCE]);
      outcome.relocated += await store(rows.filter((r) => r.stale).map((r) => r.ip));
      progress("relocating");
      if (rows.length < BATCH) break;
      after = rows[rows.length - 1]!.ip;
      await pause();
    }
    // Addresses without a row. ('infinity', '') sorts after every month and value.
    for (let month = "infinity", value = "", i = 0; i < MAX_BATCHES && !signal.aborted; i++) {
      const { rows } = await dbPool().query<{ month: string; value: string; missing: boolean }>(MISSING_PAGE, [month, value]);
      outcome.located += await store(rows.filter((r) => r.missing).map((r) => r.value));
      progress("locating");
      if (rows.length < BATCH) break;
      ({ month, value } = rows[rows.length - 1]!);
      await pause();
    }
  } catch (error) {
    if (!(error instanceof StopRelocating)) throw error;
  }
  if (outcome.relocated + outcome.located > 0) logger.info({ ...outcome, ms: Math.round(performance.now() - started) }, "stored client addresses located");
  return outcome;
}

/** The databases could not be loaded (already logged): nothing can be located. */
class StopRelocating extends Error {}

/** Starts the pass once per process, in the background; the shutdown waits for its current batch. */
export function relocateInBackground(logger: Logger): void {
  const globalForRelocate = globalThis as unknown as { __auditRelocating?: boolean };
  if (globalForRelocate.__auditRelocating) return;
  globalForRelocate.__auditRelocating = true;
  const running = relocateStored(logger).then(
    () => undefined,
    (error: unknown) => logger.warn({ err: error }, "locating stored client addresses failed; the next start tries again"),
  );
  const unregister = onShutdown("work", () => running);
  void running.finally(unregister);
}
