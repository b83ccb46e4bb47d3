import { ACTOR_TYPES, AUTH_METHODS, CONTEXT_TYPES } from "@/lib/asana/vocabulary";
import { EVENT_CATEGORIES } from "@/lib/asana/event-types";
import { HOSTING_VALUES } from "./geo-values";
import { checkValue, DIMENSION_SPECS, emptyValues, MAX_VALUE_LENGTH, type Dimension, type DimensionValues } from "./filters";
import { combine, term, wildcardRegExp, type QueryExpr } from "./query-expr";
import type { Node, TextError, ValueNode } from "./query-parse";

/**
 * From the parsed tree to the filter model: values checked (with the span of the word at
 * fault), wildcards over closed lists expanded to the values they match, and the top-level
 * conditions the flat filter can say (per field an OR-list, exclusions) taken out of the tree.
 * What is left is the filter's `expression`.
 */
const CLOSED_LISTS: Partial<Record<Dimension, readonly string[]>> = {
  category: EVENT_CATEGORIES,
  actorType: ACTOR_TYPES,
  contextType: CONTEXT_TYPES,
  authMethod: AUTH_METHODS,
  hosting: HOSTING_VALUES,
};

const PATTERN_SHAPES: Partial<Record<Dimension, { shape: RegExp; what: string }>> = {
  eventType: { shape: /^[a-z0-9_*?]+$/, what: "an event type pattern (lower-case letters, digits, _ and wildcards)" },
  resourceType: { shape: /^[a-z0-9_*?]+$/, what: "a resource type pattern (lower-case letters, digits, _ and wildcards)" },
  ip: { shape: /^[0-9a-fA-F.:*?]+$/, what: "an IP address pattern (digits, dots, colons and wildcards), e.g. 10.0.*" },
  country: { shape: /^[A-Za-z*?]{1,2}$/, what: "a country code pattern (letters and wildcards), e.g. D* or * (any known country)" },
  asn: { shape: /^[0-9*?]{1,10}$/, what: "a network number pattern (digits and wildcards), e.g. 165*" },
};

/** The terms one typed value stands for, or an error message. */
function valueTerms(dimension: Dimension, node: ValueNode): QueryExpr[] | string {
  const key = DIMENSION_SPECS[dimension].key;
  if (!node.wildcard) {
    const checked = checkValue(dimension, node.value);
    return "error" in checked ? `${key}: ${checked.error}` : [term(dimension, checked.value)];
  }
  if (node.value.length > MAX_VALUE_LENGTH) return `${key}: a value is longer than ${MAX_VALUE_LENGTH} characters`;
  if (/[\u0000-\u001f\u007f]/.test(node.value)) return `${key}: a value contains control characters`;
  const closed = CLOSED_LISTS[dimension];
  if (closed) {
    const pattern = wildcardRegExp(node.value);
    const matches = closed.filter((v) => pattern.test(v));
    return matches.length > 0 ? matches.map((v) => term(dimension, v)) : `${key}: "${node.value}" matches none of ${closed.join(", ")}`;
  }
  const shape = PATTERN_SHAPES[dimension];
  if (shape && !shape.shape.test(node.value)) return `${key}: "${node.value}" is not ${shape.what}`;
  return [term(dimension, node.value, true)];
}

/** A parsed node as an expression; errors are collected, and the node then stands for nothing. */
export function toExpr(node: Node, errors: TextError[]): QueryExpr | null {
  switch (node.kind) {
    case "time":
      errors.push({ start: node.start, end: node.end, message: `"${node.field}" applies to the whole query, so it cannot be one side of OR` });
      return null;
    case "not": {
      if (node.arg.kind === "time") {
        errors.push({ start: node.start, end: node.end, message: `"${node.arg.field}" cannot be excluded` });
        return null;
      }
      const arg = toExpr(node.arg, errors);
      return arg && { kind: "not", arg };
    }
    case "and":
    case "or": {
      const args = node.args.map((a) => toExpr(a, errors));
      return args.every((a) => a !== null) ? combine(node.kind, args) : null;
    }
    case "term": {
      const terms: QueryExpr[] = [];
      let failed = false;
      for (const value of node.values) {
        const made = valueTerms(node.dimension, value);
        if (typeof made === "string") {
          failed = true;
          // One value: the whole `field:value` word is at fault; in a list, the value itself.
          const at = node.values.length > 1 ? value : node;
          errors.push({ start: at.start, end: at.end, message: made });
        } else terms.push(...made);
      }
      return failed ? null : combine("or", terms);
    }
  }
}

/** A field's OR-list of plain values, or its negation: what the flat filter holds per field. */
export function asList(expr: QueryExpr): { dimension: Dimension; values: string[]; exclude: boolean } | null {
  const plain = (e: QueryExpr) => (e.kind === "term" && !e.wildcard ? e : null);
  const list = (e: QueryExpr) => {
    if (plain(e)) return { dimension: plain(e)!.dimension, values: [plain(e)!.value] };
    if (e.kind !== "or") return null;
    const terms = e.args.map(plain);
    const dimension = terms[0]?.dimension;
    // Free-text values of the flat filter are ANDed: an OR of texts stays an expression.
    if (!dimension || dimension === "text" || terms.some((t) => t?.dimension !== dimension)) return null;
    return { dimension, values: terms.map((t) => t!.value) };
  };
  if (expr.kind === "not") {
    const inner = list(expr.arg);
    return inner && { ...inner, exclude: true };
  }
  const inner = list(expr);
  return inner && { ...inner, exclude: false };
}

/**
 * The top-level AND's conditions split into the flat filter's lists and the rest. A field's
 * second OR-list (`type:a type:b`, which no event matches) stays in the rest: the flat
 * include list means "any of", and merging would change the meaning.
 */
export function flatten(items: QueryExpr[]): { include: DimensionValues; exclude: DimensionValues; rest: QueryExpr[] } {
  const include = emptyValues();
  const exclude = emptyValues();
  const rest: QueryExpr[] = [];
  for (const item of items) {
    const list = asList(item);
    if (list?.exclude) exclude[list.dimension].push(...list.values);
    else if (list && list.dimension === "text") include.text.push(...list.values);
    else if (list && include[list.dimension].length === 0) include[list.dimension].push(...list.values);
    else rest.push(item);
  }
  return { include, exclude, rest };
}
