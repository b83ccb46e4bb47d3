import { z } from "zod";
import { isTimeZone, shiftDay, startOfDay, startOfMonth, startOfWeek, UTC } from "@/lib/time/zone";

/**
 * The time range of a filter: relative to now ("last 7 days", which keeps rolling when a link
 * is opened later) or absolute (either bound may be open). Relative ranges are written as a
 * count and a unit: 15m, 4h, 7d, 2w, or "all".
 */
export const TIME_PRESETS = ["15m", "1h", "4h", "24h", "7d", "30d", "90d", "all"] as const;
export type TimePreset = (typeof TIME_PRESETS)[number];

/** The default view: a week is what an investigation usually starts from, and it keeps facets fast. */
export const DEFAULT_LAST = "7d";

/**
 * Calendar ranges people reach for: relative to now (a link keeps moving with time) but
 * aligned to the days, ISO weeks (from Monday) and months of a zone. "today", "this week"
 * and "this month" run up to now (open-ended, like "last 7 days"); "yesterday" and "last
 * month" are closed.
 */
export const CALENDAR_PRESETS = ["today", "yesterday", "this_week", "this_month", "last_month"] as const;
export type CalendarPreset = (typeof CALENDAR_PRESETS)[number];
export const isCalendarPreset = (value: string): value is CalendarPreset => (CALENDAR_PRESETS as readonly string[]).includes(value);

const CALENDAR_WORDS: Record<CalendarPreset, string> = { today: "Today", yesterday: "Yesterday", this_week: "This week", this_month: "This month", last_month: "Last month" };

/**
 * `zone` (an IANA name, or "UTC") is set on calendar ranges only: the zone whose days they
 * follow, read from the URL's `tz` (or the browser's zone for "local").
 */
export type TimeRange = { kind: "relative"; last: string; zone?: string } | { kind: "absolute"; from: string | null; to: string | null };

export const DEFAULT_TIME: TimeRange = { kind: "relative", last: DEFAULT_LAST };

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
const UNIT_WORDS = { m: "minute", h: "hour", d: "day", w: "week" } as const;
/** Ten years: far beyond Asana's retention, small enough to stay a sane date. */
const MAX_RELATIVE_MS = 3650 * UNIT_MS.d;

/**
 * Milliseconds of a relative range, null for "all" and for a calendar preset (whose length
 * depends on the zone and the day: resolveTimeRange says where it starts), or an error message.
 */
export function parseRelative(value: string): number | null | { error: string } {
  if (value === "all" || isCalendarPreset(value)) return null;
  const match = /^(\d{1,6})([mhdw])$/.exec(value);
  if (!match) return { error: `"${value}" is not a time range: use a number and a unit (15m, 4h, 7d, 2w), "all", or one of ${CALENDAR_PRESETS.join(", ")}` };
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  if (ms === 0) return { error: `"${value}" is an empty time range` };
  if (ms > MAX_RELATIVE_MS) return { error: `"${value}" is longer than ten years; use "all" for everything` };
  return ms;
}

/** The years a range may name: the audit log's own, with room on either side, and sane dates. */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/** Whether a range may start or end at `date` (an event Asana dated 0001 or 9999 is outside). */
export function isRangeInstant(date: Date): boolean {
  const year = date.getUTCFullYear();
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

const ISO_SHAPE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * An instant from ISO 8601 text, normalised to UTC with milliseconds. A date alone means its
 * start in UTC, and so does a time without an offset: the URL must mean the same instant for
 * every admin who opens it, whatever their zone.
 */
export function parseInstant(value: string): string | { error: string } {
  if (!ISO_SHAPE.test(value)) return { error: `"${value}" is not a date or time: use ISO 8601, e.g. 2026-11-20 or 2026-11-20T09:30:00Z` };
  let text = value.replace(" ", "T");
  if (text.length === 10) text += "T00:00:00Z";
  else if (!/(?:Z|[+-]\d{2}:?\d{2})$/i.test(text)) text += "Z";
  // Date() reads fractions beyond milliseconds inconsistently across engines: cut them.
  text = text.replace(/(\.\d{3})\d+/, "$1");
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) return { error: `"${value}" is not a real date or time` };
  if (!isRangeInstant(date)) return { error: `"${value}" is outside the years ${FIRST_YEAR} to ${LAST_YEAR}` };
  // Rejects 2026-02-31 and 25:00, which Date() would silently roll over.
  const [y, mo, d] = value.slice(0, 10).split("-").map(Number);
  const probe = new Date(Date.UTC(y!, mo! - 1, d!));
  if (probe.getUTCMonth() !== mo! - 1 || probe.getUTCDate() !== d) return { error: `"${value}" is not a real date` };
  const clock = /T(\d{2}):(\d{2})(?::(\d{2}))?/i.exec(text);
  if (clock && (Number(clock[1]) > 23 || Number(clock[2]) > 59 || Number(clock[3] ?? 0) > 59)) return { error: `"${value}" is not a real time of day` };
  return date.toISOString();
}

