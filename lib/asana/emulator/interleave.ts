/**
 * Where an organisation's incident events sit among its ordinary ones. Both run in time order,
 * and incident k goes before the ordinary events of its own time or later, so its stream
 * position is k plus the number of ordinary events before its time. A position is then either
 * incident k or ordinary event (position - incidents before it): ordinary events stay pure
 * functions of their own index, whatever was planted around them.
 */
export class Interleaving {
  /** Number of incidents before the gap the last answer fell in: sequential reads stay in it. */
  private gap = 0;

  /** `positions`: stream positions of the incidents, strictly increasing. */
  constructor(private readonly positions: Float64Array) {}

  get count(): number {
    return this.positions.length;
  }

  /** The ordinary index (>= 0) at stream position i, or ~k (< 0) when incident k is there. */
  locate(i: number): number {
    const p = this.positions;
    const n = p.length;
    if (n === 0) return i;
    let j = this.gap;
    if ((j > 0 && i <= (p[j - 1] as number)) || (j < n && i >= (p[j] as number))) {
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((p[mid] as number) < i) lo = mid + 1;
        else hi = mid;
      }
      if (lo < n && p[lo] === i) return ~lo;
      j = lo;
      this.gap = j;
    }
    return i - j;
  }
}

/** How many of the sorted `times` are below `ms`. */
export function countBelow(times: Float64Array, ms: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
