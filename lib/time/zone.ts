/**
 * Wall clocks and calendar days in an IANA time zone, with Intl alone (no zone database of
 * our own): what "today", "this week" or a chart's day means for the zone the reader chose.
 * Every function takes the zone explicitly; "UTC" is a zone like any other.
 */
export const UTC = "UTC";

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Whether Intl knows the zone ("Europe/Berlin", "UTC"); a URL may carry any text. */
export function isTimeZone(name: string): boolean {
  if (name.length === 0 || name.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The zone the browser (or the server's process) runs in. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || UTC;
}

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, format);
  }
  return format;
}

export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

/** The instant whose UTC fields are the wall clock's (years 0–99 included, which Date.UTC shifts). */
function utcOf(w: Pick<WallClock, "year" | "month" | "day"> & Partial<WallClock>): number {
  const date = new Date(0);
  date.setUTCFullYear(w.year, w.month - 1, w.day);
  date.setUTCHours(w.hour ?? 0, w.minute ?? 0, w.second ?? 0, w.ms ?? 0);
  return date.getTime();
}

/** What a clock on the wall in `zone` reads at the instant `at`. */
export function wallClock(at: Date, zone: string): WallClock {
  if (zone === UTC) {
    return { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate(), hour: at.getUTCHours(), minute: at.getUTCMinutes(), second: at.getUTCSeconds(), ms: at.getUTCMilliseconds() };
  }
  const parts = new Map(partsFormatter(zone).formatToParts(at).map((p) => [p.type, p.value]));
  const year = Number(parts.get("year"));
  return {
    year: parts.get("era") === "BC" ? 1 - year : year,
    month: Number(parts.get("month")),
    day: Number(parts.get("day")),
    hour: Number(parts.get("hour")),
    minute: Number(parts.get("minute")),
    second: Number(parts.get("second")),
    ms: ((at.getTime() % 1000) + 1000) % 1000,
  };
}

/** The zone's offset from UTC at an instant, in milliseconds (+3,600,000 for Berlin in winter). */
export function offsetMs(at: Date, zone: string): number {
  return utcOf(wallClock(at, zone)) - at.getTime();
}

/** "+01:00", "-04:00", "+05:30". */
export function offsetText(at: Date, zone: string): string {
  const minutes = Math.round(offsetMs(at, zone) / 60_000);
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/**
 * The instant a wall clock in `zone` shows. A time skipped by a clock change (02:30 on the
 * day Berlin springs forward) reads as the same length of time after the change (03:30); a
 * time shown twice (autumn) as its later occurrence.
 */
export function instantOf(wall: Pick<WallClock, "year" | "month" | "day"> & Partial<WallClock>, zone: string): Date {
  const guess = utcOf(wall);
  if (zone === UTC) return new Date(guess);
  const first = guess - offsetMs(new Date(guess), zone);
  return new Date(guess - offsetMs(new Date(first), zone));
}

/** A calendar date `days` after the given one (negative: before). */
export function addDays(date: Pick<WallClock, "year" | "month" | "day">, days: number): Pick<WallClock, "year" | "month" | "day"> {
  const d = new Date(utcOf(date) + days * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Monday 0 … Sunday 6, as ISO 8601 counts. */
export function isoWeekday(date: Pick<WallClock, "year" | "month" | "day">): number {
  return (new Date(utcOf(date)).getUTCDay() + 6) % 7;
}

/** The start of the zone's day holding `at`. */
export function startOfDay(at: Date, zone: string): Date {
  const w = wallClock(at, zone);
  return instantOf({ year: w.year, month: w.month, day: w.day }, zone);
}

/** The start of the zone's ISO week (Monday 00:00) holding `at`. */
export function startOfWeek(at: Date, zone: string): Date {
  const w = wallClock(at, zone);
  return instantOf(addDays(w, -isoWeekday(w)), zone);
}

/** The start of the zone's month holding `at`, `months` later (negative: earlier). */
export function startOfMonth(at: Date, zone: string, months = 0): Date {
  const w = wallClock(at, zone);
  const index = w.year * 12 + (w.month - 1) + months;
  return instantOf({ year: Math.floor(index / 12), month: (index % 12) + 1, day: 1 }, zone);
}

/** The start of the day `days` after the zone's day holding `at`: 23 or 25 hours apart around a clock change. */
export function shiftDay(at: Date, zone: string, days: number): Date {
  const w = wallClock(at, zone);
  return instantOf(addDays(w, days), zone);
}

/**
 * Whether every offset the zone has used since 1970 is a whole number of hours: then its days
 * are exact sums of UTC hours (the hourly rollup). India (+05:30) or Nepal (+05:45) are not;
 * their days are summed from the hours that start in them, up to 45 minutes off at each end.
 */
export function hasWholeHourOffsets(zone: string, probes: readonly Date[] = PROBES): boolean {
  return probes.every((at) => offsetMs(at, zone) % 3_600_000 === 0);
}

// January and July of recent years: enough to see both the winter and summer offsets in use.
const PROBES = Array.from({ length: 20 }, (_, i) => [new Date(Date.UTC(2010 + i, 0, 15)), new Date(Date.UTC(2010 + i, 6, 15))]).flat();
