import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { EVENT_ROW_COLUMNS, toEventRow, type DbEventRow, type EventRow } from "./event-row";
import type { EventFilter } from "./filters";
import { encodeCursor, type Cursor, type EventView } from "./view";
import { eventWhere } from "./where";

export interface ListEventsInput {
  filter: EventFilter;
  sort: EventView["sort"];
  size: EventView["size"];
  page: EventView["page"];
  now?: Date;
}

export interface EventPage {
  events: EventRow[];
  /** `after` of the next page, null on the last one. */
  next: string | null;
  /** `before` of the previous page, null on the first one. */
  prev: string | null;
  /** When relative ranges were resolved: the client asks "what is newer than this page" from here. */
  asOf: string;
}

const keyOf = (row: EventRow): Cursor => ({ at: row.createdAt, gid: row.gid });

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

  const rows = await db().$queryRaw<DbEventRow[]>`
    SELECT ${EVENT_ROW_COLUMNS} FROM audit_event
    WHERE ${eventWhere(input.filter, { now })} ${seek}
    ${order} LIMIT ${input.size + 1}`;
  const more = rows.length > input.size;
  const page = rows.slice(0, input.size).map(toEventRow);
  if (backwards) page.reverse();

  const first = page[0];
  const last = page[page.length - 1];
  let next: string | null;
  let prev: string | null;
  if (backwards) {
    prev = more && first ? encodeCursor(keyOf(first)) : null;
    // We came back from the cursor's page, so it follows this one.
    next = last ? encodeCursor(keyOf(last)) : cursor ? encodeCursor(cursor) : null;
  } else {
    next = more && last ? encodeCursor(keyOf(last)) : null;
    prev = cursor ? (first ? encodeCursor(keyOf(first)) : encodeCursor(cursor)) : null;
  }
  return { events: page, next, prev, asOf: now.toISOString() };
}

/** How many matching events are newer than `since` (the top of the page being read), up to `cap`. */
export async function countNewer(filter: EventFilter, since: Cursor, cap = 1000, now = new Date()): Promise<{ count: number; capped: boolean }> {
  const rows = await db().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM audit_event
      WHERE ${eventWhere(filter, { now })} AND (created_at, gid) > (${new Date(since.at)}, ${since.gid})
      LIMIT ${cap + 1}
    ) newer`;
  const n = rows[0]?.n ?? 0;
  return { count: Math.min(n, cap), capped: n > cap };
}
