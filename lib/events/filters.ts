import { z } from "zod";
import { ACTOR_TYPES, AUTH_METHODS, CONTEXT_TYPES } from "@/lib/asana/vocabulary";
import { EVENT_CATEGORIES } from "@/lib/asana/event-types";
import { GEO_CHECKS, GEO_SPECS, normaliseGeoValue } from "./geo-values";
import { parseIpOrCidr } from "./ip";
import type { QueryExpr } from "./query-expr";
import { DEFAULT_TIME, timeRangeSchema, type TimeRange } from "./time-range";

/**
 * The filter model shared by the event explorer, the overview charts and actor timelines: a
 * time range plus, for each dimension, values to include (any of them) and values to exclude
 * (none of them). Dimensions combine with AND. The same model is read from the URL
 * (search-params.ts), from the query bar (query-text.ts) and turned into SQL (where.ts).
 * What that cannot say (an OR across fields, a group, a wildcard) is the `expression`,
 * ANDed with the rest; null almost always.
 */
export const DIMENSIONS = [
  "eventType",
  "category",
  "actorType",
  "actor",
  "resourceType",
  "resource",
  "ip",
  "country",
  "asn",
  "asOrg",
  "hosting",
  "contextType",
  "authMethod",
  "oauthApp",
  "text",
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export type DimensionValues = { [D in Dimension]: string[] };

export interface EventFilter {
  time: TimeRange;
  include: DimensionValues;
  exclude: DimensionValues;
  expression: QueryExpr | null;
}

/**
 * Whether the filter is only per-field lists: then rollups, facets and chips can serve it.
 * An expression must be checked row by row against the events.
 */
export const isFlat = (filter: EventFilter) => filter.expression === null;

export interface DimensionSpec {
  /** The name in the URL and in the query bar (`type:task_deleted`, `?type=task_deleted`). */
  key: string;
  label: string;
  /** What a value may be, for help text. */
  hint: string;
}

export const DIMENSION_SPECS = {
  eventType: { key: "type", label: "Event type", hint: "an event type, e.g. task_deleted" },
  category: { key: "category", label: "Category", hint: EVENT_CATEGORIES.join(", ") },
  actorType: { key: "actor_type", label: "Actor type", hint: ACTOR_TYPES.join(", ") },
  actor: { key: "actor", label: "Actor", hint: "a gid, an e-mail address, or part of a name or e-mail" },
  resourceType: { key: "resource_type", label: "Resource type", hint: "a resource type, e.g. project" },
  resource: { key: "resource", label: "Resource", hint: "a gid or part of a name" },
  ip: { key: "ip", label: "IP address", hint: "an address or a CIDR range, e.g. 10.0.0.0/8" },
  ...GEO_SPECS,
  contextType: { key: "context", label: "Context", hint: CONTEXT_TYPES.join(", ") },
  authMethod: { key: "auth", label: "Auth method", hint: AUTH_METHODS.join(", ") },
  oauthApp: { key: "app", label: "OAuth app", hint: "an OAuth app's name, exactly" },
  text: { key: "text", label: "Text", hint: "words to find in names, e-mails and details" },
} as const satisfies Record<Dimension, DimensionSpec>;

export type DimensionKey = (typeof DIMENSION_SPECS)[Dimension]["key"];

export const DIMENSION_BY_KEY: ReadonlyMap<string, Dimension> = new Map(DIMENSIONS.map((d) => [DIMENSION_SPECS[d].key, d]));

/** More would make a URL nobody can read and a query plan nobody wants. */
export const MAX_VALUES_PER_DIMENSION = 50;
export const MAX_VALUE_LENGTH = 200;

/** Gids are numeric strings at Asana; the explorer treats a value of digits as one. */
export const isGid = (value: string) => /^\d{1,32}$/.test(value);
export const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

function oneOf(list: readonly string[], what: string) {
  return (value: string) => (list.includes(value) ? null : `"${value}" is not ${what}; use one of ${list.join(", ")}`);
}

const snakeName = (what: string) => (value: string) =>
  /^[a-z][a-z0-9_]{0,99}$/.test(value) ? null : `"${value}" is not ${what} (lower-case letters, digits and _)`;

const VALUE_CHECKS: Record<Dimension, (value: string) => string | null> = {
  eventType: snakeName("an event type name"),
  category: oneOf(EVENT_CATEGORIES, "an event category"),
  actorType: oneOf(ACTOR_TYPES, "an actor type"),
  actor: () => null,
  resourceType: snakeName("a resource type name"),
  resource: () => null,
  ip: (value) => {
    const parsed = parseIpOrCidr(value);
    return "error" in parsed ? parsed.error : null;
  },
  ...GEO_CHECKS,
  contextType: oneOf(CONTEXT_TYPES, "a context type"),
  authMethod: oneOf(AUTH_METHODS, "an auth method"),
  oauthApp: () => null,
  text: () => null,
};

/**
 * Checks one value of a dimension; returns the value as it will be used (trimmed) or a
 * message fit for the user. Control characters are refused everywhere: PostgreSQL rejects
 * NUL in text, and the others only ever arrive by mistake or malice.
 */
export function checkValue(dimension: Dimension, raw: string): { value: string } | { error: string } {
  const value = normaliseGeoValue(dimension, raw.trim());
  if (value === "") return { error: "a value is empty" };
  if (value.length > MAX_VALUE_LENGTH) return { error: `a value is longer than ${MAX_VALUE_LENGTH} characters` };
  if (/[\u0000-\u001f\u007f]/.test(value)) return { error: "a value contains control characters" };
  const error = VALUE_CHECKS[dimension](value);
  return error ? { error } : { value };
}

/**
 * Whether a stored value can be named in a filter as it is: a link that narrows to it would
 * otherwise open a page that refuses its own URL (a category Asana invented, a 300-character
 * name, a value with a control character or a space at either end).
 */
export function canFilter(dimension: Dimension, value: string): boolean {
  const checked = checkValue(dimension, value);
  return !("error" in checked) && checked.value === value;
}

export function emptyValues(): DimensionValues {
  return Object.fromEntries(DIMENSIONS.map((d) => [d, []])) as unknown as DimensionValues;
}

export function emptyFilter(time: TimeRange = DEFAULT_TIME): EventFilter {
  return { time, include: emptyValues(), exclude: emptyValues(), expression: null };
}

/** A filter from the parts that matter, the rest empty: `filterOf({ include: { actorType: ["user"] } })`. */
export function filterOf(parts: { time?: TimeRange; include?: Partial<DimensionValues>; exclude?: Partial<DimensionValues> } = {}): EventFilter {
  const base = emptyFilter(parts.time);
  return { time: base.time, include: { ...base.include, ...parts.include }, exclude: { ...base.exclude, ...parts.exclude }, expression: null };
}

export interface FilterIssue {
  /** Where the problem is: a dimension (and whether it is the excluded list) or the time range. */
  dimension: Dimension | "time";
  exclude?: boolean;
  message: string;
}

/**
 * Validates and normalises dimension values (trims, drops duplicates) and reports every
 * problem at once, so that a user fixes a link in one go.
 */
export function checkDimensionValues(include: Partial<DimensionValues>, exclude: Partial<DimensionValues>): { include: DimensionValues; exclude: DimensionValues; issues: FilterIssue[] } {
  const issues: FilterIssue[] = [];
  const clean = (values: string[] | undefined, dimension: Dimension, isExclude: boolean) => {
    const out: string[] = [];
    for (const raw of values ?? []) {
      const checked = checkValue(dimension, raw);
      if ("error" in checked) issues.push({ dimension, exclude: isExclude, message: checked.error });
      else if (!out.includes(checked.value)) out.push(checked.value);
    }
    if (out.length > MAX_VALUES_PER_DIMENSION) {
      issues.push({ dimension, exclude: isExclude, message: `more than ${MAX_VALUES_PER_DIMENSION} values` });
    }
    return out;
  };
  const inc = emptyValues();
  const exc = emptyValues();
  for (const d of DIMENSIONS) {
    inc[d] = clean(include[d], d, false);
    exc[d] = clean(exclude[d], d, true);
    const both = inc[d].filter((v) => exc[d].includes(v));
    if (both.length > 0) issues.push({ dimension: d, message: `"${both[0]}" is both included and excluded` });
  }
  return { include: inc, exclude: exc, issues };
}

const valuesSchema = z.object(Object.fromEntries(DIMENSIONS.map((d) => [d, z.array(z.string()).default([])])) as Record<Dimension, z.ZodDefault<z.ZodArray<z.ZodString>>>);

/** The zod schema of a validated filter, for JSON inputs (e.g. a chart's request body). */
export const eventFilterSchema = z
  .object({ time: timeRangeSchema.default(DEFAULT_TIME), include: valuesSchema.default(emptyValues()), exclude: valuesSchema.default(emptyValues()) })
  .transform((input, ctx) => {
    const checked = checkDimensionValues(input.include, input.exclude);
    for (const issue of checked.issues) {
      ctx.addIssue({ code: "custom", path: [issue.exclude ? "exclude" : "include", issue.dimension], message: issue.message });
    }
    return { time: input.time, include: checked.include, exclude: checked.exclude, expression: null } satisfies EventFilter;
  });

export interface Condition {
  dimension: Dimension;
  value: string;
  exclude: boolean;
}

/** Every value of a filter as a flat list: chips, summaries, the query bar. */
export function conditionsOf(filter: EventFilter): Condition[] {
  return DIMENSIONS.flatMap((dimension) => [
    ...filter.include[dimension].map((value) => ({ dimension, value, exclude: false })),
    ...filter.exclude[dimension].map((value) => ({ dimension, value, exclude: true })),
  ]);
}

export const hasConditions = (filter: EventFilter) => conditionsOf(filter).length > 0 || filter.expression !== null;

/** Adds a value (moving it out of the opposite list if it was there). */
export function withCondition(filter: EventFilter, { dimension, value, exclude }: Condition): EventFilter {
  const target = exclude ? "exclude" : "include";
  const other = exclude ? "include" : "exclude";
  const current = filter[target][dimension];
  return {
    ...filter,
    [target]: { ...filter[target], [dimension]: current.includes(value) ? current : [...current, value] },
    [other]: { ...filter[other], [dimension]: filter[other][dimension].filter((v) => v !== value) },
  };
}

export function withoutCondition(filter: EventFilter, { dimension, value, exclude }: Condition): EventFilter {
  const target = exclude ? "exclude" : "include";
  return { ...filter, [target]: { ...filter[target], [dimension]: filter[target][dimension].filter((v) => v !== value) } };
}

export function withTime(filter: EventFilter, time: TimeRange): EventFilter {
  return { ...filter, time };
}