/** Checks an absolute range's bounds against each other. */
export function checkAbsolute(from: string | null, to: string | null): string | null {
  if (from && to && Date.parse(from) >= Date.parse(to)) return `the range starts (${from}) at or after it ends (${to}): swap "from" and "to"`;
  return null;
}

/** The instants a calendar preset covers at `now` in `zone`. */
export function resolveCalendarPreset(preset: CalendarPreset, now: Date, zone: string): { from: Date; to: Date | null } {
  switch (preset) {
    case "today":
      return { from: startOfDay(now, zone), to: null };
    case "yesterday":
      return { from: shiftDay(now, zone, -1), to: startOfDay(now, zone) };
    case "this_week":
      return { from: startOfWeek(now, zone), to: null };
    case "this_month":
      return { from: startOfMonth(now, zone), to: null };
    case "last_month":
      return { from: startOfMonth(now, zone, -1), to: startOfMonth(now, zone) };
  }
}

/** The instants a range covers at `now`: null bounds are open. */
export function resolveTimeRange(range: TimeRange, now: Date): { from: Date | null; to: Date | null } {
  if (range.kind === "absolute") return { from: range.from ? new Date(range.from) : null, to: range.to ? new Date(range.to) : null };
  if (isCalendarPreset(range.last)) return resolveCalendarPreset(range.last, now, range.zone ?? UTC);
  const ms = parseRelative(range.last);
  if (ms === null || typeof ms === "object") return { from: null, to: null };
  return { from: new Date(now.getTime() - ms), to: null };
}

/** "Last 7 days", "Last 15 minutes", "All time", "This week". */
export function describeRelative(last: string): string {
  if (last === "all") return "All time";
  if (isCalendarPreset(last)) return CALENDAR_WORDS[last];
  const match = /^(\d+)([mhdw])$/.exec(last);
  if (!match) return last;
  const n = Number(match[1]);
  const word = UNIT_WORDS[match[2] as keyof typeof UNIT_WORDS];
  return n === 1 ? `Last ${word}` : `Last ${n} ${word}s`;
}

export const timeRangeSchema: z.ZodType<TimeRange> = z.union([
  z.object({
    kind: z.literal("relative"),
    zone: z.string().refine(isTimeZone, "not a time zone Intl knows, e.g. Europe/Berlin or UTC").optional(),
    last: z.string().superRefine((v, ctx) => {
      const r = parseRelative(v);
      if (r !== null && typeof r === "object") ctx.addIssue({ code: "custom", message: r.error });
    }),
  }),
  z
    .object({ kind: z.literal("absolute"), from: z.string().nullable(), to: z.string().nullable() })
    .superRefine((v, ctx) => {
      for (const key of ["from", "to"] as const) {
        const raw = v[key];
        if (raw === null) continue;
        const r = parseInstant(raw);
        if (typeof r === "object") ctx.addIssue({ code: "custom", path: [key], message: r.error });
      }
      if (v.from === null && v.to === null) ctx.addIssue({ code: "custom", message: "an absolute range needs a start, an end or both" });
      const reversed = checkAbsolute(v.from, v.to);
      if (reversed) ctx.addIssue({ code: "custom", message: reversed });
    }),
]);
