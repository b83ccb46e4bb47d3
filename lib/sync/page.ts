import type { Logger } from "pino";
import type { AsanaClient, AuditLogQuery } from "@/lib/asana/client";
import { checkEvent } from "@/lib/asana/schemas";
import { storableIp } from "./normalize";
import type { Semaphore } from "./semaphore";
import { insertEventPage, inWriteTransaction, quarantineRecords, type QuarantineRecord, type Tx } from "./store";

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
  const rejected: QuarantineRecord[] = [];
  const skip: number[] = [];
  const badIp: number[] = [];
  let newest: string | null = null;
  page.data.forEach((record, i) => {
    const checked = checkEvent(record);
    if (!checked.ok) {
      rejected.push({ payload: record, reason: checked.reason });
      skip.push(i + 1);
      return;
    }
    if (!storableIp(checked.event)) badIp.push(i + 1);
    const created = new Date(checked.event.created_at).toISOString();
    if (!newest || created > newest) newest = created;
  });
  const stored: StoredPage = { received: page.data.length, nextOffset: page.nextOffset, newest };

  const { inserted, quarantined } = await ctx.writers.run(() => inWriteTransaction(async (tx) => {
    const inserted = skip.length === page.data.length ? 0 : await insertEventPage(tx, { workspaceGid: ctx.workspaceGid, text: page.text, skip, badIp });
    const quarantined = await quarantineRecords(tx, ctx.workspaceGid, ctx.runId, rejected);
    await commitCursor(tx, stored);
    await tx.query(
      `UPDATE sync_run SET pages = pages + 1, events_received = events_received + $1,
         events_new = events_new + $2, quarantined = quarantined + $3,
         retries = retries + $4, rate_limit_waits = rate_limit_waits + $5,
         rate_limit_wait_ms = rate_limit_wait_ms + $6
       WHERE id = $7`,
      [page.data.length, inserted, quarantined, page.retries, page.rateLimitWaits, Math.round(page.rateLimitWaitMs), ctx.runId],
    );
    return { inserted, quarantined };
  }));

  const f = ctx.figures;
  f.pages++;
  f.eventsReceived += page.data.length;
  f.eventsNew += inserted;
  f.quarantined += quarantined;
  f.retries += page.retries;
  f.rateLimitWaits += page.rateLimitWaits;
  f.rateLimitWaitMs += page.rateLimitWaitMs;
  if (rejected.length > 0) ctx.logger.warn({ workspaceGid: ctx.workspaceGid, count: rejected.length, first: rejected[0]!.reason }, "malformed events quarantined");
  return stored;
}
