import { Prisma } from "@/lib/generated/prisma/client";
import { isGid, looksLikeEmail, type Dimension, type EventFilter } from "./filters";
import { parseIpOrCidr } from "./ip";
import { isGeoDimension } from "./geo-values";
import { likePattern, MAX_DEPTH, wildcardPattern, type QueryExpr } from "./query-expr";
import { geoMatch } from "./where-geo";
import { resolveTimeRange } from "./time-range";
import { eventTypesMatchingText } from "./type-text";

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
} as const satisfies Partial<Record<Dimension, string>>;

const sql = Prisma.sql;
const raw = Prisma.raw;

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
  /** OAuth app names as stored, looked up in any case beforehand: then an equality the index serves. */
  apps?: { include: string[] | null; exclude: string[] | null };
}

/**
 * OAuth apps by name in any case. The names are looked up in the monthly value rollup (a few
 * rows per app) and the events then read by equality, so the (oauth_app_name, created_at)
 * index still serves: `= ANY(ARRAY(subquery))` is one lookup, then an index condition.
 */
function appMatch(values: string[], wildcard = false, resolved?: string[] | null): Prisma.Sql {
  if (resolved) return anyOf("oauth_app_name", resolved);
  const names = wildcard
    ? sql`SELECT DISTINCT value FROM event_value_rollup_monthly WHERE dimension = 'oauth_app' AND value ILIKE ${wildcardPattern(values[0]!)}`
    : sql`SELECT DISTINCT value FROM event_value_rollup_monthly WHERE dimension = 'oauth_app' AND lower(value) = ANY(${values.map((v) => v.toLowerCase())}::text[])`;
  return wildcard ? sql`oauth_app_name = ANY(ARRAY(${names}))` : sql`oauth_app_name = ANY(ARRAY(${names}) || ${values}::text[])`;
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
function actorMatch(values: string[], resolved?: string[] | null, wildcard = false): Prisma.Sql {
  if (resolved) return resolved.length === 0 ? sql`FALSE` : anyOf("actor_key", resolved);
  if (wildcard) return sql`actor_key IN (SELECT key FROM actor WHERE name ILIKE ${wildcardPattern(values[0]!)} OR email ILIKE ${wildcardPattern(values[0]!)})`;
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

/** The text free text matches, written as the trigram index over it is (migration 20261207020000_event_text_trigram). */
export const EVENT_TEXT = sql`audit_event_text(actor_name, actor_email, resource_name, resource_email, oauth_app_name, details) COLLATE "C"`;

/**
 * Free text: the row's names, e-mails, OAuth app and details (audit_event_text, with a
 * newline between fields so that a term never spans two). A term of digits also matches the
 * event's, actor's and resource's gids.
 *
 * ILIKE under the "C" collation folds ASCII letters only, and is four to five times faster
 * than under the database's locale (measured: 4 µs a row against 18): "émile" then does not
 * find "Émile". Read newest first, the cost per row is what matters; a rare term is found
 * through the trigram index instead (text-search.ts).
 */
function textMatch(term: string, piece?: string): Prisma.Sql {
  // Looked up in the index by a rarer piece of the term (text-search.ts), then checked whole on
  // an expression the planner cannot match to the index, so that it does not look it up too.
  const haystack = piece
    ? sql`(${EVENT_TEXT} ILIKE ${likePattern(piece)} AND (${EVENT_TEXT} || '') ILIKE ${likePattern(term)})`
    : sql`${EVENT_TEXT} ILIKE ${likePattern(term)}`;
  if (!isGid(term)) return haystack;
  return sql`(${haystack} OR gid = ${term} OR actor_key = ${term} OR resource_gid = ${term})`;
}

/** Free text, or the event types whose name or label says it ("2fa", "login failed"; type-text.ts). */
function freeTextMatch(term: string, piece?: string): Prisma.Sql {
  const types = eventTypesMatchingText(term);
  return types.length === 0 ? textMatch(term, piece) : sql`(${textMatch(term, piece)} OR ${anyOf("event_type", types)})`;
}

const NULLABLE: Record<string, string> = { actor: "actor_key", resource: "resource_gid", ip: "client_ip", oauthApp: "oauth_app_name" };

function dimensionMatch(dimension: Dimension, values: string[], actorGids?: string[] | null, apps?: string[] | null, byAddress = false): Prisma.Sql {
  if (isGeoDimension(dimension)) return geoMatch(dimension, values, { byAddress });
  if (dimension in EQUALITY_COLUMNS) return anyOf(EQUALITY_COLUMNS[dimension as keyof typeof EQUALITY_COLUMNS], values);
  switch (dimension) {
    case "actor":
      return actorMatch(values, actorGids);
    case "oauthApp":
      return appMatch(values, false, apps);
    case "resource":
      return resourceMatch(values);
    case "ip":
      return ipMatch(values);
    default:
      throw new Error(`no SQL for dimension ${dimension}`);
  }
}

function nullableColumn(dimension: Dimension): string | undefined {
  // Where an event was is a property of its address: without one, it was nowhere known.
  if (isGeoDimension(dimension)) return "client_ip";
  return EQUALITY_COLUMNS[dimension as keyof typeof EQUALITY_COLUMNS] ?? NULLABLE[dimension];
}

/**
 * Whether a filter has conditions no index serves (free text, part of a resource name): those
 * are checked row by row, so reading them is bounded by a scan budget (list-events.ts).
 */
export function needsScan(filter: EventFilter): boolean {
  const names = (values: string[]) => values.some((v) => !isGid(v));
  return filter.expression !== null || filter.include.text.length + filter.exclude.text.length > 0 || names(filter.include.resource) || names(filter.exclude.resource);
}

/** One term of an expression; a wildcard value is a LIKE pattern over the field. */
function termMatch(term: Extract<QueryExpr, { kind: "term" }>): Prisma.Sql {
  const { dimension, value } = term;
  if (dimension === "text") return freeTextMatch(value);
  if (!term.wildcard) return dimensionMatch(dimension, [value]);
  if (isGeoDimension(dimension)) return geoMatch(dimension, [value], { wildcard: true });
  switch (dimension) {
    case "actor":
      return actorMatch([value], null, true);
    case "oauthApp":
      return appMatch([value], true);
    case "resource":
      return sql`resource_name COLLATE "C" ILIKE ${wildcardPattern(value)}`;
    case "ip":
      return sql`host(client_ip) LIKE ${wildcardPattern(value)}`;
    default:
      if (dimension in EQUALITY_COLUMNS) return sql`${raw(EQUALITY_COLUMNS[dimension as keyof typeof EQUALITY_COLUMNS])} LIKE ${wildcardPattern(value)}`;
      throw new Error(`no wildcard SQL for dimension ${dimension}`);
  }
}

/**
 * An expression as SQL, NOT pushed down to the terms (De Morgan) so that each term keeps the
 * flat filter's meaning: "not from 10.0.0.0/8" is true of an event without an IP, where SQL's
 * NOT of a NULL comparison would drop it. Values only ever travel as bind parameters.
 */
export function expressionMatch(expr: QueryExpr, negated = false, depth = 0): Prisma.Sql {
  if (depth > MAX_DEPTH * 2) throw new Error("expression nested deeper than the parser allows");
  switch (expr.kind) {
    case "not":
      return expressionMatch(expr.arg, !negated, depth + 1);
    case "and":
    case "or": {
      const parts = expr.args.map((a) => expressionMatch(a, negated, depth + 1));
      return sql`(${Prisma.join(parts, (expr.kind === "and") !== negated ? " AND " : " OR ")})`;
    }
    case "term": {
      const match = termMatch(expr);
      if (!negated) return match;
      const column = expr.dimension === "text" ? undefined : nullableColumn(expr.dimension);
      return column ? sql`(${raw(column)} IS NULL OR NOT (${match}))` : sql`NOT (${match})`;
    }
  }
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
  /** Included free-text terms to look up in the trigram index by a rarer piece of them (text-search.ts textPieces). */
  textPieces?: ReadonlyMap<string, string>;
  /** Included locations read through their addresses' index (geo-plan.ts placesByAddress). */
  placesByAddress?: boolean;
}

/** The conditions of a filter, one per element; empty when nothing is filtered. */
export function eventConditions(filter: EventFilter, options: WhereOptions): Prisma.Sql[] {
  const indexed: Prisma.Sql[] = [];
  const scanned: Prisma.Sql[] = [];
  const { from, to } = resolveTimeRange(filter.time, options.now);
  const start = from && options.notBefore ? (from > options.notBefore ? from : options.notBefore) : (from ?? options.notBefore ?? null);
  if (start) indexed.push(sql`created_at >= ${start}`);
  if (to) indexed.push(sql`created_at < ${to}`);

  for (const term of filter.include.text) scanned.push(freeTextMatch(term, options.textPieces?.get(term)));
  if (filter.exclude.text.length > 0) scanned.push(sql`NOT (${orAll(filter.exclude.text.map((term) => freeTextMatch(term)))})`);
  if (filter.expression) scanned.push(expressionMatch(filter.expression));

  for (const dimension of Object.keys(filter.include) as Dimension[]) {
    if (dimension === "text") continue;
    const bucket = (values: string[]) => (dimension === "resource" && values.some((v) => !isGid(v)) ? scanned : indexed);
    const included = filter.include[dimension];
    if (included.length > 0 && dimension !== options.omitInclude) bucket(included).push(dimensionMatch(dimension, included, options.actorGids?.include, options.actorGids?.apps?.include, options.placesByAddress));
    const excluded = filter.exclude[dimension];
    if (excluded.length > 0) {
      const column = nullableColumn(dimension);
      bucket(excluded).push(sql`(${raw(column!)} IS NULL OR NOT (${dimensionMatch(dimension, excluded, options.actorGids?.exclude, options.actorGids?.apps?.exclude)}))`);
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
