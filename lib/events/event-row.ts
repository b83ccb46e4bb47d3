import { Prisma } from "@/lib/generated/prisma/client";
import { toPlace, type EventPlace } from "./place";
import { summariseDetails } from "./summarise-event";

/** One event as the explorer's table shows it: every column, and `details` as one line. */
export interface EventRow {
  gid: string;
  createdAt: string;
  workspaceGid: string;
  eventType: string;
  eventCategory: string | null;
  actorType: string;
  actorGid: string | null;
  /** Who the actor is, for every actor (actor_key(): the gid for users): their page and filter value. */
  actorKey: string;
  actorName: string | null;
  actorEmail: string | null;
  resourceType: string | null;
  resourceSubtype: string | null;
  resourceGid: string | null;
  resourceName: string | null;
  resourceEmail: string | null;
  contextType: string | null;
  clientIp: string | null;
  userAgent: string | null;
  authMethod: string | null;
  oauthAppName: string | null;
  /**
   * Where the address is (its ip_location row), when the answer reads it (the explorer's
   * pages and an event's own page): null when the event has no address or the address has
   * not been looked up yet.
   */
  place?: EventPlace | null;
  summary: string;
  /**
   * The whole length of each text field a list answer cut (at LIST_TEXT_MAX characters), by
   * field name; absent when nothing was. The event's own page has every character.
   */
  cut?: Partial<Record<CutField, number>>;
}

/** A page of 500 rows must not carry 500 names of 200,000 characters: lists cut each text field here. */
export const LIST_TEXT_MAX = 500;

const TEXT_FIELDS = {
  gid: "gid",
  workspaceGid: "workspace_gid",
  eventType: "event_type",
  eventCategory: "event_category",
  actorType: "actor_type",
  actorGid: "actor_gid",
  actorKey: "actor_key",
  actorName: "actor_name",
  actorEmail: "actor_email",
  resourceType: "resource_type",
  resourceSubtype: "resource_subtype",
  resourceGid: "resource_gid",
  resourceName: "resource_name",
  resourceEmail: "resource_email",
  contextType: "context_type",
  userAgent: "user_agent",
  authMethod: "auth_method",
  oauthAppName: "oauth_app_name",
} as const;
export type CutField = keyof typeof TEXT_FIELDS;

export interface DbEventRow {
  gid: string;
  created_at: Date;
  workspace_gid: string;
  event_type: string;
  event_category: string | null;
  actor_type: string;
  actor_gid: string | null;
  actor_key: string;
  actor_name: string | null;
  actor_email: string | null;
  resource_type: string | null;
  resource_subtype: string | null;
  resource_gid: string | null;
  resource_name: string | null;
  resource_email: string | null;
  context_type: string | null;
  client_ip: string | null;
  user_agent: string | null;
  auth_method: string | null;
  oauth_app_name: string | null;
  details: unknown;
  /** The address's location as JSON (placeJson), when read. */
  place?: unknown;
  /** Lists only: field → whole length, for the fields cut. */
  cut?: Record<string, number> | null;
}

/**
 * The select list of DbEventRow but `details`, every value whole (one event's page): the
 * caller reads `details` its own, bounded way. host() prints an inet without its /32.
 */
export const EVENT_ROW_COLUMNS = Prisma.sql`gid, created_at, workspace_gid, event_type, event_category, actor_type, actor_gid, actor_key, actor_name, actor_email,
  resource_type, resource_subtype, resource_gid, resource_name, resource_email, context_type, host(client_ip) AS client_ip,
  user_agent, auth_method, oauth_app_name`;

const columns = Object.entries(TEXT_FIELDS);
/** octet_length first: it reads a long value's size without decompressing it. */
const lengthIfCut = (column: string) => `CASE WHEN octet_length(${column}) <= ${LIST_TEXT_MAX} THEN NULL WHEN length(${column}) > ${LIST_TEXT_MAX} THEN length(${column}) END`;

/**
 * What a list shows of `details`: the digest summariseDetails reads (old and new value, and
 * the first keys, each value cut to a few hundred characters, a nested one as cut JSON
 * text), built by PostgreSQL so that a megabyte of details never leaves the database for a
 * one-line summary.
 */
