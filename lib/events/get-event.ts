import "server-only";
import { db } from "@/lib/db/client";
import { EVENT_ROW_COLUMNS, toEventRow, type DbEventRow, type EventRow } from "./event-row";
import { describeEvent } from "./summarise-event";

export interface EventDetail extends EventRow {
  sentence: string;
  details: unknown;
  /** The event exactly as Asana sent it (stored as json, so key order and spacing are kept). */
  raw: string;
  /** How many events the actor and the resource have in all, for the links to them (capped). */
  actorEvents: number | null;
  resourceEvents: number | null;
}

const COUNT_CAP = 10_000;

export async function getEvent(gid: string): Promise<EventDetail | null> {
  const rows = await db().$queryRaw<Array<DbEventRow & { raw: string }>>`
    SELECT ${EVENT_ROW_COLUMNS}, raw::text AS raw FROM audit_event WHERE gid = ${gid}`;
  const row = rows[0];
  if (!row) return null;
  const event = toEventRow(row);
  const [actorEvents, resourceEvents] = await Promise.all([
    row.actor_gid ? cappedCount("actor_gid", row.actor_gid) : null,
    row.resource_gid ? cappedCount("resource_gid", row.resource_gid) : null,
  ]);
  return { ...event, sentence: describeEvent({ ...event, details: row.details }), details: row.details ?? null, raw: row.raw, actorEvents, resourceEvents };
}

async function cappedCount(column: "actor_gid" | "resource_gid", gid: string): Promise<number> {
  const rows =
    column === "actor_gid"
      ? await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT 1 FROM audit_event WHERE actor_gid = ${gid} LIMIT ${COUNT_CAP}) s`
      : await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT 1 FROM audit_event WHERE resource_gid = ${gid} LIMIT ${COUNT_CAP}) s`;
  return rows[0]?.n ?? 0;
}
