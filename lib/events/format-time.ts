import { format } from "date-fns";
import type { TimeZoneChoice } from "./view";

/**
 * Times as the explorer prints them: ISO-like, to the second (milliseconds on demand), and
 * always with the offset, so that a screenshot or a pasted row says which instant it means.
 */
export function formatInstant(iso: string, tz: TimeZoneChoice, options: { ms?: boolean } = {}): string {
  const date = new Date(iso);
  if (tz === "utc") {
    const text = date.toISOString();
    return `${text.slice(0, 10)} ${text.slice(11, options.ms ? 23 : 19)} +00:00`;
  }
  return format(date, options.ms ? "yyyy-MM-dd HH:mm:ss.SSS xxx" : "yyyy-MM-dd HH:mm:ss xxx");
}

/** "UTC+01:00" for the viewer's zone at an instant (offsets move with daylight saving). */
export function offsetLabel(tz: TimeZoneChoice, at = new Date()): string {
  return tz === "utc" ? "UTC" : `UTC${format(at, "xxx")}`;
}

/** The value of an <input type="datetime-local"> for an instant, in the chosen zone. */
export function toLocalInput(iso: string | null, tz: TimeZoneChoice): string {
  if (!iso) return "";
  return tz === "utc" ? iso.slice(0, 16) : format(new Date(iso), "yyyy-MM-dd'T'HH:mm");
}

/** An <input type="datetime-local"> value, read in the chosen zone, as a UTC instant. */
export function fromLocalInput(value: string, tz: TimeZoneChoice): string | null {
  if (!value) return null;
  const date = tz === "utc" ? new Date(`${value}:00Z`) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
