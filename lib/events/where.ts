import { Prisma } from "@/lib/generated/prisma/client";
import { isGid, looksLikeEmail, type Dimension, type EventFilter } from "./filters";
import { parseIpOrCidr } from "./ip";
import { resolveTimeRange } from "./time-range";

/**
 * A validated filter as a parameterised WHERE fragment over `audit_event`. User input only
 * ever travels as bind parameters; the SQL text is assembled from fixed column names.
 *
 * Each shape is chosen for the (column, created_at) indexes: one value is an equality (an
 * ordered index scan that stops after a page), several are `= ANY(array)`. Excluding keeps
 * rows where the column is empty: "not from 10.0.0.0/8" is true of an event without an IP.
 */
const EQUALITY_COLUMNS = {
  eventType: "event_type",
  category: "event_category",
  actorType: "actor_type",
  resourceType: "resource_type",
  contextType: "context_type",
  authMethod: "auth_method",
  oauthApp: "oauth_app_name",
} as const satisfies Partial<Record<Dimension, string>>;

const sql = Prisma.sql;
const raw = Prisma.raw;

/** `%term%` for ILIKE, with the user's own %, _ and \ matched literally. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, "\\$&")}%`;
}

function anyOf(column: string, values: string[]): Prisma.Sql {
  return values.length === 1 ? sql`${raw(column)} = ${values[0]}` : sql`${raw(column)} = ANY(${values}::text[])`;
}

function orAll(parts: Prisma.Sql[]): Prisma.Sql {
  return parts.length === 1 ? parts[0]! : sql`(${Prisma.join(parts, " OR ")})`;
}

/** Actor keys (the gid for users) already looked up (resolve-actors.ts); null where the lookup stays a subquery. */
export interface ActorGids {
  include: string[] | null;
  exclude: string[] | null;
}

/**
 * How a value that is not a gid finds actors in the small actor table: an actor's key names
 * that actor alone (`actor:asana` is Asana itself, not everyone at asana.com), an e-mail is
 * exact in any case, anything else is part of a name or e-mail.
 */
export function actorLookup(value: string): Prisma.Sql {
  if (looksLikeEmail(value)) return sql`(key = ${value} OR lower(email) = lower(${value}))`;
  return sql`(key = ${value} OR (NOT EXISTS (SELECT 1 FROM actor WHERE key = ${value}) AND (name ILIKE ${likePattern(value)} OR email ILIKE ${likePattern(value)})))`;
}

/**
 * Actors by gid (exact), key (exact: an actor without a gid, e.g. `external_administrator:email:a@x.com`),
 * e-mail (exact, any case) or part of a name or e-mail, resolved to keys in the small actor table.
 */
function actorMatch(values: string[], resolved?: string[] | null): Prisma.Sql {
  if (resolved) return resolved.length === 0 ? sql`FALSE` : anyOf("actor_key", resolved);
  const gids = values.filter(isGid);
  const lookups = values.filter((v) => !isGid(v)).map(actorLookup);
  const parts: Prisma.Sql[] = [];
  if (gids.length > 0) parts.push(anyOf("actor_key", gids));
  if (lookups.length > 0) parts.push(sql`actor_key IN (SELECT key FROM actor WHERE ${Prisma.join(lookups, " OR ")})`);
  return orAll(parts);
}

function resourceMatch(values: string[]): Prisma.Sql {
  const gids = values.filter(isGid);
  const names = values.filter((v) => !isGid(v)).map((v) => sql`resource_name COLLATE "C" ILIKE ${likePattern(v)}`);
  return orAll([...(gids.length > 0 ? [anyOf("resource_gid", gids)] : []), ...names]);
}

function ipMatch(values: string[]): Prisma.Sql {
  return orAll(
    values.map((v) => {
      const parsed = parseIpOrCidr(v);
      if ("error" in parsed) throw new Error(`ip value was not validated: ${parsed.error}`);
      return parsed.kind === "exact" ? sql`client_ip = ${v}::inet` : sql`client_ip <<= ${v}::inet`;
    }),
  );
}

/**
 * Free text: one pass over the row's names, e-mails, OAuth app and details. The newline
 * between fields keeps a term from matching across two of them. A term of digits also
 * matches the event's, actor's and resource's gids.
 *
 * ILIKE under the "C" collation folds ASCII letters only, and is four to five times faster
 * than under the database's locale (measured: 4 µs a row against 18): "émile" then does not
 * find "Émile". Free text is a scan, so the cost per row is what matters.
 */
