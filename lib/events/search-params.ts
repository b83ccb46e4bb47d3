import { createLoader, createSerializer, parseAsArrayOf, parseAsString, type inferParserType } from "nuqs/server";
import { checkKeys, toSearchParams, type ParamError, type Parsed, type SearchInput } from "@/lib/url/search-contract";
import { checkDimensionValues, DIMENSION_SPECS, DIMENSIONS, type Dimension, type DimensionKey, type DimensionValues, type EventFilter } from "./filters";
import { MAX_QUERY_LENGTH } from "./query-expr";
import { exprToText, textToExpression } from "./query-text";
import { checkAbsolute, DEFAULT_LAST, isCalendarPreset, parseInstant, parseRelative, type TimeRange } from "./time-range";
import {
  decodeCursor,
  DEFAULT_VIEW,
  encodeCursor,
  EVENT_COLUMNS,
  PAGE_SIZES,
  REFRESH_INTERVALS,
  REQUIRED_COLUMNS,
  concreteZone,
  parseZoneChoice,
  SORTS,
  type EventColumn,
  type EventView,
  type PageSize,
} from "./view";

/**
 * The explorer's one set of URL parsers, read by the server loader and bound by the client
 * hook (use-event-params.ts). They read raw strings only: nuqs turns a value it cannot parse
 * into null without a word, and a shared link that silently shows something else is worse
 * than one that says what is wrong. Validation with messages happens in `validateEventParams`.
 *
 * Dimension values: `?type=task_deleted,project_deleted` includes, `?not_ip=10.0.0.0/8`
 * excludes. Time: `?range=24h` (default 7d, or "all", or a calendar range: today, this_week…)
 * or `?from=…&to=…` (ISO 8601). `?tz=` (local, utc or an IANA zone) belongs to both halves: the
 * view shows times in it, and the filter counts calendar ranges in it; every view that takes
 * the filter takes it, so the zone travels with the range from page to page. What the lists
 * cannot say (an OR across fields, a group, a wildcard) is `?q=`, the canonical text of the
 * filter's expression (query-text.ts), ANDed with the rest.
 */
const list = parseAsArrayOf(parseAsString);

export const excludeKey = (dimension: Dimension) => `not_${DIMENSION_SPECS[dimension].key}` as const;

const timeParsers = { range: parseAsString, from: parseAsString, to: parseAsString, tz: parseAsString, q: parseAsString };
type DimensionParsers = { [K in DimensionKey | `not_${DimensionKey}`]: typeof list };
const dimensionParsers = Object.fromEntries(DIMENSIONS.flatMap((d) => [[DIMENSION_SPECS[d].key, list], [excludeKey(d), list]])) as DimensionParsers;

export const eventFilterParsers = { ...timeParsers, ...dimensionParsers };

export const eventViewParsers = {
  cols: list,
  sort: parseAsString,
  size: parseAsString,
  after: parseAsString,
  before: parseAsString,
  refresh: parseAsString,
  event: parseAsString,
};

export const eventSearchParams = { ...eventFilterParsers, ...eventViewParsers };
export type RawEventParams = inferParserType<typeof eventSearchParams>;
export type RawFilterParams = inferParserType<typeof eventFilterParsers>;

export const loadEventSearchParams = createLoader(eventSearchParams);
export const serializeEventParams = createSerializer(eventSearchParams);

const KNOWN_KEYS = new Set(Object.keys(eventSearchParams));
const LIST_KEYS = new Set([...Object.keys(eventFilterParsers).filter((k) => !["range", "from", "to", "tz", "q"].includes(k)), "cols"]);
const VIEW = "the event explorer";

/**
 * Where the zone of the filter's calendar ranges comes from when the URL says "local": the
 * browser's zone in the browser, the zone cookie (lib/time/zone-cookie.ts) on the server.
 */
export interface ZoneContext {
  localZone?: string | null;
}

