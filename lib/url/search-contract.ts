import { createLoader, createSerializer, type GenericParserBuilder, type inferParserType } from "nuqs/server";

/**
 * A view's URL contract: its query parameters declared once, as nuqs parsers, and read the
 * same way by the page's loader, the client's `useQueryStates` and the API route. nuqs turns
 * a value it cannot read into null without a word; a shared link that silently shows
 * something else is worse than one that says what is wrong, so `parse` reports every unknown
 * key, repeated key and unreadable value with a message. The event explorer
 * (lib/events/search-params.ts) follows the same rules with its richer filter algebra.
 */
export type SearchInput = URLSearchParams | Record<string, string | string[] | undefined>;

export interface ParamError {
  param: string;
  message: string;
}

export type Parsed<T> = ({ ok: true } & T) | { ok: false; errors: ParamError[] };

// A key or value echoed in a message is cut: it may be anything, of any length.
const cut = (text: string) => text.slice(0, 60);

/** A page's `searchParams` or a request's URLSearchParams as URLSearchParams, repeated keys kept. */
export function toSearchParams(input: SearchInput): URLSearchParams {
  if (input instanceof URLSearchParams) return input;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(input)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, v);
  }
  return params;
}

/** Keys nobody declared and keys given twice: both would otherwise be dropped silently. */
export function checkKeys(params: URLSearchParams, known: ReadonlySet<string>, view: string, listKeys: ReadonlySet<string> = new Set()): ParamError[] {
  const errors: ParamError[] = [];
  const seen = new Set<string>();
  for (const key of params.keys()) {
    if (seen.has(key)) continue;
    seen.add(key);
    if (!known.has(key)) errors.push({ param: cut(key), message: `"${cut(key)}" is not a filter or view setting of ${view}` });
    else if (params.getAll(key).length > 1) {
      errors.push({ param: key, message: listKeys.has(key) ? `"${key}" is given more than once: separate its values with commas instead` : `"${key}" is given more than once` });
    }
  }
  return errors;
}

// Parsers of any value type: each spec's own type is kept by inference where it is declared.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyParser = GenericParserBuilder<any>;

/** One parameter: its parser, what a valid value looks like, and any bound the parser cannot say. */
export interface ParamSpec {
  parser: AnyParser;
  /** Completes "… is not allowed for "key": ", e.g. "use one of user, app". */
  hint: string;
  /** A problem with a value the parser read (a page out of range), in words; undefined when fine. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  check?: (value: any) => string | undefined;
}

type Specs = Record<string, ParamSpec>;
type ParsersOf<S extends Specs> = { [K in keyof S]: S[K]["parser"] };
export type ValuesOf<S extends Specs> = inferParserType<ParsersOf<S>>;

export interface SearchContract<S extends Specs> {
  /** The view's name in messages: "the actor list". */
  view: string;
  keys: ReadonlySet<string>;
  /** For `useQueryStates` in the browser and `createLoader` on the server. */
  parsers: ParsersOf<S>;
  /** Every problem of a page's or request's parameters, or their values with defaults applied. */
  parse(input: SearchInput): Parsed<{ values: ValuesOf<S> }>;
  /** The search string (with "?", or "") of some values; defaults are left out. */
  search(values: Partial<{ [K in keyof ValuesOf<S>]: ValuesOf<S>[K] | null }>): string;
}

export function defineSearchContract<S extends Specs>(view: string, specs: S): SearchContract<S> {
  const parsers = Object.fromEntries(Object.entries(specs).map(([key, spec]) => [key, spec.parser])) as ParsersOf<S>;
  const keys = new Set(Object.keys(specs));
  const load = createLoader(parsers);
  const serialize = createSerializer(parsers, { clearOnDefault: true });
  return {
    view,
    keys,
    parsers,
    parse(input) {
      const params = toSearchParams(input);
      const errors = checkKeys(params, keys, view);
      for (const [key, spec] of Object.entries(specs)) {
        const raw = params.get(key);
        if (raw === null) continue;
        // Single-value parsers only: a contract's keys are given once (checkKeys says so otherwise).
        const value: unknown = (spec.parser.parse as (value: string) => unknown)(raw);
        const problem = value === null ? spec.hint : spec.check?.(value);
        if (problem) errors.push({ param: key, message: `"${cut(raw)}" is not allowed for "${key}": ${problem}` });
      }
      if (errors.length > 0) return { ok: false, errors };
      return { ok: true, values: load(params) };
    },
    search: (values) => serialize(values as never),
  };
}