function textMatch(term: string): Prisma.Sql {
  const haystack = sql`concat_ws(E'\\n', actor_name, actor_email, resource_name, resource_email, oauth_app_name, details::text) COLLATE "C" ILIKE ${likePattern(term)}`;
  if (!isGid(term)) return haystack;
  return sql`(${haystack} OR gid = ${term} OR actor_key = ${term} OR resource_gid = ${term})`;
}

const NULLABLE: Record<string, string> = { actor: "actor_key", resource: "resource_gid", ip: "client_ip" };

function dimensionMatch(dimension: Dimension, values: string[], actorGids?: string[] | null): Prisma.Sql {
  if (dimension in EQUALITY_COLUMNS) return anyOf(EQUALITY_COLUMNS[dimension as keyof typeof EQUALITY_COLUMNS], values);
  switch (dimension) {
    case "actor":
      return actorMatch(values, actorGids);
    case "resource":
      return resourceMatch(values);
    case "ip":
      return ipMatch(values);
    default:
      throw new Error(`no SQL for dimension ${dimension}`);
  }
}

function nullableColumn(dimension: Dimension): string | undefined {
  return EQUALITY_COLUMNS[dimension as keyof typeof EQUALITY_COLUMNS] ?? NULLABLE[dimension];
}

/**
 * Whether a filter has conditions no index serves (free text, part of a resource name): those
 * are checked row by row, so reading them is bounded by a scan budget (list-events.ts).
 */
export function needsScan(filter: EventFilter): boolean {
  const names = (values: string[]) => values.some((v) => !isGid(v));
  return filter.include.text.length + filter.exclude.text.length > 0 || names(filter.include.resource) || names(filter.exclude.resource);
}

export interface WhereOptions {
  /** The instant relative ranges are measured from. */
  now: Date;
  /** Leave one dimension's included values out (facet counts for the other values of it). */
  omitInclude?: Dimension;
  /** Narrow the range's start (facets over a bounded window). */
  notBefore?: Date;
  /** Only the conditions indexes serve ("indexed"), or only the row-by-row ones ("scan"). */
  part?: "all" | "indexed" | "scan";
  /** Actor lookups done beforehand (resolveActors); without them, subqueries on the actor table. */
  actorGids?: ActorGids;
}

/** The conditions of a filter, one per element; empty when nothing is filtered. */
export function eventConditions(filter: EventFilter, options: WhereOptions): Prisma.Sql[] {
  const indexed: Prisma.Sql[] = [];
  const scanned: Prisma.Sql[] = [];
  const { from, to } = resolveTimeRange(filter.time, options.now);
  const start = from && options.notBefore ? (from > options.notBefore ? from : options.notBefore) : (from ?? options.notBefore ?? null);
  if (start) indexed.push(sql`created_at >= ${start}`);
  if (to) indexed.push(sql`created_at < ${to}`);

  for (const term of filter.include.text) scanned.push(textMatch(term));
  if (filter.exclude.text.length > 0) scanned.push(sql`NOT (${orAll(filter.exclude.text.map(textMatch))})`);

  for (const dimension of Object.keys(filter.include) as Dimension[]) {
    if (dimension === "text") continue;
    const bucket = (values: string[]) => (dimension === "resource" && values.some((v) => !isGid(v)) ? scanned : indexed);
    const included = filter.include[dimension];
    if (included.length > 0 && dimension !== options.omitInclude) bucket(included).push(dimensionMatch(dimension, included, options.actorGids?.include));
    const excluded = filter.exclude[dimension];
    if (excluded.length > 0) {
      const column = nullableColumn(dimension);
      bucket(excluded).push(sql`(${raw(column!)} IS NULL OR NOT (${dimensionMatch(dimension, excluded, options.actorGids?.exclude)}))`);
    }
  }
  const part = options.part ?? "all";
  return part === "indexed" ? indexed : part === "scan" ? scanned : [...indexed, ...scanned];
}

/** `cond AND cond …`, or TRUE: always safe to write as `WHERE ${eventWhere(…)}`. */
export function eventWhere(filter: EventFilter, options: WhereOptions): Prisma.Sql {
  const parts = eventConditions(filter, options);
  return parts.length === 0 ? sql`TRUE` : Prisma.join(parts, " AND ");
}
