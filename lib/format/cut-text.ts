/**
 * `value` cut at `max` characters counted as PostgreSQL's left() and length() count them (code
 * points), for values cut in JavaScript beside values cut in SQL. Bounded by `max`, not by the
 * value: a code point is one or two UTF-16 units, so 2 × max + 2 units hold more than `max` of
 * them whenever the value does.
 */
export function cutText(value: string, max: number): { value: string; cut?: true } {
  const chars = Array.from(value.slice(0, 2 * max + 2));
  return chars.length > max ? { value: chars.slice(0, max).join(""), cut: true } : { value };
}
