/**
 * Rows grouped by key in their order, at most `maxKeys` keys (rows of further keys are
 * dropped), rows without a key skipped. Lists grow in place: copying a list per row made a
 * batch's busiest key (an office address with thousands of sign-ins) quadratic in garbage.
 */
export function groupBy<T>(rows: Iterable<T>, key: (row: T) => string | null, maxKeys = Number.POSITIVE_INFINITY): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    const list = groups.get(k);
    if (list) list.push(row);
    else if (groups.size < maxKeys) groups.set(k, [row]);
  }
  return groups;
}

/** Times as ISO text for a `::timestamptz[]` parameter: pg's own formatting of a Date costs several times more. */
export const isoTimes = (dates: Iterable<Date>): string[] => Array.from(dates, (d) => d.toISOString());

/** Per key, the new events' times widened by `before` and `after`, overlapping ones merged. */
export function keySpans(byKey: ReadonlyMap<string, readonly { at: Date }[]>, before: number, after: number): Array<{ key: string; from: Date; to: Date }> {
  const spans: Array<{ key: string; from: Date; to: Date }> = [];
  for (const [key, events] of byKey) {
    const times = events.map((e) => e.at.getTime()).sort((a, b) => a - b);
    let from = times[0]! - before;
    let to = times[0]! + after;
    for (const t of times.slice(1)) {
      if (t - before <= to) to = Math.max(to, t + after);
      else {
        spans.push({ key, from: new Date(from), to: new Date(to) });
        from = t - before;
        to = t + after;
      }
    }
    spans.push({ key, from: new Date(from), to: new Date(to) });
  }
  return spans;
}
