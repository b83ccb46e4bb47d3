import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { EVENT_LIST_COLUMNS, toEventRow, withPlaces, type DbEventRow, type EventRow } from "./event-row";
import type { EventFilter } from "./filters";
import { encodeCursor, type Cursor, type EventView } from "./view";
import { resolveActors } from "./resolve-actors";
import { textIndexServes, textPieces, withTextIndex } from "./text-search";
import { placesByAddress } from "./geo-plan";
import { eventWhere, needsScan, type WhereOptions } from "./where";

export interface ListEventsInput {
  filter: EventFilter;
  sort: EventView["sort"];
  size: EventView["size"];
  page: EventView["page"];
  now?: Date;
  /** Rows one request may read for row-by-row conditions (tests make it small). */
  scanBudget?: number;
}

export interface EventPage {
  events: EventRow[];
  /**
   * Set when free text (or part of a resource name) stopped at the scan budget before the
   * page filled: the rows were searched as far back as `to` (in reading order), and `next`
   * (or `prev`, going back) continues the search from there.
   */
  scanned: { rows: number; to: string } | null;
  /** `after` of the next page, null on the last one. */
  next: string | null;
  /** `before` of the previous page, null on the first one. */
  prev: string | null;
  /** When relative ranges were resolved: the client asks "what is newer than this page" from here. */
  asOf: string;
}

const keyOf = (row: EventRow): Cursor => ({ at: row.createdAt, gid: row.gid });

/** Rows one request reads for free text: about a tenth of a second on this hardware. */
export const SCAN_BUDGET = 20_000;

/**
 * One page of events, paged by keyset on (created_at, gid): a page deep in a million rows
 * costs what the first one does, and events synced meanwhile never shift a page under the
 * reader. One row more than the page is read to know whether another page follows.
 *
 * Going back (`before`) reads in the opposite order from the cursor and flips the rows, so
 * both directions use the same index.
 */
export async function listEvents(input: ListEventsInput): Promise<EventPage> {
  const now = input.now ?? new Date();
  const actors = await resolveActors(input.filter);
  const byAddress = await placesByAddress(input.filter, { now, actorGids: actors });
  const where = (options: Omit<WhereOptions, "now" | "actorGids" | "placesByAddress"> = {}) => eventWhere(input.filter, { now, actorGids: actors, placesByAddress: byAddress, ...options });
  const budget = input.scanBudget ?? SCAN_BUDGET;
  const newestFirst = input.sort === "newest";
  const backwards = input.page !== null && "before" in input.page;
  const cursor = input.page ? ("after" in input.page ? input.page.after : input.page.before) : null;
  // Reading direction: newest-first pages read descending, unless going back.
  const descending = newestFirst !== backwards;
  const order = descending ? Prisma.sql`ORDER BY created_at DESC, gid DESC` : Prisma.sql`ORDER BY created_at ASC, gid ASC`;
  const seek = cursor
    ? descending
      ? Prisma.sql`AND (created_at, gid) < (${new Date(cursor.at)}, ${cursor.gid})`
      : Prisma.sql`AND (created_at, gid) > (${new Date(cursor.at)}, ${cursor.gid})`
    : Prisma.empty;

  let rows: DbEventRow[];
  let boundary: Cursor | null = null;
  if (!needsScan(input.filter)) {
    rows = await db().$queryRaw<DbEventRow[]>(
      withPlaces(
        Prisma.sql`SELECT ${EVENT_LIST_COLUMNS} FROM audit_event
        WHERE ${where()} ${seek}
        ${order} LIMIT ${input.size + 1}`,
        order,
      ),
    );
  } else {
    // Row-by-row conditions read at most SCAN_BUDGET rows (newest first, by the indexes),
    // stopping as soon as the page is full: a rare term over months answers in bounded time
    // with "searched back to …", instead of reading millions of rows in one request.
    const indexed = where({ part: "indexed" });
    const scan = where({ part: "scan" });
    rows = await db().$queryRaw<DbEventRow[]>(
      withPlaces(
        Prisma.sql`SELECT ${EVENT_LIST_COLUMNS} FROM (
          SELECT * FROM audit_event WHERE ${indexed} ${seek} ${order} LIMIT ${budget}
        ) budget
        WHERE ${scan} ${order} LIMIT ${input.size + 1}`,
        order,
      ),
    );
    if (rows.length <= input.size) {
      const edge = await db().$queryRaw<{ created_at: Date; gid: string }[]>`
        SELECT created_at, gid FROM audit_event WHERE ${indexed} ${seek} ${order} OFFSET ${budget - 1} LIMIT 1`;
      if (edge[0]) boundary = { at: edge[0].created_at.toISOString(), gid: edge[0].gid };
    }
    // Too few matches among the newest rows: a rare term, looked up in the trigram index
    // over the whole range at once (text-search.ts), else the search goes on batch by batch.
    if (boundary && textIndexServes(input.filter)) {
      const found = await withTextIndex<DbEventRow>(
        withPlaces(
          Prisma.sql`SELECT ${EVENT_LIST_COLUMNS} FROM audit_event
          WHERE ${where({ textPieces: await textPieces(input.filter) })} ${seek}
          ${order} LIMIT ${input.size + 1}`,
          order,
        ),
      );
      if (found) {
        rows = found;
        boundary = null;
      }
    }
  }
  const more = rows.length > input.size || boundary !== null;
  const page = rows.slice(0, input.size).map(toEventRow);
  if (backwards) page.reverse();

  const first = page[0];
  const last = page[page.length - 1];
  let next: string | null;
  let prev: string | null;
  // Where the next read in this direction starts: after the last row, or after the scan's edge.
  const onward = boundary ? encodeCursor(boundary) : more ? encodeCursor(keyOf(backwards ? first! : last!)) : null;
  if (backwards) {
    prev = onward;
    // We came back from the cursor's page, so it follows this one.
    next = last ? encodeCursor(keyOf(last)) : cursor ? encodeCursor(cursor) : null;
  } else {
    next = onward;
    prev = cursor ? (first ? encodeCursor(keyOf(first)) : encodeCursor(cursor)) : null;
  }
  return { events: page, next, prev, scanned: boundary ? { rows: budget, to: boundary.at } : null, asOf: now.toISOString() };
}

/** How many matching events are newer than `since` (the top of the page being read), up to `cap`. */
export async function countNewer(filter: EventFilter, since: Cursor, cap = 1000, now = new Date()): Promise<{ count: number; capped: boolean }> {
  const actorGids = await resolveActors(filter);
  const rows = await db().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM audit_event
      WHERE ${eventWhere(filter, { now, actorGids })} AND (created_at, gid) > (${new Date(since.at)}, ${since.gid})
      LIMIT ${cap + 1}
    ) newer`;
  const n = rows[0]?.n ?? 0;
  return { count: Math.min(n, cap), capped: n > cap };
}
