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
