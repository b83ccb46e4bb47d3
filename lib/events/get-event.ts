import "server-only";
import { db } from "@/lib/db/client";
import { nestsDeeperThan } from "@/lib/format/json-text";
import { Prisma } from "@/lib/generated/prisma/client";
import { isAlteration, MAX_ALTERATIONS_LISTED, type Alteration } from "./alterations";
import { DETAILS_DIGEST, EVENT_ROW_COLUMNS, placeJson, toEventRow, type DbEventRow, type EventRow } from "./event-row";
import { describeEvent } from "./summarise-event";

export interface EventDetail extends EventRow {
  sentence: string;
  /**
   * `details` as JSON text, parsed where it is shown. Text, not an object: React's server
   * component payload drops every key named "__proto__" (and a structural-sharing copy would
   * make it the copy's prototype), and such a key is only a key Asana sent.
   */
  detailsJson: string | null;
  /**
   * Set when `details` is only a digest (each value cut, the first keys): the stored details
   * are larger or deeper than a page shows as fields. The original JSON has all of it.
   */
  detailsDigest?: { bytes: number; reason: "large" | "deep" };
  /**
   * What the sync changed in the searchable columns so that PostgreSQL could hold them (NUL,
   * an unpaired surrogate, a number past numeric…); empty when the event was stored as it came.
   * `raw` is always the original.
   */
  alterations: Alteration[];
  /** The event exactly as Asana sent it (stored as text, so every byte is kept), up to RAW_MAX characters. */
  raw: string;
  /** The original's whole length in characters, when `raw` is only its start (GET /api/events/<gid>/raw has all of it). */
  rawLength?: number;
  /** How many events the actor and the resource have in all, for the links to them (capped). */
  actorEvents: number | null;
  resourceEvents: number | null;
  /**
   * The resource's last known name (the resource table), when this event does not name it: a
   * deleted resource's last events often carry only its gid.
   */
  resourceKnownName: string | null;
}

const COUNT_CAP = 10_000;
/** Details up to this size (stored, in bytes) are read whole; larger ones as a digest. */
export const DETAILS_MAX_BYTES = 2_000_000;
/** Deeper details would make JSON.stringify and React's serialisers recurse past the stack. */
export const DETAILS_MAX_DEPTH = 64;
/** Characters of the original JSON an answer carries; a longer one is downloaded on its own. */
export const RAW_MAX = 2_000_000;

type DetailRow = Omit<DbEventRow, "details"> & { details_text: string | null; details_digest: unknown; details_bytes: number | null; raw: string; raw_length: number; alterations: unknown };

/**
 * One event, every field whole. Only `details` and `raw` are bounded: the first read as
 * fields when small and shallow enough (a digest otherwise), the second cut at RAW_MAX.
 */
export async function getEvent(gid: string): Promise<EventDetail | null> {
  const rows = await db().$queryRaw<DetailRow[]>`
    SELECT ${EVENT_ROW_COLUMNS},
      CASE WHEN octet_length(d.text) <= ${DETAILS_MAX_BYTES} THEN d.text END AS details_text,
      ${Prisma.raw(DETAILS_DIGEST)} AS details_digest, octet_length(d.text) AS details_bytes,
      left(raw, ${RAW_MAX}) AS raw, length(raw) AS raw_length, alterations, ${placeJson(null)} AS place
    FROM audit_event LEFT JOIN ip_location loc ON loc.ip = audit_event.client_ip, LATERAL (SELECT details::text AS text) AS d
    WHERE gid = ${gid}`;
  const row = rows[0];
  if (!row) return null;
  const whole = row.details_text !== null && !nestsDeeperThan(row.details_text, DETAILS_MAX_DEPTH);
  const details: unknown = whole ? JSON.parse(row.details_text!) : row.details_digest;
  const event = toEventRow({ ...row, details });
  const [actorEvents, resourceEvents, resourceKnownName] = await Promise.all([
    cappedCount("actor_key", row.actor_key),
    row.resource_gid ? cappedCount("resource_gid", row.resource_gid) : null,
    row.resource_gid && row.resource_name === null ? lastKnownName(row.resource_gid) : null,
  ]);
  return {
    ...event,
    sentence: describeEvent({ ...event, resourceName: event.resourceName ?? resourceKnownName, details }),
    detailsJson: whole ? row.details_text : details === null ? null : JSON.stringify(details),
    ...(whole || row.details_bytes === null ? {} : { detailsDigest: { bytes: row.details_bytes, reason: row.details_text === null ? "large" : "deep" } }),
    alterations: Array.isArray(row.alterations) ? row.alterations.filter(isAlteration).slice(0, MAX_ALTERATIONS_LISTED + 1) : [],
    raw: row.raw,
    ...(row.raw_length > row.raw.length ? { rawLength: row.raw_length } : {}),
    actorEvents,
    resourceEvents,
    resourceKnownName,
  };
}

async function lastKnownName(resourceGid: string): Promise<string | null> {
  const rows = await db().$queryRaw<{ name: string }[]>`SELECT name FROM resource WHERE gid = ${resourceGid}`;
  return rows[0]?.name ?? null;
}

/** The original JSON of one event, whole, for a download: null when no event has the gid. */
export async function getEventRaw(gid: string): Promise<string | null> {
  const rows = await db().$queryRaw<{ raw: string }[]>`SELECT raw FROM audit_event WHERE gid = ${gid}`;
  return rows[0]?.raw ?? null;
}

async function cappedCount(column: "actor_key" | "resource_gid", gid: string): Promise<number> {
  const rows =
    column === "actor_key"
      ? await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT 1 FROM audit_event WHERE actor_key = ${gid} LIMIT ${COUNT_CAP}) s`
      : await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT 1 FROM audit_event WHERE resource_gid = ${gid} LIMIT ${COUNT_CAP}) s`;
  return rows[0]?.n ?? 0;
}
