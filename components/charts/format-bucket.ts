/**
 * Time labels for chart buckets. Buckets of a day or more are UTC days (the rollups' days),
 * so they are labelled in UTC; finer ones in the viewer's own clock.
 */
const utcDay = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short" });
// Buckets of four weeks and more span years (events Asana dated 0001 or 9999 stretch a chart over millennia): the year is the point.
const utcMonthYear = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", month: "short", year: "numeric" });
const utcDayYear = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" });
const LONG_BUCKET_MS = 28 * 86_400_000;
const localDay = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short" });
const localTime = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

export function isDayBucket(bucketMs: number): boolean {
  return bucketMs >= 86_400_000;
}

export function bucketTick(iso: string, bucketMs: number): string {
  const date = new Date(iso);
  if (bucketMs >= LONG_BUCKET_MS) return utcMonthYear.format(date);
  if (isDayBucket(bucketMs)) return utcDay.format(date);
  if (bucketMs >= 3_600_000 * 3) return `${localDay.format(date)} ${localTime.format(date)}`;
  return localTime.format(date);
}

/** "20 Nov 14:00 – 17:00", "20 Nov – 27 Nov (UTC)". */
export function bucketRange(from: string, to: string, bucketMs: number): string {
  const a = new Date(from);
  const b = new Date(to);
  if (isDayBucket(bucketMs)) {
    const end = new Date(b.getTime() - 1);
    const format = bucketMs >= LONG_BUCKET_MS ? utcDayYear : utcDay;
    const first = format.format(a);
    const last = format.format(end);
    return first === last ? `${first} (UTC)` : `${first} – ${last} (UTC)`;
  }
  const sameDay = localDay.format(a) === localDay.format(b);
  return `${localDay.format(a)} ${localTime.format(a)} – ${sameDay ? "" : `${localDay.format(b)} `}${localTime.format(b)}`;
}