function timeFromParams(raw: Pick<RawFilterParams, "range" | "from" | "to" | "tz">, errors: ParamError[], context: ZoneContext): TimeRange {
  let choice = "local";
  if (raw.tz !== null) {
    const parsed = parseZoneChoice(raw.tz);
    if (typeof parsed === "object") errors.push({ param: "tz", message: parsed.error });
    else choice = parsed;
  }
  if (raw.range !== null && (raw.from !== null || raw.to !== null)) {
    errors.push({ param: "range", message: `use either "range" or "from"/"to", not both` });
  }
  if (raw.from !== null || raw.to !== null) {
    const bound = (param: "from" | "to", value: string | null) => {
      if (value === null) return null;
      const parsed = parseInstant(value);
      if (typeof parsed === "object") {
        errors.push({ param, message: parsed.error });
        return null;
      }
      return parsed;
    };
    const from = bound("from", raw.from);
    const to = bound("to", raw.to);
    const reversed = checkAbsolute(from, to);
    if (reversed) errors.push({ param: "from", message: reversed });
    return { kind: "absolute", from, to };
  }
  const last = raw.range ?? DEFAULT_LAST;
  const parsed = parseRelative(last);
  if (parsed !== null && typeof parsed === "object") errors.push({ param: "range", message: parsed.error });
  if (isCalendarPreset(last)) return { kind: "relative", last, zone: concreteZone(choice, context.localZone) };
  return { kind: "relative", last };
}

function expressionFromParam(q: string | null, errors: ParamError[]) {
  if (q === null) return null;
  if (q.length > MAX_QUERY_LENGTH) {
    errors.push({ param: "q", message: `the query is longer than ${MAX_QUERY_LENGTH} characters` });
    return null;
  }
  const parsed = textToExpression(q);
  if (parsed.ok) return parsed.expression;
  for (const e of parsed.errors) errors.push({ param: "q", message: `${e.end > e.start ? `"${q.slice(e.start, Math.min(e.end, e.start + 60))}": ` : ""}${e.message}` });
  return null;
}

/** The filter of already-loaded raw params; every problem is reported, not just the first. */
export function validateFilterParams(raw: RawFilterParams, context: ZoneContext = {}): Parsed<{ filter: EventFilter }> {
  const errors: ParamError[] = [];
  const time = timeFromParams(raw, errors, context);
  const include: Partial<DimensionValues> = {};
  const exclude: Partial<DimensionValues> = {};
  for (const d of DIMENSIONS) {
    include[d] = raw[DIMENSION_SPECS[d].key] ?? [];
    exclude[d] = raw[excludeKey(d)] ?? [];
  }
  const checked = checkDimensionValues(include, exclude);
  for (const issue of checked.issues) {
    const dimension = issue.dimension as Dimension;
    errors.push({ param: issue.exclude ? excludeKey(dimension) : DIMENSION_SPECS[dimension].key, message: issue.message });
  }
  const expression = expressionFromParam(raw.q, errors);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, filter: { time, include: checked.include, exclude: checked.exclude, expression } };
}

function pick<T extends string | number>(param: string, value: string | null, allowed: readonly T[], fallback: T, errors: ParamError[]): T {
  if (value === null) return fallback;
  const found = allowed.find((a) => String(a) === value);
  if (found === undefined) errors.push({ param, message: `"${value.slice(0, 60)}" is not allowed for "${param}"; use one of ${allowed.join(", ")}` });
  return found ?? fallback;
}

export function validateViewParams(raw: RawEventParams): Parsed<{ view: EventView }> {
  const errors: ParamError[] = [];
  let columns: EventColumn[] = [...DEFAULT_VIEW.columns];
  if (raw.cols !== null) {
    const unknown = raw.cols.filter((c) => !(EVENT_COLUMNS as readonly string[]).includes(c));
    if (unknown.length > 0) errors.push({ param: "cols", message: `"${unknown[0]!.slice(0, 60)}" is not a column; use ${EVENT_COLUMNS.join(", ")}` });
    const chosen = EVENT_COLUMNS.filter((c) => raw.cols!.includes(c));
    columns = [...new Set([...REQUIRED_COLUMNS, ...chosen])];
    columns.sort((a, b) => EVENT_COLUMNS.indexOf(a) - EVENT_COLUMNS.indexOf(b));
  }
  const sort = pick("sort", raw.sort, SORTS, DEFAULT_VIEW.sort, errors);
  const size = pick("size", raw.size, PAGE_SIZES, DEFAULT_VIEW.size, errors) as PageSize;
  // A wrong zone is reported once, by the filter's half (validateFilterParams).
  const zone = raw.tz === null ? DEFAULT_VIEW.tz : parseZoneChoice(raw.tz);
  const tz = typeof zone === "object" ? DEFAULT_VIEW.tz : zone;
  const refresh = pick("refresh", raw.refresh, REFRESH_INTERVALS, DEFAULT_VIEW.refresh, errors);
  let page: EventView["page"] = null;
  if (raw.after !== null && raw.before !== null) errors.push({ param: "after", message: `use either "after" or "before", not both` });
  for (const param of ["after", "before"] as const) {
    const value = raw[param];
    if (value === null) continue;
    const cursor = decodeCursor(value);
    if ("error" in cursor) errors.push({ param, message: cursor.error });
    else page = param === "after" ? { after: cursor } : { before: cursor };
  }
  let event: string | null = null;
  if (raw.event !== null) {
    if (/^[A-Za-z0-9_-]{1,64}$/.test(raw.event)) event = raw.event;
    else errors.push({ param: "event", message: `"${raw.event.slice(0, 60)}" is not an event gid` });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, view: { columns, sort, size, tz, page, refresh, event } };
}

