import type { Dimension } from "./filters";

/**
 * The part of a query the flat filter cannot say (an OR across fields, a nested group, a
 * wildcard): a small boolean tree, ANDed with the flat filter's conditions. It is written in
 * the URL as one parameter (`q=`, its canonical text) and compiled to SQL by where.ts.
 *
 * A term with `wildcard` matches its value as a pattern (`*` any run, `?` one character);
 * without it the value is taken as written, the same way the flat filter takes it.
 */
export type QueryExpr =
  | { kind: "term"; dimension: Dimension; value: string; wildcard: boolean }
  | { kind: "not"; arg: QueryExpr }
  | { kind: "and" | "or"; args: QueryExpr[] };

/** Nesting and size past which a query is refused: deeper SQL helps nobody and costs the planner. */
export const MAX_DEPTH = 8;
export const MAX_TERMS = 60;
/** Longest query text read, in the query bar and in `q=`. */
export const MAX_QUERY_LENGTH = 2_000;

export const term = (dimension: Dimension, value: string, wildcard = false): QueryExpr => ({ kind: "term", dimension, value, wildcard });

/** `a AND (b AND c)` is `a AND b AND c`: one tree per meaning, so the canonical text round-trips. */
export function combine(kind: "and" | "or", parts: QueryExpr[]): QueryExpr {
  const args = parts.flatMap((p) => (p.kind === kind ? p.args : [p]));
  return args.length === 1 ? args[0]! : { kind, args };
}

export function termCount(expr: QueryExpr): number {
  if (expr.kind === "term") return 1;
  if (expr.kind === "not") return termCount(expr.arg);
  return expr.args.reduce((n, a) => n + termCount(a), 0);
}

export function depthOf(expr: QueryExpr): number {
  if (expr.kind === "term") return 0;
  if (expr.kind === "not") return 1 + depthOf(expr.arg);
  return 1 + Math.max(...expr.args.map(depthOf));
}

/** Wildcards in a value: a bare `*` or `?`. */
export const hasWildcard = (value: string) => /[*?]/.test(value);

/** `%term%` for ILIKE, with the user's own %, _ and \ matched literally. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, "\\$&")}%`;
}

/** `task_*` → `task\_%` for LIKE: the user's own %, _ and \ are matched literally. */
export function wildcardPattern(value: string): string {
  return value.replace(/[\\%_]/g, "\\$&").replace(/\*/g, "%").replace(/\?/g, "_");
}

/** The same pattern as a RegExp (case-insensitive), for matching lists held in memory. */
export function wildcardRegExp(value: string): RegExp {
  const body = value.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${body}$`, "i");
}
