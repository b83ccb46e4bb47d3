import type { Logger } from "pino";
import type { AsanaClient, AuditLogQuery } from "@/lib/asana/client";
import { judgeAfterPage } from "@/lib/detections/judge-stored";
import { queueAddresses } from "@/lib/geo/locate-page";
import { metrics } from "@/lib/metrics/registry";
import type { Semaphore } from "./semaphore";
import { inWriteTransaction, quarantineRecords, type Tx } from "./store";
import { checkPage, isDataError, writePageCarefully, writePageFast } from "./write-page";

/** What a run did, kept in memory and added to its sync_run row page by page. */
export interface RunFigures {
  pages: number;
  eventsReceived: number;
  eventsNew: number;
  quarantined: number;
  retries: number;
  rateLimitWaits: number;
  rateLimitWaitMs: number;
}

export const emptyFigures = (): RunFigures => ({ pages: 0, eventsReceived: 0, eventsNew: 0, quarantined: 0, retries: 0, rateLimitWaits: 0, rateLimitWaitMs: 0 });

export interface PageContext {
  /** Limits how many pages are written at once: fetches overlap freely, but more writers
   *  than the database has cores only queue on each other's locks. */
  writers: Semaphore;
  workspaceGid: string;
  runId: number;
  client: AsanaClient;
  figures: RunFigures;
  logger: Logger;
  signal: AbortSignal;
}

export interface StoredPage {
  received: number;
  nextOffset: string | null;
  /** Newest created_at among the page's valid events. */
  newest: string | null;
}

/**
 * Fetches one page and commits, in one transaction, its events, its malformed records, the
 * run's figures and (through `commitCursor`) the position to continue from. A crash between
 * two pages therefore only means fetching the last page again.
 */
export async function fetchAndStorePage(
  ctx: PageContext,
  query: AuditLogQuery,
  commitCursor: (tx: Tx, page: StoredPage) => Promise<unknown>,
): Promise<StoredPage> {
  const page = await ctx.client.getAuditLogEvents(ctx.workspaceGid, query, ctx.signal);
  const checked = checkPage(page.data, page.text, new Date());
  const stored: StoredPage = { received: page.data.length, nextOffset: page.nextOffset, newest: checked.newest };

  const write = (careful: boolean) =>
    ctx.writers.run(() =>
      inWriteTransaction(async (tx) => {
        const written = await (careful ? writePageCarefully : writePageFast)(tx, ctx.workspaceGid, page.text, page.data, checked);
        const quarantined = await quarantineRecords(tx, ctx.workspaceGid, ctx.runId, written.quarantine);
        await commitCursor(tx, stored);
        await tx.query(
          `UPDATE sync_run SET pages = pages + 1, events_received = events_received + $1,
             events_new = events_new + $2, quarantined = quarantined + $3,
             retries = retries + $4, rate_limit_waits = rate_limit_waits + $5,
             rate_limit_wait_ms = rate_limit_wait_ms + $6
           WHERE id = $7`,
          [page.data.length, written.inserted, quarantined, page.retries, page.rateLimitWaits, Math.round(page.rateLimitWaitMs), ctx.runId],
        );
        return { inserted: written.inserted, quarantined, first: written.quarantine[0]?.reason };
      }),
    );
  // The page's client addresses are located in the background, queued before the page is
  // stored: a judge that sees its events queued (detection_queue) has already waited for them.
  await queueAddresses(page.data, checked.rejected.length > 0 ? new Set(checked.rejected.map((r) => r.index)) : undefined, ctx.logger);
  let result: Awaited<ReturnType<typeof write>>;
  const writeStarted = performance.now();
  try {
    result = await write(!checked.plain);
  } catch (error) {
    if (checked.plain && isDataError(error)) {
      // Something the checks did not foresee: the careful path finds the record(s) at fault.
      ctx.logger.warn({ workspaceGid: ctx.workspaceGid, reason: error.message }, "PostgreSQL refused a page; storing it record by record");
      result = await write(true);
    } else throw error;
  }

  // The detection rules judge the new events, queued by the same commit, once a batch of them
  // is waiting (a crash here leaves them queued for the next batch or the run's end).
  if (result.inserted > 0) await judgeAfterPage(result.inserted, ctx.logger);

  const m = metrics();
  m.pageWriteSeconds.observe((performance.now() - writeStarted) / 1_000);
  m.pagesWritten.inc();
  m.eventsWritten.inc(result.inserted);
  m.recordsQuarantined.inc(result.quarantined);

  const f = ctx.figures;
  f.pages++;
  f.eventsReceived += page.data.length;
  f.eventsNew += result.inserted;
  f.quarantined += result.quarantined;
  f.retries += page.retries;
  f.rateLimitWaits += page.rateLimitWaits;
  f.rateLimitWaitMs += page.rateLimitWaitMs;
  if (result.first) ctx.logger.warn({ workspaceGid: ctx.workspaceGid, count: result.quarantined, first: result.first }, "records quarantined");
  return stored;
}
