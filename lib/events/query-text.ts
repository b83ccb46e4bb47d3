import { checkDimensionValues, DIMENSION_SPECS, DIMENSIONS, type EventFilter } from "./filters";
import { asList, flatten, toExpr } from "./query-build";
import { combine, MAX_TERMS, termCount, type QueryExpr } from "./query-expr";
import { parseQuery, type Node, type TextError } from "./query-parse";
import { checkAbsolute, DEFAULT_TIME, parseInstant, parseRelative, type TimeRange } from "./time-range";
import { isoInZone } from "./format-time";

/**
 * The query bar's language, for people who type:
 *
 *   actor:alice@x.com type:task_deleted,project_deleted -ip:10.0.0.0/8 since:7d "quarterly plan"
 *   (type:user_login_failed OR category:admin_settings) NOT actor_type:asana
 *
 * - `key:value` includes, `-key:value` or `NOT key:value` excludes; `key:a,b` means a or b.
 *   Keys are the URL's (type, category, actor_type, actor, resource_type, resource, ip,
 *   context, auth, app, text) or the names Asana's API and Datadog use (query-fields.ts).
 * - Conditions side by side must all hold (AND); OR between them means either; parentheses
 *   group. NOT binds tightest, then AND, then OR. Operators are read in any case.
 * - `*` and `?` in a bare value are wildcards (`type:task_*`, `actor:*@contractor.com`);
 *   in a "quoted value" they are literal.
 * - `since:7d` (or `range:`) is a relative range, `from:` / `to:` an absolute one (ISO 8601);
 *   they apply to the whole query.
 * - Any other word or "quoted phrase" is free text; it also finds event types whose name or
 *   label says it ("2fa", "login failed").
 *
 * Whatever the flat filter (filters.ts) can say becomes that filter; the rest becomes its
 * `expression`. `filterToText` writes the canonical text of a filter; `textToFilter` reads it
 * back, and the two round-trip (query-text.test.ts). The grammar is in query-parse.ts.
 */
export type { TextError };

export type TextParse = { ok: true; filter: EventFilter } | { ok: false; errors: TextError[] };

type TimeNode = Extract<Node, { kind: "time" }>;

/**
 * The time keys taken out of the tree, wherever they sit in an AND (`type:a OR type:b
 * since:30d` means the last 30 days of either): they set the range of the whole query. As
 * one side of an OR, or under NOT, they are errors (toExpr says which).
 */
function takeTime(node: Node, times: TimeNode[]): Node | null {
  if (node.kind === "time") {
    times.push(node);
    return null;
  }
  if (node.kind === "and") {
    const args = node.args.map((a) => takeTime(a, times)).filter((a) => a !== null);
    return args.length === 0 ? null : args.length === 1 ? args[0]! : { ...node, args };
  }
  if (node.kind === "or") return { ...node, args: node.args.map((a) => (a.kind === "and" ? (takeTime(a, times) ?? a) : a)) };
  return node;
}

const topItems = (node: Node): Node[] => (node.kind === "and" ? node.args.flatMap(topItems) : [node]);

interface TimeParts {
  relative: string | null;
  from: string | null;
  to: string | null;
}

function readTime(node: Extract<Node, { kind: "time" }>, time: TimeParts, errors: TextError[]) {
  const fail = (message: string) => errors.push({ start: node.start, end: node.end, message });
  if (node.values.length > 1) return fail(`"${node.field}" takes one value`);
  const value = node.values[0]!.value;
  if (node.key === "since") {
    const parsed = parseRelative(value);
    if (parsed !== null && typeof parsed === "object") fail(parsed.error);
    else time.relative = value;
    return;
  }
  const parsed = parseInstant(value);
  if (typeof parsed === "object") fail(`${node.field}: ${parsed.error}`);
  else time[node.key] = parsed;
}

export function textToFilter(text: string, fallbackTime: TimeRange = DEFAULT_TIME): TextParse {
  const parsed = parseQuery(text);
  if (!parsed.ok) return parsed;
  const errors: TextError[] = [];
  const time: TimeParts = { relative: null, from: null, to: null };
  const items: QueryExpr[] = [];
  const times: TimeNode[] = [];
  const rest = parsed.node ? takeTime(parsed.node, times) : null;
  for (const node of times) readTime(node, time, errors);
  for (const node of rest ? topItems(rest) : []) {
    const expr = toExpr(node, errors);
    if (expr) items.push(expr);
  }
  const { relative, from, to } = time;
  if (relative !== null && (from !== null || to !== null)) errors.push({ start: 0, end: text.length, message: `use either "since" or "from"/"to", not both` });
  const reversed = checkAbsolute(from, to);
  if (reversed) errors.push({ start: 0, end: text.length, message: reversed });
  const flat = flatten(items);
  const checked = checkDimensionValues(flat.include, flat.exclude);
  for (const issue of checked.issues) {
    const key = issue.dimension === "time" ? "time" : DIMENSION_SPECS[issue.dimension].key;
    errors.push({ start: 0, end: text.length, message: `${key}: ${issue.message}` });
  }
  if (errors.length > 0) return { ok: false, errors };

  const range: TimeRange = relative !== null ? { kind: "relative", last: relative } : from !== null || to !== null ? { kind: "absolute", from, to } : fallbackTime;
  const expression = flat.rest.length > 0 ? combine("and", flat.rest) : null;
  return { ok: true, filter: { time: range, include: checked.include, exclude: checked.exclude, expression } };
}

