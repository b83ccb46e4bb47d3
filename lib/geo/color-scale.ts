/**
 * The map's colour classes: logarithmic between the smallest and the largest count, because a
 * domain's activity by country is heavy-tailed (one head office holds most of it) and a
 * linear scale would paint every other country the palest class; starting at the smallest
 * count keeps every class in use when the counts lie close together. Bounds past the first
 * have one significant digit (8, 70, 600), or two where one would merge classes, so that the
 * legend reads as ranges a person would name.
 */
export const MAP_CLASSES = 5;

export interface ColorClass {
  /** Inclusive bounds of the counts in this class. */
  from: number;
  to: number;
}

/** x (≥ 1) rounded down to `digits` significant digits. */
function roundDown(x: number, digits: number): number {
  const power = 10 ** Math.max(0, Math.floor(Math.log10(x)) - digits + 1);
  return Math.floor(x / power) * power;
}

/** At most MAP_CLASSES classes covering `min` to `max` (counts of at least 1), never an empty range. */
export function colorClasses(min: number, max: number): ColorClass[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < 1) return [];
  const low = Math.max(1, Math.min(Math.floor(min), Math.floor(max)));
  const starts = [low];
  for (let i = 1; i < MAP_CLASSES; i++) {
    // Two digits where one would merge classes (counts from 126 to 333: 150, 180, 200, 270).
    const x = low * (max / low) ** (i / MAP_CLASSES);
    const start = [roundDown(x, 1), roundDown(x, 2)].find((n) => n > starts[starts.length - 1]!);
    if (start !== undefined) starts.push(start);
  }
  return starts.map((from, i) => ({ from, to: i + 1 < starts.length ? starts[i + 1]! - 1 : Math.floor(max) }));
}

/** The class a count falls in (0 the palest), or -1 for none (no events). */
export function classOf(classes: readonly ColorClass[], count: number): number {
  if (count < 1 || classes.length === 0) return -1;
  for (let i = classes.length - 1; i > 0; i--) if (count >= classes[i]!.from) return i;
  return 0;
}

/**
 * CSS colour of class `index` of `count`: globals.css defines a ramp of MAP_CLASSES for both
 * themes, spread over fewer classes so that the busiest is always the ramp's strongest.
 */
export function classColor(index: number, count: number): string {
  if (index < 0 || count < 1) return "var(--map-none)";
  const step = count === 1 ? MAP_CLASSES - 1 : Math.round((index * (MAP_CLASSES - 1)) / (count - 1));
  return `var(--map-${step + 1})`;
}
