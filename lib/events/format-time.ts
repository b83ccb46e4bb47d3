import { instantOf, offsetText, UTC, wallClock } from "@/lib/time/zone";

/**
 * Times as the explorer prints them: ISO-like, to the second (milliseconds on demand), and
 * always with the offset, so that a screenshot or a pasted row says which instant it means.
 * `zone` is an IANA zone ("UTC", "America/New_York"): the browser resolves "local" before
 * calling (components/shell/local-zone.tsx).
 */
export function formatInstant(iso: string, zone: string, options: { ms?: boolean } = {}): string {
  const date = new Date(iso);
  if (zone === UTC) {
    const text = date.toISOString();
    return `${text.slice(0, 10)} ${text.slice(11, options.ms ? 23 : 19)} +00:00`;
  }
  const w = wallClock(date, zone);
  const p = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${p(w.year, 4)}-${p(w.month)}-${p(w.day)} ${p(w.hour)}:${p(w.minute)}:${p(w.second)}${options.ms ? `.${p(w.ms, 3)}` : ""} ${offsetText(date, zone)}`;
}

/**
 * ISO 8601 in a zone, with its offset ("2026-11-20T05:00:00-05:00"; milliseconds when there
 * are some): what the query bar shows, and reads back as the same instant.
 */
export function isoInZone(iso: string, zone: string): string {
  const ms = new Date(iso).getUTCMilliseconds() !== 0;
  if (zone === UTC) return ms ? new Date(iso).toISOString() : new Date(iso).toISOString().replace(".000Z", "Z");
  const [date, clock, offset] = formatInstant(iso, zone, { ms }).split(" ");
  return `${date}T${clock}${offset}`;
}

/** "UTC", or "UTC-05:00" for a zone at an instant (offsets move with daylight saving). */
export function offsetLabel(zone: string, at = new Date()): string {
  return zone === UTC ? "UTC" : `UTC${offsetText(at, zone)}`;
}

/** "UTC", "America/New_York (UTC-05:00)": what a header or a menu says the zone is. */
export function zoneLabel(zone: string, at = new Date()): string {
  return zone === UTC ? "UTC" : `${zone} (${offsetLabel(zone, at)})`;
}

/** The value of an <input type="datetime-local"> for an instant, in the zone. */
export function toLocalInput(iso: string | null, zone: string): string {
  if (!iso) return "";
  return formatInstant(iso, zone).slice(0, 16).replace(" ", "T");
}

/** An <input type="datetime-local"> value, read in the zone, as a UTC instant. */
export function fromLocalInput(value: string, zone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((n) => Number(n ?? 0));
  const date = instantOf({ year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: second! }, zone);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
