import type { Logger } from "pino";
import type { AsanaClient } from "@/lib/asana/client";
import { OffsetRejectedError } from "@/lib/asana/errors";
import { checkEvent } from "@/lib/asana/schemas";
import { db } from "@/lib/db/client";
import { storedGid } from "./sanitize-record";
import { judgeStored } from "@/lib/detections/judge-stored";
import { queueAddresses } from "@/lib/geo/locate-page";
import { inWriteTransaction, quarantineRecords, type QuarantineRecord } from "./store";
import { recordTexts, writeRecordTexts } from "./write-page";

/**
 * One day re-read from Asana (start_at/end_at over the day's closed part) and compared, gid
 * by gid, with what is stored: what is missing is stored now ("found late"), through the
 * same writer as the sync, so nothing is doubled and nothing Asana sends can stop it.
 */
export interface DayContext {
  workspaceGid: string;
  client: AsanaClient;
  runId: number;
  logger: Logger;
  signal: AbortSignal;
  pageLimit?: number;
}

export interface DayResult {
  /** The whole day was read (its end has settled), not only its closed part. */
  complete: boolean;
  /** The run's bounds ran out before the re-read reached the day's end: nothing can be said of it. */
  cut: boolean;
  pages: number;
  received: number;
  /** Events Asana listed that are events (not malformed records). */
  listed: number;
  foundLate: number;
  quarantined: number;
  maxLateMs: number | null;
}

const DAY_MS = 86_400_000;
const MAX_RESTARTS = 3;

async function storedGidsOfDay(workspaceGid: string, from: Date): Promise<Set<string>> {
  const rows = await db().$queryRaw<{ gid: string }[]>`
    SELECT gid FROM audit_event WHERE workspace_gid = ${workspaceGid} AND created_at >= ${from} AND created_at < ${new Date(from.getTime() + DAY_MS)}`;
  return new Set(rows.map((r) => r.gid));
}

async function alreadyStored(gids: string[]): Promise<Set<string>> {
  if (gids.length === 0) return new Set();
  const rows = await db().$queryRaw<{ gid: string }[]>`SELECT gid FROM audit_event WHERE gid = ANY(${gids})`;
  return new Set(rows.map((r) => r.gid));
}

/** `budget` says whether one more page may be read (the run's page and time bounds). */
export async function reconcileDay(ctx: DayContext, day: Date, windowEnd: Date, budget: () => boolean): Promise<DayResult> {
  const end = new Date(Math.min(day.getTime() + DAY_MS, windowEnd.getTime()));
  const result: DayResult = { complete: end.getTime() === day.getTime() + DAY_MS, cut: false, pages: 0, received: 0, listed: 0, foundLate: 0, quarantined: 0, maxLateMs: null };
  const stored = await storedGidsOfDay(ctx.workspaceGid, day);
  const listed = new Set<string>();
  let offset: string | null = null;
  for (let restarts = 0; ; ) {
    if (!budget()) {
      result.cut = true;
      return result;
    }
    let page;
    try {
      page = await ctx.client.getAuditLogEvents(ctx.workspaceGid, { start_at: day.toISOString(), end_at: end.toISOString(), ...(ctx.pageLimit ? { limit: ctx.pageLimit } : {}), ...(offset ? { offset } : {}) }, ctx.signal);
    } catch (error) {
      // An offset that expired mid-day: read the day again from its start (gids dedupe).
      if (!(error instanceof OffsetRejectedError) || ++restarts > MAX_RESTARTS) throw error;
      offset = null;
      continue;
    }
    result.pages++;
    result.received += page.data.length;
    const candidates: Array<{ index: number; gid: string; createdMs: number }> = [];
    const rejected: Array<{ index: number; reason: string }> = [];
    page.data.forEach((record, index) => {
      const checked = checkEvent(record);
      if (!checked.ok) return void rejected.push({ index, reason: checked.reason });
      const gid = storedGid(checked.event.gid);
      listed.add(gid);
      if (!stored.has(gid)) candidates.push({ index, gid, createdMs: Date.parse(checked.event.created_at) });
    });
    // Stored under another day (Asana files by its own time; the record may say otherwise): not missing.
    const elsewhere = await alreadyStored(candidates.map((c) => c.gid));
    const missing = candidates.filter((c) => !elsewhere.has(c.gid));
    if (missing.length > 0 || rejected.length > 0) {
      const texts = recordTexts(page.text, page.data);
      // Late events are located and judged at their own time like any other (located first: see page.ts).
      if (missing.length > 0) await queueAddresses(missing.map((m) => page.data[m.index]), undefined, ctx.logger);
      const { inserted, quarantined } = await inWriteTransaction(async (tx) => {
        const written = await writeRecordTexts(tx, ctx.workspaceGid, missing.map((m) => texts[m.index]!));
        const aside: QuarantineRecord[] = [...rejected.map((r) => ({ text: texts[r.index]!, reason: r.reason })), ...written.quarantine];
        return { inserted: written.inserted, quarantined: await quarantineRecords(tx, ctx.workspaceGid, ctx.runId, aside) };
      });
      result.foundLate += inserted;
      result.quarantined += quarantined;
      if (inserted > 0) await judgeStored(ctx.logger);
      const now = Date.now();
      for (const m of missing) if (Number.isFinite(m.createdMs)) result.maxLateMs = Math.max(result.maxLateMs ?? 0, now - m.createdMs);
      for (const m of missing) stored.add(m.gid);
    }
    if (page.data.length === 0 || page.nextOffset === null) break;
    offset = page.nextOffset;
  }
  result.listed = listed.size;
  if (result.foundLate > 0) ctx.logger.info({ workspaceGid: ctx.workspaceGid, day: day.toISOString().slice(0, 10), foundLate: result.foundLate, maxLateMs: result.maxLateMs }, "reconciliation found events Asana made visible late");
  return result;
}
