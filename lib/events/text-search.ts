import "server-only";
import { db } from "@/lib/db/client";
import { isQueryTimeout } from "@/lib/db/query-timeout";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { estimateEvents } from "./count-events";
import type { EventFilter } from "./filters";
import { likePattern } from "./query-expr";
import { EVENT_TEXT } from "./where";

/**
 * Free text through the trigram index over each event's text (EVENT_TEXT in where.ts), for a
 * term too rare to be found by reading the newest events: the index hands over the events
 * holding the term's trigrams, PostgreSQL checks each, and the answer is complete however far
 * back they lie (tens of milliseconds at ten million events, where reading the events one by
 * one took ten seconds).
 *
 * A common term (a domain, a word in every other event) is the opposite case: its trigrams
 * point at millions of events, and reading the newest ones finds a page at once. Callers
 * therefore try this only once the newest events held too few matches, and stop it at
 * TEXT_INDEX_TIMEOUT_MS, falling back to what they had.
 */
export const TEXT_INDEX_TIMEOUT_MS = 1_500;

/**
 * pg_trgm finds nothing to look up in a term without three letters or digits in a row ("ab",
 * "@.", "ü" under the C locale), and would read the whole index: such a term is searched by
 * reading the events.
 */
export function hasTrigram(term: string): boolean {
  return /[A-Za-z0-9]{3}/.test(term);
}

/** Whether the filter requires a free-text term the index can look up (one is enough: the others are checked on the rows it leads to). */
export function textIndexServes(filter: EventFilter): boolean {
  return filter.include.text.some(hasTrigram);
}

/**
 * For each included term that is better looked up by a piece of it, that piece. The index
 * reads the entries of every trigram of what it looks up, and a common part costs in
 * proportion to its events: "rey.keebler@example.com" read 123,000 index pages for the domain
 * (2.3 s at ten million events), "rey.keebler" 1,500 (43 ms). A term is cut at "@" and
 * spaces, and the piece the planner expects the fewest events for is looked up (its estimate
 * comes from the statistics ANALYZE keeps on the index's expression); the whole term is then
 * checked on the rows it leads to.
 */
export async function textPieces(filter: EventFilter): Promise<Map<string, string>> {
  const pieces = new Map<string, string>();
  for (const term of filter.include.text.slice(0, MAX_TERMS)) {
    const candidates = [...new Set(term.split(/[@\s]+/).filter(hasTrigram))].slice(0, MAX_PIECES);
    if (candidates.length < 2 && (candidates.length === 0 || candidates[0] === term)) continue;
    // A piece holds fewer trigrams than the term: on a tie (rare strings all get the planner's
    // floor) it is the cheaper lookup.
    let best: { piece: string; rows: number } | null = null;
    for (const piece of [...candidates, term]) {
      const rows = await estimateEvents(Prisma.sql`${EVENT_TEXT} ILIKE ${likePattern(piece)}`);
      if (!best || rows < best.rows) best = { piece, rows };
    }
    if (best && best.piece !== term) pieces.set(term, best.piece);
  }
  return pieces;
}

/** Bounds on the estimates one request asks for (a query can hold many long terms). */
const MAX_TERMS = 4;
const MAX_PIECES = 6;

/**
 * Runs `query` (whose WHERE holds the filter's free text) through bitmap scans only: an
 * ordered scan of the time index, checking the term row by row, is exactly what this path is
 * for avoiding, and a sequential scan the same. Null when it did not finish in time.
 */
export async function withTextIndex<T>(query: Prisma.Sql, timeoutMs = TEXT_INDEX_TIMEOUT_MS): Promise<T[] | null> {
  // Never longer than the limit every other statement runs under (0: none configured).
  const configured = env().QUERY_TIMEOUT;
  const limit = Math.floor(configured > 0 ? Math.min(timeoutMs, configured) : timeoutMs);
  try {
    const [, , , , rows] = await db().$transaction([
      db().$executeRawUnsafe(`SET LOCAL statement_timeout = ${limit}`),
      db().$executeRawUnsafe("SET LOCAL enable_indexscan = off"),
      db().$executeRawUnsafe("SET LOCAL enable_indexonlyscan = off"),
      db().$executeRawUnsafe("SET LOCAL enable_seqscan = off"),
      db().$queryRaw<T[]>(query),
    ]);
    return rows;
  } catch (error) {
    if (isQueryTimeout(error)) return null;
    throw error;
  }
}