/**
 * The URL's `q=`: an expression on its own, read as written (nothing moved into the flat
 * lists, which the URL carries in their own parameters), without a time range.
 */
export function textToExpression(text: string): { ok: true; expression: QueryExpr } | { ok: false; errors: TextError[] } {
  const parsed = parseQuery(text);
  if (!parsed.ok) return parsed;
  if (!parsed.node) return { ok: false, errors: [{ start: 0, end: text.length, message: "the expression is empty" }] };
  const errors: TextError[] = [];
  const expression = toExpr(parsed.node, errors);
  if (errors.length > 0 || !expression) return { ok: false, errors };
  if (termCount(expression) > MAX_TERMS) return { ok: false, errors: [{ start: 0, end: text.length, message: `the query has more than ${MAX_TERMS} conditions` }] };
  return { ok: true, expression };
}

/** A value as the language reads it back: bare when it can be, quoted otherwise. */
export function quote(value: string, { inList }: { inList: boolean }): string {
  const needsQuotes =
    value === "" || /[\s",\\()*?]/.test(value) || (!inList && (/^@?[A-Za-z_][A-Za-z0-9_.@]*:/.test(value) || value.startsWith("-") || /^(and|or|not)$/i.test(value)));
  return needsQuotes ? `"${value.replace(/[\\"]/g, "\\$&")}"` : value;
}

/** The range as text; absolute bounds in `zone` when given (with their offset: they read back as the same instants). */
export function timeToText(time: TimeRange, zone?: string): string {
  if (time.kind === "relative") return `since:${time.last}`;
  const at = (iso: string) => (zone ? isoInZone(iso, zone) : iso);
  return [time.from ? `from:${at(time.from)}` : "", time.to ? `to:${at(time.to)}` : ""].filter(Boolean).join(" ");
}

const valueText = (e: Extract<QueryExpr, { kind: "term" }>) => (e.wildcard ? e.value : quote(e.value, { inList: true }));

/**
 * An expression's canonical text. An OR of one field's values is written as its list
 * (`type:a,b`), a negated term or list with "-", and groups get parentheses wherever they
 * sit inside another operator, so that the reader never needs the precedence rules.
 */
export function exprToText(expr: QueryExpr): string {
  if (expr.kind === "term") return expr.dimension === "text" ? quote(expr.value, { inList: false }) : `${DIMENSION_SPECS[expr.dimension].key}:${valueText(expr)}`;
  const list = asList(expr);
  if (list && list.dimension !== "text") {
    const terms = expr.kind === "not" ? expr.arg : expr;
    const values = terms.kind === "or" ? terms.args : [terms];
    return `${list.exclude ? "-" : ""}${DIMENSION_SPECS[list.dimension].key}:${values.map((t) => valueText(t as Extract<QueryExpr, { kind: "term" }>)).join(",")}`;
  }
  const inner = (e: QueryExpr) => (e.kind === "and" || e.kind === "or" ? (asList(e) ? exprToText(e) : `(${exprToText(e)})`) : exprToText(e));
  if (expr.kind === "not") return expr.arg.kind === "term" ? `-${exprToText(expr.arg)}` : `NOT ${inner(expr.arg)}`;
  if (expr.kind === "and") return expr.args.map(inner).join(" ");
  return expr.args.map(inner).join(" OR ");
}

/** The canonical text of a filter: conditions in dimension order, the expression, then the time range (in `zone` when given). */
export function filterToText(filter: EventFilter, zone?: string): string {
  const parts: string[] = [];
  for (const d of DIMENSIONS) {
    for (const [values, sign] of [
      [filter.include[d], ""],
      [filter.exclude[d], "-"],
    ] as const) {
      if (values.length === 0) continue;
      if (d === "text") parts.push(...values.map((v) => `${sign}${quote(v, { inList: false })}`));
      else parts.push(`${sign}${DIMENSION_SPECS[d].key}:${values.map((v) => quote(v, { inList: true })).join(",")}`);
    }
  }
  if (filter.expression) parts.push(filter.expression.kind === "or" && !asList(filter.expression) ? `(${exprToText(filter.expression)})` : exprToText(filter.expression));
  parts.push(timeToText(filter.time, zone));
  return parts.join(" ");
}