/** Both halves of already-loaded raw params, as the client hook has them. */
export function validateEventParams(raw: RawEventParams, context: ZoneContext = {}): Parsed<{ filter: EventFilter; view: EventView }> {
  const filter = validateFilterParams(raw, context);
  const view = validateViewParams(raw);
  if (filter.ok && view.ok) return { ok: true, filter: filter.filter, view: view.view };
  return { ok: false, errors: [...(filter.ok ? [] : filter.errors), ...(view.ok ? [] : view.errors)] };
}

/**
 * The server's entry point: a page's `searchParams` or a request's URLSearchParams, to a
 * validated filter and view or the list of what is wrong with them.
 */
export function parseEventParams(input: SearchInput, context: ZoneContext = {}): Parsed<{ filter: EventFilter; view: EventView }> {
  const params = toSearchParams(input);
  const keyErrors = checkKeys(params, KNOWN_KEYS, VIEW, LIST_KEYS);
  const result = validateEventParams(loadEventSearchParams(params), context);
  if (keyErrors.length === 0) return result;
  return { ok: false, errors: [...keyErrors, ...(result.ok ? [] : result.errors)] };
}

/** Like parseEventParams, for callers that only take a filter (charts, timelines). */
export function parseFilterParams(input: SearchInput, view = VIEW, context: ZoneContext = {}): Parsed<{ filter: EventFilter }> {
  const params = toSearchParams(input);
  const keyErrors = checkKeys(params, new Set(Object.keys(eventFilterParsers)), view, LIST_KEYS);
  const result = validateFilterParams(createLoader(eventFilterParsers)(params), context);
  if (keyErrors.length === 0) return result;
  return { ok: false, errors: [...keyErrors, ...(result.ok ? [] : result.errors)] };
}

/**
 * A filter as raw URL values; defaults and empty lists become null, so URLs stay short. The
 * zone is the view's to write (viewToParams): a filter change leaves `tz` as it is.
 */
export function filterToParams(filter: EventFilter): Omit<RawFilterParams, "tz"> {
  const out: Record<string, string | string[] | null> = { range: null, from: null, to: null, q: filter.expression ? exprToText(filter.expression) : null };
  if (filter.time.kind === "relative") out.range = filter.time.last === DEFAULT_LAST ? null : filter.time.last;
  else {
    out.from = filter.time.from;
    out.to = filter.time.to;
  }
  for (const d of DIMENSIONS) {
    out[DIMENSION_SPECS[d].key] = filter.include[d].length > 0 ? filter.include[d] : null;
    out[excludeKey(d)] = filter.exclude[d].length > 0 ? filter.exclude[d] : null;
  }
  return out as Omit<RawFilterParams, "tz">;
}

export function viewToParams(view: EventView): Omit<RawEventParams, Exclude<keyof RawFilterParams, "tz">> {
  const sameColumns = view.columns.length === DEFAULT_VIEW.columns.length && view.columns.every((c) => DEFAULT_VIEW.columns.includes(c));
  return {
    cols: sameColumns ? null : view.columns,
    sort: view.sort === DEFAULT_VIEW.sort ? null : view.sort,
    size: view.size === DEFAULT_VIEW.size ? null : String(view.size),
    tz: view.tz === DEFAULT_VIEW.tz ? null : view.tz,
    after: view.page && "after" in view.page ? encodeCursor(view.page.after) : null,
    before: view.page && "before" in view.page ? encodeCursor(view.page.before) : null,
    refresh: view.refresh === DEFAULT_VIEW.refresh ? null : view.refresh,
    event: view.event,
  };
}

/** The search string (with "?", or "") of a filter and view: links, API calls, saved queries. */
export function eventSearch(filter: EventFilter, view: Partial<EventView> = {}): string {
  const params = { ...filterToParams(filter), ...viewToParams({ ...DEFAULT_VIEW, ...view }) };
  // A calendar range names its zone when the view does not (the API's calls): the server
  // cannot know the browser's "local".
  if (params.tz === null && filter.time.kind === "relative" && filter.time.zone) params.tz = filter.time.zone === "UTC" ? "utc" : filter.time.zone;
  return serializeEventParams(params);
}