export const DETAILS_DIGEST = `CASE WHEN jsonb_typeof(details) = 'object' THEN (
    SELECT jsonb_object_agg(left(key, 100), CASE
      WHEN jsonb_typeof(value) = 'string' THEN to_jsonb(left(value #>> '{}', 200))
      WHEN jsonb_typeof(value) = 'object' AND value ? 'name' THEN jsonb_build_object('name', left(value ->> 'name', 200))
      WHEN jsonb_typeof(value) IN ('object', 'array', 'number') AND length(value::text) > 200 THEN to_jsonb(left(value::text, 200))
      ELSE value END)
    FROM jsonb_each(details) WITH ORDINALITY AS e(key, value, i)
    WHERE i <= 20 OR key IN ('old_value', 'new_value')
  ) END`;

/** The select list of list answers (DbEventRow with `cut`): text cut, details digested. */
export const EVENT_LIST_COLUMNS = Prisma.raw(
  [
    ...columns.map(([, column]) => `left(${column}, ${LIST_TEXT_MAX}) AS ${column}`),
    "created_at",
    "host(client_ip) AS client_ip",
    `${DETAILS_DIGEST} AS details`,
    `NULLIF(jsonb_strip_nulls(jsonb_build_object(${columns.map(([field, column]) => `'${field}', ${lengthIfCut(column)}`).join(", ")})), '{}'::jsonb) AS cut`,
  ].join(",\n  "),
);

export function toEventRow(row: DbEventRow): EventRow {
  const cut = row.cut ? Object.fromEntries(columns.flatMap(([field]) => (Object.hasOwn(row.cut!, field) ? [[field, row.cut![field]!]] : []))) : null;
  return {
    gid: row.gid,
    createdAt: row.created_at.toISOString(),
    workspaceGid: row.workspace_gid,
    eventType: row.event_type,
    eventCategory: row.event_category,
    actorType: row.actor_type,
    actorGid: row.actor_gid,
    actorKey: row.actor_key,
    actorName: row.actor_name,
    actorEmail: row.actor_email,
    resourceType: row.resource_type,
    resourceSubtype: row.resource_subtype,
    resourceGid: row.resource_gid,
    resourceName: row.resource_name,
    resourceEmail: row.resource_email,
    contextType: row.context_type,
    clientIp: row.client_ip,
    userAgent: row.user_agent,
    authMethod: row.auth_method,
    oauthAppName: row.oauth_app_name,
    ...(row.place !== undefined ? { place: toPlace(row.place) } : {}),
    summary: summariseDetails(row.details),
    ...(cut ? { cut } : {}),
  };
}

const PLACE_COLUMNS = { country: "country", region: "region", city: "city", org: "as_org" } as const;

/**
 * The address's ip_location row (`loc`, joined by the caller) as one JSON value, null when it
 * has none; text cut at `max` characters when given, the whole lengths then under `cut`.
 */
export function placeJson(max: number | null): Prisma.Sql {
  const text = (column: string) => (max === null ? `loc.${column}` : `left(loc.${column}, ${max})`);
  const texts = Object.entries(PLACE_COLUMNS).map(([field, column]) => `'${field}', ${text(column)}`);
  const cut = max === null ? "NULL" : `NULLIF(jsonb_strip_nulls(jsonb_build_object(${Object.entries(PLACE_COLUMNS).map(([field, column]) => `'${field}', ${lengthIfCut(`loc.${column}`)}`).join(", ")})), '{}'::jsonb)`;
  return Prisma.raw(`CASE WHEN loc.ip IS NULL THEN NULL ELSE jsonb_build_object(${texts.join(", ")},
    'latitude', loc.latitude, 'longitude', loc.longitude, 'asn', loc.asn, 'hosting', loc.hosting, 'cut', ${cut}) END`);
}

/**
 * A page of list rows (EVENT_LIST_COLUMNS) with their addresses' places: one LEFT JOIN on
 * the page's own addresses, after the page is chosen, in the page's order.
 */
export function withPlaces(page: Prisma.Sql, order: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT page.*, ${placeJson(LIST_TEXT_MAX)} AS place FROM (${page}) AS page LEFT JOIN ip_location loc ON loc.ip = page.client_ip::inet ${order}`;
}
