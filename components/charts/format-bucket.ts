/**
 * Time labels for chart buckets, in the zone the buckets were counted in (the answer says
 * which: CountOverTime.zone). Day and week buckets are that zone's days, so a label never
 * names a day the bar does not hold.
 */
const LONG_BUCKET_MS = 28 * 86_400_000;
const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string, kind: "day" | "monthYear" | "dayYear" | "time"): Intl.DateTimeFormat {
  const key = `${zone}\u0000${kind}`;
  let format = formats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      kind === "day"
        ? { day: "numeric", month: "short" }
        : kind === "monthYear"
          ? { month: "short", year: "numeric" }
          : kind === "dayYear"
            ? { day: "numeric", month: "short", year: "numeric" }
            : { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
    format = new Intl.DateTimeFormat("en-GB", { ...options, timeZone: zone });
    formats.set(key, format);
  }
  return format;
}

export function isDayBucket(bucketMs: number): boolean {
  return bucketMs >= 86_400_000;
}

export function bucketTick(iso: string, bucketMs: number, zone = "UTC"): string {
  const date = new Date(iso);
  // Buckets of four weeks and more span years (events Asana dated 0001 or 9999 stretch a chart over millennia): the year is the point.
  if (bucketMs >= LONG_BUCKET_MS) return formatter(zone, "monthYear").format(date);
  if (isDayBucket(bucketMs)) return formatter(zone, "day").format(date);
  if (bucketMs >= 3_600_000 * 3) return `${formatter(zone, "day").format(date)} ${formatter(zone, "time").format(date)}`;
  return formatter(zone, "time").format(date);
}

/** "20 Nov 14:00 – 17:00 (UTC)", "20 Nov – 26 Nov (Europe/Berlin)". */
export function bucketRange(from: string, to: string, bucketMs: number, zone = "UTC"): string {
  const a = new Date(from);
  const b = new Date(to);
  const day = formatter(zone, "day");
  const time = formatter(zone, "time");
  if (isDayBucket(bucketMs)) {
    const end = new Date(b.getTime() - 1);
    const format = bucketMs >= LONG_BUCKET_MS ? formatter(zone, "dayYear") : day;
    const first = format.format(a);
    const last = format.format(end);
    return first === last ? `${first} (${zone})` : `${first} – ${last} (${zone})`;
  }
  const sameDay = day.format(a) === day.format(b);
  return `${day.format(a)} ${time.format(a)} – ${sameDay ? "" : `${day.format(b)} `}${time.format(b)} (${zone})`;
}
